// Working-time calendar: due dates for procedure limits (DOMAIN.md › Deadlines).
// Day limits (Civil Code 2015 arts. 147-148): the reception day is never counted; day 1 is the first
// working day after the local date of reception, whatever the hour (after hours or on a weekend it
// "starts the next working morning", and that morning is day 1); the limit ends at close of business.
// With a same-day cutoff, a reception after it or on a day off counts as received the next working day.

import type { ClockEventKind, TimeUnit } from "../../db/generated/enums";
import {
  MS_PER_HOUR,
  MS_PER_MINUTE,
  addDays,
  formatTimeOfDay,
  isLocalDate,
  isWeekend,
  parseTimeOfDay,
  type LocalDate,
} from "./local-date";
import { assertTimeZone, formatLocalDateTime, fromLocal, toLocal } from "./time-zone";

export type { LocalDate } from "./local-date";

export interface WorkingPeriod {
  /** Local time "HH:MM". */
  start: string;
  /** Local time "HH:MM", after start. */
  end: string;
}

/**
 * An agency's working calendar. Treat it as an immutable value: derived data is cached per object.
 * `holidays`: local dates that are days off (public holidays, compensatory and swapped days off).
 * `workingDays`: weekend dates declared working days (swapped). A weekday listed there changes nothing.
 */
export interface WorkingCalendar {
  timeZone: string;
  periods: readonly WorkingPeriod[];
  holidays: ReadonlySet<LocalDate> | readonly LocalDate[];
  workingDays: ReadonlySet<LocalDate> | readonly LocalDate[];
}

interface DueOptions {
  /** Local "HH:MM": a reception after it counts as received the next working day. Per procedure. */
  sameDayCutoff?: string | null;
}

interface TimeLimit {
  value: number;
  unit: TimeUnit;
}

/** The default periods of DOMAIN.md (one province's; agencies may set their own). */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { start: "07:00", end: "11:30" },
  { start: "13:30", end: "17:00" },
];

// Beyond this many consecutive days off the calendar is taken to be broken, not merely festive.
const MAX_DAYS_OFF_IN_A_ROW = 400;

type Interval = readonly [startMs: number, endMs: number];

interface NormalizedCalendar {
  timeZone: string;
  periods: readonly { startMs: number; endMs: number }[];
  holidays: ReadonlySet<LocalDate>;
  workingDays: ReadonlySet<LocalDate>;
  intervals: Map<LocalDate, readonly Interval[]>;
}

const normalized = new WeakMap<WorkingCalendar, NormalizedCalendar>();

/** What is wrong with a calendar description (empty when it is usable): for admin forms too. */
export function calendarProblems(cal: WorkingCalendar): string[] {
  const problems: string[] = [];
  try {
    assertTimeZone(cal.timeZone);
  } catch {
    problems.push(`unknown time zone ${JSON.stringify(cal.timeZone)}`);
  }
  if (cal.periods.length === 0) problems.push("no working periods");
  let previousEnd = -1;
  for (const [i, p] of cal.periods.entries()) {
    let start: number;
    let end: number;
    try {
      start = parseTimeOfDay(p.start);
      end = parseTimeOfDay(p.end);
    } catch (e) {
      problems.push(`period ${i + 1}: ${(e as Error).message}`);
      continue;
    }
    if (end <= start) problems.push(`period ${i + 1}: ends (${p.end}) before it starts (${p.start})`);
    if (start < previousEnd) problems.push(`period ${i + 1}: overlaps or precedes the previous period`);
    previousEnd = Math.max(previousEnd, end);
  }
  const holidays = new Set(cal.holidays);
  for (const d of holidays) if (!isLocalDate(d)) problems.push(`holiday ${JSON.stringify(d)} is not a date`);
  for (const d of cal.workingDays) {
    if (!isLocalDate(d)) problems.push(`working day ${JSON.stringify(d)} is not a date`);
    else if (holidays.has(d)) problems.push(`${d} is both a holiday and a working day`);
  }
  return problems;
}

function norm(cal: WorkingCalendar): NormalizedCalendar {
  const cached = normalized.get(cal);
  if (cached) return cached;
  const problems = calendarProblems(cal);
  if (problems.length > 0) throw new RangeError(`Invalid working calendar: ${problems.join("; ")}`);
  const n: NormalizedCalendar = {
    timeZone: cal.timeZone,
    periods: cal.periods.map((p) => ({ startMs: parseTimeOfDay(p.start), endMs: parseTimeOfDay(p.end) })),
    holidays: new Set(cal.holidays),
    workingDays: new Set(cal.workingDays),
    intervals: new Map(),
  };
  normalized.set(cal, n);
  return n;
}

