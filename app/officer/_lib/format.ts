// Dates and numbers for the officer screens, always in Vietnam time. Built from numeric parts so the
// server's and the browser's ICU data print the same string (no hydration mismatch).
import type { Locale } from "~/server/i18n/core";

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export interface VietnamParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function vietnamParts(date: Date): VietnamParts {
  const out: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(date)) out[p.type] = p.value;
  return {
    year: out.year ?? "",
    month: out.month ?? "",
    day: out.day ?? "",
    hour: out.hour === "24" ? "00" : (out.hour ?? ""),
    minute: out.minute ?? "",
    second: out.second ?? "",
  };
}

/** 27/02/2026 (dd/mm/yyyy is the Vietnamese and British order alike). */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return "—";
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 27/02/2026 17:00 */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return "—";
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 17:00 */
export function formatTime(date: Date): string {
  const p = vietnamParts(date);
  return `${p.hour}:${p.minute}`;
}

/** 27/02/2026 17:00:05 (timelines: server vs device time differ by seconds). */
export function formatDateTimeSeconds(date: Date | null | undefined): string {
  if (!date) return "—";
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** ISO `YYYY-MM-DD` of the Vietnam calendar day (for <input type="date"> values). */
export function vietnamDateKey(date: Date): string {
  const p = vietnamParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant a Vietnam calendar day starts; null for anything but a valid `YYYY-MM-DD`. */
export function startOfVietnamDay(key: string | null | undefined): Date | null {
  if (!key || !/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const date = new Date(`${key}T00:00:00+07:00`);
  if (Number.isNaN(date.getTime()) || vietnamDateKey(date) !== key) return null;
  return date;
}

/** The instant the next Vietnam calendar day starts (an exclusive upper bound for a date range). */
export function endOfVietnamDay(key: string | null | undefined): Date | null {
  const start = startOfVietnamDay(key);
  return start ? new Date(start.getTime() + 24 * 3600 * 1000) : null;
}

/** `YYYY-MM-DD` at `HH:MM` Vietnam time. */
export function vietnamInstant(key: string, time: string): Date | null {
  if (!startOfVietnamDay(key) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const date = new Date(`${key}T${time}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatNumber(value: number | bigint, locale: Locale): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB").format(value);
}

export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, locale)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10, locale)} MB`;
}

/** Vietnamese or English name of a bilingual record. */
export function pickName(locale: Locale, vi: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : vi;
}
