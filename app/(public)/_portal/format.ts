// Formatting for the citizen portal: Vietnam time, money in đồng, time limits, fee rules.
import type { Locale, TFunction } from "~/server/i18n/core";
import type { TFeeRule } from "~/server/modules/procedure/schema";

const TIME_ZONE = "Asia/Ho_Chi_Minh";
const intlLocale = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

// Building an Intl.DateTimeFormat with a time zone costs far more than formatting with it, and a
// tracking page formats dozens of dates: one formatter per locale and shape, kept.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: TIME_ZONE,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hour12: false } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** "13/02/2026 10:00" in Vietnam time, whatever the server's zone. */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(locale, true).format(date);
}

export function formatDate(date: Date, locale: Locale): string {
  return dateTimeFormat(locale, false).format(date);
}

/** "3.000.000 đồng" / "VND 3,000,000". */
export function formatMoney(amount: number | bigint, locale: Locale): string {
  const n = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(amount);
  return locale === "vi" ? `${n} đồng` : `VND ${n}`;
}

function formatPercent(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 3 }).format(rate);
}

export function formatFee(rule: TFeeRule, t: TFunction, locale: Locale): string {
  switch (rule.kind) {
    case "none":
      return t("catalogue.fees.none");
    case "fixed":
      return t("catalogue.fees.fixed", { amount: formatMoney(rule.amount, locale) });
    case "percent": {
      const rate = formatPercent(rule.rate, locale);
      const min = rule.min !== undefined ? formatMoney(rule.min, locale) : null;
      const max = rule.max !== undefined ? formatMoney(rule.max, locale) : null;
      if (min && max) return t("catalogue.fees.percent", { rate, min, max });
      if (min) return t("catalogue.fees.percentMin", { rate, min });
      if (max) return t("catalogue.fees.percentMax", { rate, max });
      return t("catalogue.fees.percentOnly", { rate });
    }
    case "schedule":
      return t("catalogue.fees.schedule");
  }
}

/** "5 ngày làm việc" / "5 working days". */
export function formatLimit(value: number, unit: "WORKING_DAY" | "WORKING_HOUR", t: TFunction): string {
  return t(`catalogue.units.${unit}`, { count: value });
}

/** A step allowance kept in working hours, shown in days when it is whole days. */
export function formatAllowance(value: number, unit: "WORKING_DAY" | "WORKING_HOUR", t: TFunction): string {
  if (unit === "WORKING_HOUR" && value >= 8 && value % 8 === 0) return formatLimit(value / 8, "WORKING_DAY", t);
  return formatLimit(value, unit, t);
}

export function pick(text: { vi: string; en: string }, locale: Locale): string {
  return locale === "en" ? text.en : text.vi;
}

export function fileSize(bytes: number, locale: Locale): string {
  const units = ["B", "KB", "MB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