function dayIsWorking(n: NormalizedCalendar, date: LocalDate): boolean {
  if (n.holidays.has(date)) return false;
  if (isWeekend(date)) return n.workingDays.has(date);
  return true;
}

/** Working periods of that local date as UTC instants (ms); empty on a day off. */
function intervalsOf(n: NormalizedCalendar, date: LocalDate): readonly Interval[] {
  let list = n.intervals.get(date);
  if (!list) {
    list = dayIsWorking(n, date)
      ? n.periods.map(
          (p) =>
            [fromLocal(n.timeZone, date, p.startMs).getTime(), fromLocal(n.timeZone, date, p.endMs).getTime()] as const,
        )
      : [];
    n.intervals.set(date, list);
  }
  return list;
}

function firstWorkingDayFrom(n: NormalizedCalendar, date: LocalDate): LocalDate {
  let d = date;
  for (let i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++) {
    if (dayIsWorking(n, d)) return d;
    d = addDays(d, 1);
  }
  throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}: check the calendar`);
}

function validInstant(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid Date`);
  return ms;
}

// ─── Days ──────────────────────────────────────────────────────────────────

export function isWorkingDay(cal: WorkingCalendar, date: LocalDate): boolean {
  if (!isLocalDate(date)) throw new RangeError(`Not a date: ${JSON.stringify(date)}`);
  return dayIsWorking(norm(cal), date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkingCalendar, date: LocalDate): LocalDate {
  return firstWorkingDayFrom(norm(cal), addDays(date, 1));
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(cal: WorkingCalendar, date: LocalDate): LocalDate {
  return firstWorkingDayFrom(norm(cal), date);
}

/** The start of the first period of that date (whether or not it is a working day). */
function openingOf(cal: WorkingCalendar, date: LocalDate): Date {
  const n = norm(cal);
  return fromLocal(n.timeZone, date, n.periods[0]!.startMs);
}

/** Close of business: the end of the last period of that date. */
export function closeOfBusiness(cal: WorkingCalendar, date: LocalDate): Date {
  const n = norm(cal);
  return fromLocal(n.timeZone, date, n.periods[n.periods.length - 1]!.endMs);
}

/** Sum of the periods of one working day (8 hours with DOMAIN's periods). */
export function workingDayLengthMs(cal: WorkingCalendar): number {
  return norm(cal).periods.reduce((sum, p) => sum + p.endMs - p.startMs, 0);
}

// "After 15:00" is read literally: 15:00:00 is still the same day, 15:00:01 is not.
function isAfterCutoff(msOfDay: number, cutoff: string | null | undefined): boolean {
  return cutoff != null && msOfDay > parseTimeOfDay(cutoff);
}

/**
 * The reception day that a day limit does not count: the local date of reception, or — with a
 * same-day cutoff — the next working day when received after the cutoff or on a day off.
 */
export function receptionDay(cal: WorkingCalendar, receivedAt: Date, opts: DueOptions = {}): LocalDate {
  validInstant(receivedAt, "receivedAt");
  const n = norm(cal);
  const { date, msOfDay } = toLocal(receivedAt, n.timeZone);
  if (opts.sameDayCutoff == null) return date;
  if (!dayIsWorking(n, date)) return firstWorkingDayFrom(n, date);
  return isAfterCutoff(msOfDay, opts.sameDayCutoff) ? firstWorkingDayFrom(n, addDays(date, 1)) : date;
}

interface WorkingDaysCount {
  /** The uncounted reception day. */
  receptionDay: LocalDate;
  /** Day 1 … day n. */
  days: LocalDate[];
  dueAt: Date;
}

/**
 * `n` working days after reception, with the days listed (for explanations).
 * n = 0 means "within the working day": close of business of the reception day, or of the next
 * working day when the reception day is a day off or already closed.
 */
export function countWorkingDays(
  cal: WorkingCalendar,
  receivedAt: Date,
  n: number,
  opts: DueOptions = {},
): WorkingDaysCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A day limit must be a whole number ≥ 0, got ${n}`);
  const c = norm(cal);
  const start = receptionDay(cal, receivedAt, opts);
  if (n === 0) {
    let day = firstWorkingDayFrom(c, start);
    if (closeOfBusiness(cal, day).getTime() <= receivedAt.getTime()) day = firstWorkingDayFrom(c, addDays(day, 1));
    return { receptionDay: start, days: [], dueAt: closeOfBusiness(cal, day) };
  }
  const days: LocalDate[] = [];
  let d = start;
  for (let i = 0; i < n; i++) {
    d = firstWorkingDayFrom(c, addDays(d, 1));
    days.push(d);
  }
  return { receptionDay: start, days, dueAt: closeOfBusiness(cal, d) };
}

export function addWorkingDays(cal: WorkingCalendar, receivedAt: Date, n: number, opts: DueOptions = {}): Date {
  return countWorkingDays(cal, receivedAt, n, opts).dueAt;
}

// ─── Hours ─────────────────────────────────────────────────────────────────

/** The first instant ≥ `at` inside a working period (`at` itself when it is inside one). */
export function nextWorkingInstant(cal: WorkingCalendar, at: Date): Date {
  const n = norm(cal);
  const t = validInstant(at, "at");
  let date = toLocal(at, n.timeZone).date;
  for (let i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++) {
    for (const [s, e] of intervalsOf(n, date)) {
      if (t < e) return new Date(Math.max(t, s));
    }
    date = addDays(date, 1);
  }
  throw new RangeError(`No working time within ${MAX_DAYS_OFF_IN_A_ROW} days after ${at.toISOString()}`);
}

/**
 * When the working clock starts for a dossier received at `receivedAt`: that moment if it is inside
 * a period, else the next opening; with a cutoff, the next working day's opening when received after it.
 */
export function clockStartAt(cal: WorkingCalendar, receivedAt: Date, opts: DueOptions = {}): Date {
  const n = norm(cal);
  validInstant(receivedAt, "receivedAt");
  if (opts.sameDayCutoff != null) {
    const day = receptionDay(cal, receivedAt, opts);
    if (day !== toLocal(receivedAt, n.timeZone).date) return openingOf(cal, day);
  }
  return nextWorkingInstant(cal, receivedAt);
}

/**
 * The earliest instant t ≥ from such that the working time in [from, t] equals `ms`.
 * ms = 0 returns `from` unchanged.
 */
export function advanceWorkingTime(cal: WorkingCalendar, from: Date, ms: number): Date {
  const n = norm(cal);
  let cursor = validInstant(from, "from");
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Working time to add must be ≥ 0 ms, got ${ms}`);
  if (ms === 0) return new Date(cursor);
  let remaining = ms;
  let date = toLocal(from, n.timeZone).date;
  let daysOff = 0;
  for (;;) {
    const intervals = intervalsOf(n, date);
    if (intervals.length === 0 && ++daysOff > MAX_DAYS_OFF_IN_A_ROW) {
      throw new RangeError(`No working time within ${MAX_DAYS_OFF_IN_A_ROW} days: check the calendar`);
    }
    if (intervals.length > 0) daysOff = 0;
    for (const [s, e] of intervals) {
      if (e <= cursor) continue;
      const segmentStart = Math.max(cursor, s);
      const available = e - segmentStart;
      if (remaining <= available) return new Date(segmentStart + remaining);
      remaining -= available;
      cursor = e;
    }
    date = addDays(date, 1);
  }
}

