// Instants (UTC) ⇄ wall-clock time in an IANA time zone, through Intl, so that an
// agency's `timeZone` setting is honoured and the server's own TZ never matters.
// Asia/Ho_Chi_Minh is UTC+7 without DST; zones with DST work too (see tests).

import { formatLocalDate, localDateToUtcMidnight, type LocalDate } from "./local-date";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: that is the validation.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

interface LocalDateTime {
  date: LocalDate;
  /** Milliseconds after local midnight. */
  msOfDay: number;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === type);
    if (!p) throw new Error(`Intl gave no ${type} for ${timeZone}`);
    return Number(p.value);
  };
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

function assertValidInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}

/** Offset of the zone from UTC at that instant, in ms (Asia/Ho_Chi_Minh: +25 200 000). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const ms = assertValidInstant(instant);
  const w = wallClock(ms, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return wallAsUtc - wholeSecond;
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const ms = assertValidInstant(instant);
  const w = wallClock(ms, timeZone);
  const subSecond = ((ms % 1000) + 1000) % 1000;
  return {
    date: formatLocalDate(w.year, w.month, w.day),
    msOfDay: ((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + subSecond,
  };
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return toLocal(instant, timeZone).date;
}

/**
 * The instant at which the zone's clocks show `msOfDay` on `date`.
 * In a DST gap (a wall time that does not exist) the result lands after the gap.
 */
export function fromLocal(timeZone: string, date: LocalDate, msOfDay: number): Date {
  const wall = localDateToUtcMidnight(date) + msOfDay;
  const firstGuess = wall - zoneOffsetMs(new Date(wall), timeZone);
  const offsetThere = zoneOffsetMs(new Date(firstGuess), timeZone);
  return new Date(wall - offsetThere);
}

/** "2026-02-27 17:00" in the zone: for explanations and logs. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const { date, msOfDay } = toLocal(instant, timeZone);
  const minutes = Math.floor(msOfDay / 60_000);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
