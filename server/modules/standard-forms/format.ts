// Dates as printed on the forms: always Vietnam time, whatever the process time zone.
import type { Locale } from "./schema";

/** Vietnam has used UTC+7 all year since 1975 (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const EN_MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

interface VietnamParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function vietnamParts(instant: Date): VietnamParts {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("vietnamParts: invalid date");
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Decree 30/2020/ND-CP (document formatting): days below 10 and the months January and February
 * take a leading zero ("ngày 05 tháng 02", but "tháng 3"), so a 1 cannot be turned into a 10 or 11.
 */
function viDay(day: number): string {
  return pad2(day);
}
function viMonth(month: number): string {
  return month <= 2 ? pad2(month) : String(month);
}

/** "ngày 27 tháng 02 năm 2026" / "27 February 2026". */
export function formatDate(instant: Date, locale: Locale): string {
  const p = vietnamParts(instant);
  if (locale === "en") return `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
  return `ngày ${viDay(p.day)} tháng ${viMonth(p.month)} năm ${p.year}`;
}

/** "16 giờ 30 phút, ngày 27 tháng 02 năm 2026" / "16:30, 27 February 2026". */
export function formatDateTime(instant: Date, locale: Locale): string {
  const p = vietnamParts(instant);
  if (locale === "en") return `${pad2(p.hour)}:${pad2(p.minute)}, ${formatDate(instant, locale)}`;
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ${formatDate(instant, locale)}`;
}

/** The date line under the national motto: "Lâm Đồng, ngày 27 tháng 02 năm 2026". */
export function formatPlaceDate(place: string, instant: Date, locale: Locale): string {
  return `${place}, ${formatDate(instant, locale)}`;
}

/** Compact form for table cells: "27/02/2026". */
export function formatShortDate(instant: Date): string {
  const p = vietnamParts(instant);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** Compact form for table cells: "16:30 27/02/2026", or on two lines for narrow columns. */
export function formatShortDateTime(instant: Date, separator: " " | "\n" = " "): string {
  const p = vietnamParts(instant);
  return `${pad2(p.hour)}:${pad2(p.minute)}${separator}${formatShortDate(instant)}`;
}

/** Calendar-day comparison in Vietnam time: negative when a is an earlier day than b. */
export function compareVietnamDays(a: Date, b: Date): number {
  const pa = vietnamParts(a);
  const pb = vietnamParts(b);
  return (pa.year - pb.year) * 10000 + (pa.month - pb.month) * 100 + (pa.day - pb.day);
}