export function addWorkingHours(cal: WorkingCalendar, receivedAt: Date, hours: number, opts: DueOptions = {}): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`An hour limit must be ≥ 0, got ${hours}`);
  return advanceWorkingTime(cal, clockStartAt(cal, receivedAt, opts), Math.round(hours * MS_PER_HOUR));
}

export function dueDate(cal: WorkingCalendar, receivedAt: Date, limit: TimeLimit, opts: DueOptions = {}): Date {
  switch (limit.unit) {
    case "WORKING_DAY":
      return addWorkingDays(cal, receivedAt, limit.value, opts);
    case "WORKING_HOUR":
      return addWorkingHours(cal, receivedAt, limit.value, opts);
    default:
      throw new RangeError(`Unknown time unit: ${String((limit as { unit: unknown }).unit)}`);
  }
}

// ─── Pauses and extensions ─────────────────────────────────────────────────

/** Working milliseconds inside periods between two instants; negative when `to` is before `from`. */
export function workingTimeBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const a = validInstant(from, "from");
  const b = validInstant(to, "to");
  if (b < a) return -workingTimeBetween(cal, to, from);
  const n = norm(cal);
  let total = 0;
  const last = toLocal(to, n.timeZone).date;
  for (let date = toLocal(from, n.timeZone).date; date <= last; date = addDays(date, 1)) {
    for (const [s, e] of intervalsOf(n, date)) {
      const overlap = Math.min(e, b) - Math.max(s, a);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * A supplement request paused the clock from `pausedAt` to `resumedAt`: the due date moves later by
 * the working time that elapsed meanwhile, so the working time left (or overdue) is unchanged.
 */
export function shiftDueForPause(cal: WorkingCalendar, dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
  if (validInstant(resumedAt, "resumedAt") < validInstant(pausedAt, "pausedAt")) {
    throw new RangeError(`Resumed (${resumedAt.toISOString()}) before paused (${pausedAt.toISOString()})`);
  }
  const paused = workingTimeBetween(cal, pausedAt, resumedAt);
  return advanceWorkingTime(cal, dueAt, paused);
}

/** "8h 00m" of working time. */
export function formatWorkingDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const minutes = Math.round(Math.abs(ms) / MS_PER_MINUTE);
  return `${sign}${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

export interface ClockEventInput {
  kind: ClockEventKind;
  at: Date;
  /** For EXTEND: the new date (form 04). For other kinds: the due date recorded after it, if any, to check. */
  dueAt?: Date | null;
  reason?: string | null;
}

type ClockState = "NOT_STARTED" | "RUNNING" | "PAUSED" | "STOPPED";

interface DueDerivationStep {
  kind: ClockEventKind;
  at: Date;
  dueBefore: Date | null;
  dueAfter: Date | null;
  /** RESUME: working time spent paused. */
  pausedWorkingMs?: number;
  /** The due date the record says, when it gave one; `matchesRecord` compares it with ours. */
  recordedDueAt?: Date;
  matchesRecord?: boolean;
  text: string;
}

interface DueExplanation {
  /** The due date in force (while paused: the one held until the clock resumes). */
  dueAt: Date | null;
  /** The due date computed at the start, before any pause or extension. */
  originalDueAt: Date | null;
  state: ClockState;
  pausedAt: Date | null;
  /** After STOP: finished at or before the due date. */
  onTime: boolean | null;
  steps: DueDerivationStep[];
  /** How many recorded due dates disagree with the derivation. */
  mismatches: number;
}

export class ClockSequenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClockSequenceError";
  }
}

function describeLimit(limit: TimeLimit): string {
  return limit.unit === "WORKING_DAY" ? `${limit.value} working day(s)` : `${limit.value} working hour(s)`;
}

/**
 * Replays a dossier's clock events (ordered by `at`) and says which due date is in force and why.
 * Throws ClockSequenceError on an impossible sequence (e.g. RESUME without PAUSE).
 */
export function explainDue(
  cal: WorkingCalendar,
  events: readonly ClockEventInput[],
  limit: TimeLimit,
  opts: DueOptions = {},
): DueExplanation {
  const tz = norm(cal).timeZone;
  const at = (d: Date) => formatLocalDateTime(d, tz);
  let state: ClockState = "NOT_STARTED";
  let due: Date | null = null;
  let original: Date | null = null;
  let pausedAt: Date | null = null;
  let onTime: boolean | null = null;
  let mismatches = 0;
  const steps: DueDerivationStep[] = [];
  let previousAt = Number.NEGATIVE_INFINITY;

  for (const [i, e] of events.entries()) {
    const t = validInstant(e.at, `event ${i + 1} at`);
    if (t < previousAt) throw new ClockSequenceError(`Event ${i + 1} (${e.kind}) is earlier than the one before it`);
    previousAt = t;
    const dueBefore = due;
    const reason = e.reason ? ` Reason: ${e.reason}.` : "";
    let text: string;
    let pausedWorkingMs: number | undefined;
    switch (e.kind) {
      case "START": {
        if (state !== "NOT_STARTED") throw new ClockSequenceError(`START at event ${i + 1} but the clock is ${state}`);
        if (limit.unit === "WORKING_DAY") {
          const c = countWorkingDays(cal, e.at, limit.value, opts);
          const counted =
            c.days.length === 0
              ? "due the same working day"
              : `days 1-${c.days.length}: ${c.days[0]} … ${c.days[c.days.length - 1]}`;
          const cutoff = opts.sameDayCutoff ? ` (same-day cutoff ${opts.sameDayCutoff})` : "";
          due = c.dueAt;
          text =
            `Received ${at(e.at)}${cutoff}; limit ${describeLimit(limit)}; reception day ${c.receptionDay} ` +
            `not counted; ${counted}; due at close of business ${at(due)}.`;
        } else {
          const start = clockStartAt(cal, e.at, opts);
          due = addWorkingHours(cal, e.at, limit.value, opts);
          text =
            `Received ${at(e.at)}; limit ${describeLimit(limit)} counted inside working periods from ` +
            `${at(start)}; due ${at(due)}.`;
        }
        original = due;
        state = "RUNNING";
        break;
      }
      case "PAUSE": {
        if (state !== "RUNNING") throw new ClockSequenceError(`PAUSE at event ${i + 1} but the clock is ${state}`);
        pausedAt = e.at;
        state = "PAUSED";
        text = `Clock paused ${at(e.at)} (waiting for the applicant); due ${at(due!)} held until it resumes.${reason}`;
        break;
      }
      case "RESUME": {
        if (state !== "PAUSED" || !pausedAt) {
          throw new ClockSequenceError(`RESUME at event ${i + 1} but the clock is ${state}`);
        }
        pausedWorkingMs = workingTimeBetween(cal, pausedAt, e.at);
        due = shiftDueForPause(cal, due!, pausedAt, e.at);
        text =
          `Clock resumed ${at(e.at)}; paused since ${at(pausedAt)} for ${formatWorkingDuration(pausedWorkingMs)} ` +
          `of working time; due moves from ${at(dueBefore!)} to ${at(due)}.${reason}`;
        pausedAt = null;
        state = "RUNNING";
        break;
      }
      case "EXTEND": {
        if (state !== "RUNNING") throw new ClockSequenceError(`EXTEND at event ${i + 1} but the clock is ${state}`);
        if (!e.dueAt) throw new ClockSequenceError(`EXTEND at event ${i + 1} has no new due date`);
        validInstant(e.dueAt, `event ${i + 1} dueAt`);
        const late = t > due!.getTime() ? " (recorded after the due date had passed)" : "";
        due = e.dueAt;
        text = `Extended ${at(e.at)}${late} by an apology letter (form 04): due moves from ${at(dueBefore!)} to ${at(due)}.${reason}`;
        break;
      }
      case "STOP": {
        if (state === "NOT_STARTED" || state === "STOPPED") {
          throw new ClockSequenceError(`STOP at event ${i + 1} but the clock is ${state}`);
        }
        if (state === "PAUSED") {
          text = `Clock stopped ${at(e.at)} while paused; due ${at(due!)} is final.${reason}`;
          onTime = t <= due!.getTime();
        } else {
          onTime = t <= due!.getTime();
          const margin = workingTimeBetween(cal, e.at, due!);
          text =
            `Clock stopped ${at(e.at)}; ` +
            (onTime
              ? `on time (${formatWorkingDuration(margin)} of working time to spare).`
              : `late by ${formatWorkingDuration(-margin)} of working time.`) +
            reason;
        }
        pausedAt = null;
        state = "STOPPED";
        break;
      }
      default:
        throw new ClockSequenceError(`Unknown clock event kind ${String((e as { kind: unknown }).kind)}`);
    }
    const step: DueDerivationStep = { kind: e.kind, at: e.at, dueBefore, dueAfter: due, text };
    if (pausedWorkingMs !== undefined) step.pausedWorkingMs = pausedWorkingMs;
    if (e.kind !== "EXTEND" && e.dueAt) {
      step.recordedDueAt = e.dueAt;
      step.matchesRecord = due !== null && e.dueAt.getTime() === due.getTime();
      if (!step.matchesRecord) {
        mismatches++;
        step.text += ` The record says ${at(e.dueAt)}: it disagrees.`;
      }
    }
    steps.push(step);
  }
  return { dueAt: due, originalDueAt: original, state, pausedAt, onTime, steps, mismatches };
}

// ─── Building a calendar from stored days ──────────────────────────────────

interface CalendarDayEntry {
  date: LocalDate;
  kind: "HOLIDAY" | "WORKING_DAY";
}

/**
 * Nationwide days plus one agency's own: the agency's entry for a date replaces the nationwide one.
 */
export function mergeCalendarDays(
  nationwide: readonly CalendarDayEntry[],
  agency: readonly CalendarDayEntry[] = [],
): { holidays: LocalDate[]; workingDays: LocalDate[] } {
  const byDate = new Map<LocalDate, CalendarDayEntry["kind"]>();
  for (const d of nationwide) byDate.set(d.date, d.kind);
  for (const d of agency) byDate.set(d.date, d.kind);
  const holidays: LocalDate[] = [];
  const workingDays: LocalDate[] = [];
  for (const [date, kind] of [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    (kind === "HOLIDAY" ? holidays : workingDays).push(date);
  }
  return { holidays, workingDays };
}

/** "07:00-11:30, 13:30-17:00": for explanations and settings pages. */
export function describePeriods(cal: WorkingCalendar): string {
  return norm(cal)
    .periods.map((p) => `${formatTimeOfDay(p.startMs)}-${formatTimeOfDay(p.endMs)}`)
    .join(", ");
}
