import { describe, expect, it } from "vitest";
import { holidaySeedDays } from "./holidays-vn";
import {
  ClockSequenceError,
  DEFAULT_WORKING_PERIODS,
  addWorkingDays,
  addWorkingHours,
  advanceWorkingTime,
  calendarProblems,
  clockStartAt,
  closeOfBusiness,
  countWorkingDays,
  describePeriods,
  dueDate,
  explainDue,
  formatWorkingDuration,
  isWorkingDay,
  mergeCalendarDays,
  nextWorkingDay,
  receptionDay,
  shiftDueForPause,
  workingDayLengthMs,
  workingDayOnOrAfter,
  workingTimeBetween,
  type ClockEventInput,
  type WorkingCalendar,
} from "./working-time";

// Expected instants are written with an explicit +07:00 offset: an oracle independent of the code.
const vn = (local: string): Date => new Date(`${local.replace(" ", "T")}:00+07:00`);
const H = 3_600_000;
const M = 60_000;

/** The seeded nationwide calendar (2026-2027) with DOMAIN's working hours. */
const cal: WorkingCalendar = {
  timeZone: "Asia/Ho_Chi_Minh",
  periods: DEFAULT_WORKING_PERIODS,
  ...holidaySeedDays(),
};

/** No holidays at all: weekends only. */
const plain: WorkingCalendar = { timeZone: "Asia/Ho_Chi_Minh", periods: DEFAULT_WORKING_PERIODS, holidays: [], workingDays: [] };

describe("isWorkingDay", () => {
  it.each([
    ["2026-03-09", true, "Monday"],
    ["2026-03-13", true, "Friday"],
    ["2026-03-14", false, "Saturday"],
    ["2026-03-15", false, "Sunday"],
    ["2026-01-01", false, "New Year 2026 (Thu)"],
    ["2026-01-02", false, "New Year swapped day off (Fri)"],
    ["2026-01-10", true, "Saturday worked in exchange for 2 Jan 2026"],
    ["2026-02-13", true, "last working day before Tết 2026"],
    ["2026-02-14", false, "Tết break starts (Sat)"],
    ["2026-02-16", false, "29 Chạp"],
    ["2026-02-17", false, "Tết, mùng 1"],
    ["2026-02-20", false, "mùng 4"],
    ["2026-02-22", false, "Tết break ends (Sun)"],
    ["2026-02-23", true, "back to work after Tết"],
    ["2026-04-26", false, "Hùng Kings (Sunday)"],
    ["2026-04-27", false, "Hùng Kings compensatory Monday"],
    ["2026-04-28", true, "Tuesday between the breaks"],
    ["2026-04-30", false, "30 Apr (Thu)"],
    ["2026-05-01", false, "1 May (Fri)"],
    ["2026-05-04", true, "Monday after 30/4-1/5"],
    ["2026-08-22", true, "Saturday worked in exchange for 31 Aug"],
    ["2026-08-31", false, "swapped day off (Mon)"],
    ["2026-09-01", false, "National Day adjacent day (Tue)"],
    ["2026-09-02", false, "National Day (Wed)"],
    ["2026-09-03", true, "Thursday after National Day"],
    ["2027-01-01", false, "New Year 2027 (Fri)"],
    ["2027-01-04", true, "Monday 4 Jan 2027"],
  ])("%s → %s (%s)", (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it("rejects a malformed date", () => {
    expect(() => isWorkingDay(cal, "2026-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay(cal, "13/02/2026")).toThrow(RangeError);
  });

  it("finds the next working day and the working day on or after", () => {
    expect(nextWorkingDay(cal, "2026-02-13")).toBe("2026-02-23");
    expect(nextWorkingDay(cal, "2026-03-09")).toBe("2026-03-10");
    expect(workingDayOnOrAfter(cal, "2026-03-09")).toBe("2026-03-09");
    expect(workingDayOnOrAfter(cal, "2026-08-29")).toBe("2026-09-03");
  });
});

describe("addWorkingDays: DOMAIN's worked example", () => {
  it("5 working days from Fri 13 Feb 2026 10:00 across the Tết break: days 1-5 are 23-27 Feb", () => {
    const c = countWorkingDays(cal, vn("2026-02-13 10:00"), 5);
    expect(c.receptionDay).toBe("2026-02-13");
    expect(c.days).toEqual(["2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27"]);
    expect(c.dueAt).toEqual(vn("2026-02-27 17:00"));
    expect(c.dueAt.toISOString()).toBe("2026-02-27T10:00:00.000Z");
  });
});

describe("addWorkingDays", () => {
  it.each([
    // [received (VN time), days, due (VN time), why]
    ["2026-03-09 06:59", 5, "2026-03-16 17:00", "Mon before opening: Monday is the uncounted reception day"],
    ["2026-03-09 07:00", 5, "2026-03-16 17:00", "Mon at opening"],
    ["2026-03-09 11:45", 5, "2026-03-16 17:00", "Mon at lunch"],
    ["2026-03-09 16:59", 5, "2026-03-16 17:00", "Mon a minute before closing"],
    ["2026-03-09 17:00", 5, "2026-03-16 17:00", "Mon at closing: day 1 is still Tuesday"],
    ["2026-03-09 22:00", 5, "2026-03-16 17:00", "Mon night: day 1 is Tuesday morning"],
    ["2026-03-13 22:00", 5, "2026-03-20 17:00", "Fri night: day 1 is Monday"],
    ["2026-03-14 10:00", 5, "2026-03-20 17:00", "Saturday: day 1 is Monday"],
    ["2026-03-15 10:00", 5, "2026-03-20 17:00", "Sunday: day 1 is Monday"],
    ["2026-03-09 10:00", 1, "2026-03-10 17:00", "one day"],
    ["2026-03-02 10:00", 30, "2026-04-13 17:00", "30 working days (R&D centre), no holiday in the way"],
    ["2026-02-13 16:59", 1, "2026-02-23 17:00", "1 day across Tết"],
    ["2026-02-17 10:00", 1, "2026-02-23 17:00", "received on Tết (online): day 1 is 23 Feb"],
    ["2025-12-31 10:00", 2, "2026-01-06 17:00", "across New Year 2026 with the swapped Friday"],
    ["2026-01-09 10:00", 1, "2026-01-10 17:00", "Fri → the swapped working Saturday 10 Jan is day 1"],
    ["2026-01-10 10:00", 1, "2026-01-12 17:00", "received on the working Saturday: it is the reception day"],
    ["2026-04-24 10:00", 5, "2026-05-06 17:00", "Hùng Kings (Sun 26 + Mon 27) then 30/4-1/5"],
    ["2026-04-28 10:00", 5, "2026-05-07 17:00", "Tue 28 Apr: days are 29 Apr, 4-7 May"],
    ["2026-04-29 10:00", 5, "2026-05-08 17:00", "Wed 29 Apr: days are 4-8 May"],
    ["2026-04-30 09:00", 5, "2026-05-08 17:00", "received on the 30 Apr holiday"],
    ["2026-08-21 10:00", 5, "2026-08-27 17:00", "Fri 21 Aug: the swapped Saturday 22 Aug is day 1"],
    ["2026-08-22 10:00", 5, "2026-08-28 17:00", "received on the working Saturday 22 Aug"],
    ["2026-08-28 10:00", 5, "2026-09-09 17:00", "Fri 28 Aug: 31 Aug, 1-2 Sep off; days 3-9 Sep"],
    ["2026-09-01 10:00", 1, "2026-09-03 17:00", "received on 1 Sep (holiday) online"],
    ["2026-12-31 10:00", 5, "2027-01-08 17:00", "year boundary with 1 Jan 2027 off"],
    ["2026-12-31 22:00", 1, "2027-01-04 17:00", "New Year's Eve night: day 1 is Mon 4 Jan 2027"],
  ])("received %s + %i working day(s) → %s (%s)", (received, days, due) => {
    expect(addWorkingDays(cal, vn(received), days)).toEqual(vn(due));
  });

  it.each([
    ["2026-03-09 10:00", "2026-03-09 17:00", "within the day: the same working day"],
    ["2026-03-09 17:30", "2026-03-10 17:00", "after closing: the next working day"],
    ["2026-03-14 10:00", "2026-03-16 17:00", "on Saturday: Monday"],
    ["2026-02-13 17:30", "2026-02-23 17:00", "after closing before Tết"],
  ])("0 working days: received %s → %s (%s)", (received, due) => {
    expect(addWorkingDays(cal, vn(received), 0)).toEqual(vn(due));
  });

  it("rejects a negative or fractional day count", () => {
    expect(() => addWorkingDays(cal, vn("2026-03-09 10:00"), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, vn("2026-03-09 10:00"), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, new Date("nope"), 1)).toThrow(RangeError);
  });

  it("never gives an earlier due date for a later reception (monotonic), with and without cutoff", () => {
    for (const cutoff of [null, "15:00"]) {
      let previous = 0;
      // every 20 minutes from 20 Apr to 5 May 2026 (VN), through Hùng Kings and 30/4-1/5
      for (let t = vn("2026-04-20 00:00").getTime(); t < vn("2026-05-06 00:00").getTime(); t += 20 * M) {
        const due = addWorkingDays(cal, new Date(t), 3, { sameDayCutoff: cutoff }).getTime();
        expect(due).toBeGreaterThanOrEqual(previous);
        expect(due).toBeGreaterThan(t);
        previous = due;
      }
    }
  });
});

describe("the same-day cutoff (a per-procedure setting)", () => {
  const cutoff = { sameDayCutoff: "15:00" };
  it.each([
    ["2026-03-09 14:59", 1, "2026-03-10 17:00", "2026-03-09", "before the cutoff"],
    ["2026-03-09 15:00", 1, "2026-03-10 17:00", "2026-03-09", "at 15:00 sharp: not after it"],
    ["2026-03-09 15:01", 1, "2026-03-11 17:00", "2026-03-10", "after the cutoff: received Tuesday"],
    ["2026-03-09 22:00", 1, "2026-03-11 17:00", "2026-03-10", "at night"],
    ["2026-03-14 10:00", 1, "2026-03-17 17:00", "2026-03-16", "Saturday counts as received Monday"],
    ["2026-04-29 15:30", 1, "2026-05-05 17:00", "2026-05-04", "after the cutoff before 30/4-1/5"],
    ["2026-03-09 14:59", 0, "2026-03-09 17:00", "2026-03-09", "same-day service before the cutoff"],
    ["2026-03-09 15:01", 0, "2026-03-10 17:00", "2026-03-10", "same-day service after the cutoff"],
    ["2026-02-13 15:30", 0, "2026-02-23 17:00", "2026-02-23", "same-day service after the cutoff before Tết"],
  ])("received %s, %i day(s) → %s (reception day %s; %s)", (received, days, due, day) => {
    expect(addWorkingDays(cal, vn(received), days, cutoff)).toEqual(vn(due));
    expect(receptionDay(cal, vn(received), cutoff)).toBe(day);
  });

  it("without a cutoff the reception day is the local date, whatever the hour", () => {
    expect(receptionDay(cal, vn("2026-03-09 22:00"))).toBe("2026-03-09");
    expect(receptionDay(cal, vn("2026-03-14 10:00"))).toBe("2026-03-14");
  });

  it("moves the start of an hour limit to the next working morning", () => {
    expect(addWorkingHours(cal, vn("2026-03-09 15:30"), 1, cutoff)).toEqual(vn("2026-03-10 08:00"));
    expect(addWorkingHours(cal, vn("2026-03-09 14:30"), 1, cutoff)).toEqual(vn("2026-03-09 15:30"));
    expect(clockStartAt(cal, vn("2026-03-14 10:00"), cutoff)).toEqual(vn("2026-03-16 07:00"));
  });

  it("rejects a malformed cutoff", () => {
    expect(() => addWorkingDays(cal, vn("2026-03-09 10:00"), 1, { sameDayCutoff: "3pm" })).toThrow(RangeError);
  });
});

describe("addWorkingHours", () => {
  it.each([
    ["2026-03-09 07:00", 8, "2026-03-09 17:00", "a full day ends at closing, not next morning"],
    ["2026-03-09 06:59", 1, "2026-03-09 08:00", "before opening: counted from 07:00"],
    ["2026-03-09 07:00", 4.5, "2026-03-09 11:30", "exactly the morning"],
    ["2026-03-09 10:00", 2, "2026-03-09 14:00", "crossing lunch"],
    ["2026-03-09 11:30", 1, "2026-03-09 14:30", "at the start of lunch"],
    ["2026-03-09 11:45", 1, "2026-03-09 14:30", "during lunch: counted from 13:30"],
    ["2026-03-09 13:30", 3.5, "2026-03-09 17:00", "exactly the afternoon"],
    ["2026-03-09 16:59", 1, "2026-03-10 07:59", "one minute today, the rest tomorrow"],
    ["2026-03-09 17:00", 1, "2026-03-10 08:00", "at closing: from the next morning"],
    ["2026-03-09 22:00", 4, "2026-03-10 11:00", "at night"],
    ["2026-03-09 10:00", 24, "2026-03-12 10:00", "three working days of hours"],
    ["2026-03-13 16:00", 4, "2026-03-16 10:00", "across a weekend"],
    ["2026-03-14 10:00", 8, "2026-03-16 17:00", "received Saturday"],
    ["2026-03-15 10:00", 4.5, "2026-03-16 11:30", "received Sunday"],
    ["2026-04-30 10:00", 2, "2026-05-04 09:00", "received on a holiday"],
    ["2026-04-29 16:00", 2, "2026-05-04 08:00", "across 30/4-1/5 and a weekend"],
    ["2026-02-13 16:00", 2, "2026-02-23 08:00", "across the Tết break"],
    ["2026-08-21 16:00", 2, "2026-08-22 08:00", "into the working Saturday 22 Aug 2026"],
    ["2026-12-31 16:00", 8, "2027-01-04 16:00", "year boundary with 1 Jan 2027 off"],
    ["2026-03-09 10:00", 0.25, "2026-03-09 10:15", "a quarter of an hour"],
    ["2026-03-09 10:00", 0, "2026-03-09 10:00", "zero hours inside hours: the reception moment"],
    ["2026-03-09 22:00", 0, "2026-03-10 07:00", "zero hours at night: the next opening"],
  ])("received %s + %s working hour(s) → %s (%s)", (received, hours, due) => {
    expect(addWorkingHours(cal, vn(received), hours)).toEqual(vn(due));
  });

  it("uses the agency's periods, not a fixed 8-hour day", () => {
    const shortDay: WorkingCalendar = {
      timeZone: "Asia/Ho_Chi_Minh",
      periods: [
        { start: "08:00", end: "12:00" },
        { start: "13:00", end: "16:00" },
      ],
      holidays: [],
      workingDays: [],
    };
    expect(workingDayLengthMs(shortDay)).toBe(7 * H);
    expect(workingDayLengthMs(cal)).toBe(8 * H);
    expect(addWorkingHours(shortDay, vn("2026-03-09 08:00"), 8)).toEqual(vn("2026-03-10 09:00"));
    expect(addWorkingDays(shortDay, vn("2026-03-09 10:00"), 1)).toEqual(vn("2026-03-10 16:00"));
    expect(describePeriods(shortDay)).toBe("08:00-12:00, 13:00-16:00");
  });

  it("rejects a negative limit", () => {
    expect(() => addWorkingHours(cal, vn("2026-03-09 10:00"), -1)).toThrow(RangeError);
    expect(() => advanceWorkingTime(cal, vn("2026-03-09 10:00"), Number.NaN)).toThrow(RangeError);
  });
});

describe("dueDate dispatches on the unit", () => {
  it.each([
    [{ value: 5, unit: "WORKING_DAY" as const }, "2026-02-13 10:00", "2026-02-27 17:00"],
    [{ value: 8, unit: "WORKING_HOUR" as const }, "2026-02-13 10:00", "2026-02-23 10:00"],
    [{ value: 3, unit: "WORKING_DAY" as const }, "2026-12-31 10:00", "2027-01-06 17:00"],
  ])("%o from %s → %s", (limit, received, due) => {
    expect(dueDate(cal, vn(received), limit)).toEqual(vn(due));
  });

  it("rejects an unknown unit", () => {
    expect(() => dueDate(cal, vn("2026-03-09 10:00"), { value: 1, unit: "DAY" as never })).toThrow(RangeError);
  });
});

describe("workingTimeBetween", () => {
  it.each([
    ["2026-03-09 07:00", "2026-03-09 17:00", 8 * H, "a full day"],
    ["2026-03-09 10:00", "2026-03-09 14:00", 2 * H, "across lunch"],
    ["2026-03-09 11:40", "2026-03-09 13:20", 0, "inside lunch"],
    ["2026-03-09 17:30", "2026-03-10 06:30", 0, "overnight"],
    ["2026-03-13 16:00", "2026-03-16 08:00", 2 * H, "over a weekend"],
    ["2026-03-14 08:00", "2026-03-15 16:00", 0, "a weekend"],
    ["2026-04-29 10:00", "2026-05-04 10:00", 8 * H, "across 30/4-1/5"],
    ["2026-02-13 07:00", "2026-02-23 17:00", 16 * H, "across Tết: two working days"],
    ["2026-03-09 10:00", "2026-03-09 10:00", 0, "empty"],
    ["2026-03-09 14:00", "2026-03-09 10:00", -2 * H, "reversed: negative"],
  ])("%s → %s = %i ms (%s)", (from, to, ms) => {
    expect(workingTimeBetween(cal, vn(from), vn(to))).toBe(ms);
  });

  it("agrees with advanceWorkingTime (round trip) at many points", () => {
    const from = vn("2026-04-23 09:10");
    for (let ms = 0; ms <= 60 * H; ms += 37 * M) {
      const to = advanceWorkingTime(cal, from, ms);
      expect(workingTimeBetween(cal, from, to)).toBe(ms);
    }
  });
});

describe("shiftDueForPause", () => {
  it.each([
    [
      "pause across 30/4-1/5: 8 working hours waited, due moves one working day",
      "2026-05-06 17:00",
      "2026-04-29 10:00",
      "2026-05-04 10:00",
      "2026-05-07 17:00",
    ],
    ["zero-length pause: nothing moves", "2026-03-16 17:00", "2026-03-10 10:00", "2026-03-10 10:00", "2026-03-16 17:00"],
    [
      "pause entirely outside working hours: nothing moves",
      "2026-03-20 17:00",
      "2026-03-13 17:30",
      "2026-03-16 06:30",
      "2026-03-20 17:00",
    ],
    ["a 2-hour pause moves a 17:00 due to 09:00 next day", "2026-03-13 17:00", "2026-03-10 10:00", "2026-03-10 14:00", "2026-03-16 09:00"],
    [
      "pause across the Tết break counts only working time",
      "2026-02-27 17:00",
      "2026-02-12 17:00",
      "2026-02-24 07:00",
      "2026-03-03 17:00",
    ],
    [
      "pause past the due date keeps the working time left",
      "2026-03-13 17:00",
      "2026-03-12 17:00",
      "2026-03-18 07:00",
      "2026-03-18 17:00",
    ],
    [
      "pause across the year boundary",
      "2027-01-05 17:00",
      "2026-12-31 13:30",
      "2027-01-04 13:30",
      "2027-01-06 17:00",
    ],
  ])("%s", (_why, due, paused, resumed, expected) => {
    const moved = shiftDueForPause(cal, vn(due), vn(paused), vn(resumed));
    expect(moved).toEqual(vn(expected));
    // the working time left after the resume equals what was left when paused
    expect(workingTimeBetween(cal, vn(resumed), moved)).toBe(workingTimeBetween(cal, vn(paused), vn(due)));
  });

  it("refuses a resume before the pause", () => {
    expect(() => shiftDueForPause(cal, vn("2026-03-16 17:00"), vn("2026-03-10 10:00"), vn("2026-03-10 09:00"))).toThrow(
      RangeError,
    );
  });
});

describe("explainDue", () => {
  const fiveDays = { value: 5, unit: "WORKING_DAY" as const };

  it("explains DOMAIN's example at the start", () => {
    const e = explainDue(cal, [{ kind: "START", at: vn("2026-02-13 10:00") }], fiveDays);
    expect(e.dueAt).toEqual(vn("2026-02-27 17:00"));
    expect(e.originalDueAt).toEqual(vn("2026-02-27 17:00"));
    expect(e.state).toBe("RUNNING");
    expect(e.steps).toHaveLength(1);
    expect(e.steps[0]!.text).toContain("reception day 2026-02-13 not counted");
    expect(e.steps[0]!.text).toContain("days 1-5: 2026-02-23 … 2026-02-27");
    expect(e.steps[0]!.text).toContain("2026-02-27 17:00");
  });

  it("replays pause, resume, extension and stop", () => {
    const events: ClockEventInput[] = [
      { kind: "START", at: vn("2026-03-09 10:00"), dueAt: vn("2026-03-16 17:00") },
      { kind: "PAUSE", at: vn("2026-03-10 10:00"), reason: "Thiếu bản sao giấy phép" },
      { kind: "RESUME", at: vn("2026-03-10 14:00"), dueAt: vn("2026-03-17 09:00") },
      { kind: "EXTEND", at: vn("2026-03-13 10:00"), dueAt: vn("2026-03-20 17:00"), reason: "Cần xác minh" },
      { kind: "STOP", at: vn("2026-03-19 10:00") },
    ];
    const e = explainDue(cal, events, fiveDays);
    expect(e.originalDueAt).toEqual(vn("2026-03-16 17:00"));
    expect(e.dueAt).toEqual(vn("2026-03-20 17:00"));
    expect(e.state).toBe("STOPPED");
    expect(e.onTime).toBe(true);
    expect(e.mismatches).toBe(0);
    expect(e.steps.map((s) => s.dueAfter)).toEqual([
      vn("2026-03-16 17:00"),
      vn("2026-03-16 17:00"),
      vn("2026-03-17 09:00"),
      vn("2026-03-20 17:00"),
      vn("2026-03-20 17:00"),
    ]);
    expect(e.steps[2]!.pausedWorkingMs).toBe(2 * H);
    expect(e.steps[2]!.text).toContain("2h 00m");
    expect(e.steps[3]!.text).toContain("form 04");
    expect(e.steps[4]!.text).toContain("on time");
  });

  it("holds the due date while paused", () => {
    const e = explainDue(
      cal,
      [
        { kind: "START", at: vn("2026-03-09 10:00") },
        { kind: "PAUSE", at: vn("2026-03-10 10:00") },
      ],
      fiveDays,
    );
    expect(e.state).toBe("PAUSED");
    expect(e.pausedAt).toEqual(vn("2026-03-10 10:00"));
    expect(e.dueAt).toEqual(vn("2026-03-16 17:00"));
  });

  it("a zero-length pause changes nothing; a pause across a holiday moves by working time only", () => {
    const zero = explainDue(
      cal,
      [
        { kind: "START", at: vn("2026-03-09 10:00") },
        { kind: "PAUSE", at: vn("2026-03-10 10:00") },
        { kind: "RESUME", at: vn("2026-03-10 10:00") },
      ],
      fiveDays,
    );
    expect(zero.dueAt).toEqual(vn("2026-03-16 17:00"));
    expect(zero.steps[2]!.pausedWorkingMs).toBe(0);

    const holiday = explainDue(
      cal,
      [
        { kind: "START", at: vn("2026-04-28 10:00") },
        { kind: "PAUSE", at: vn("2026-04-29 10:00") },
        { kind: "RESUME", at: vn("2026-05-04 10:00") },
      ],
      fiveDays,
    );
    expect(holiday.originalDueAt).toEqual(vn("2026-05-07 17:00"));
    expect(holiday.dueAt).toEqual(vn("2026-05-08 17:00"));
  });

  it("reports lateness and recorded due dates that disagree", () => {
    const e = explainDue(
      cal,
      [
        { kind: "START", at: vn("2026-03-09 10:00"), dueAt: vn("2026-03-16 17:00") },
        { kind: "PAUSE", at: vn("2026-03-10 10:00") },
        { kind: "RESUME", at: vn("2026-03-10 14:00"), dueAt: vn("2026-03-16 17:00") },
        { kind: "STOP", at: vn("2026-03-18 10:00") },
      ],
      fiveDays,
    );
    expect(e.mismatches).toBe(1);
    expect(e.steps[2]!.matchesRecord).toBe(false);
    expect(e.steps[0]!.matchesRecord).toBe(true);
    expect(e.onTime).toBe(false);
    expect(e.steps[3]!.text).toContain("late by 9h 00m");
  });

  it("explains an hour limit from the next opening", () => {
    const e = explainDue(cal, [{ kind: "START", at: vn("2026-03-09 22:00") }], { value: 4, unit: "WORKING_HOUR" });
    expect(e.dueAt).toEqual(vn("2026-03-10 11:00"));
    expect(e.steps[0]!.text).toContain("from 2026-03-10 07:00");
  });

  it("an empty history has no due date", () => {
    expect(explainDue(cal, [], fiveDays)).toMatchObject({ dueAt: null, state: "NOT_STARTED", onTime: null });
  });

  it.each([
    ["RESUME without PAUSE", [{ kind: "START", at: "2026-03-09 10:00" }, { kind: "RESUME", at: "2026-03-10 10:00" }]],
    ["PAUSE before START", [{ kind: "PAUSE", at: "2026-03-09 10:00" }]],
    ["START twice", [{ kind: "START", at: "2026-03-09 10:00" }, { kind: "START", at: "2026-03-10 10:00" }]],
    [
      "events out of order",
      [
        { kind: "START", at: "2026-03-09 10:00" },
        { kind: "PAUSE", at: "2026-03-09 09:00" },
      ],
    ],
    ["EXTEND without a new date", [{ kind: "START", at: "2026-03-09 10:00" }, { kind: "EXTEND", at: "2026-03-10 10:00" }]],
    [
      "EXTEND while paused",
      [
        { kind: "START", at: "2026-03-09 10:00" },
        { kind: "PAUSE", at: "2026-03-10 10:00" },
        { kind: "EXTEND", at: "2026-03-11 10:00", dueAt: "2026-03-30 17:00" },
      ],
    ],
    ["STOP twice", [{ kind: "START", at: "2026-03-09 10:00" }, { kind: "STOP", at: "2026-03-10 10:00" }, { kind: "STOP", at: "2026-03-11 10:00" }]],
  ] as const)("refuses an impossible history: %s", (_why, raw) => {
    const events = raw.map((r) => ({
      kind: r.kind,
      at: vn(r.at),
      ...("dueAt" in r ? { dueAt: vn(r.dueAt) } : {}),
    })) as ClockEventInput[];
    expect(() => explainDue(cal, events, fiveDays)).toThrow(ClockSequenceError);
  });

  it("formats working durations", () => {
    expect(formatWorkingDuration(0)).toBe("0h 00m");
    expect(formatWorkingDuration(8 * H + 5 * M)).toBe("8h 05m");
    expect(formatWorkingDuration(-90 * M)).toBe("-1h 30m");
  });
});

describe("time zones", () => {
  it("computes in the calendar's zone, not the process zone (a VN date differs from the UTC date)", () => {
    // 2026-03-09T17:30Z is Tue 10 Mar 00:30 in Vietnam but Mon 9 Mar in UTC and in New York.
    const lateNight = new Date("2026-03-09T17:30:00Z");
    expect(receptionDay(cal, lateNight)).toBe("2026-03-10");
    expect(addWorkingDays(cal, lateNight, 1)).toEqual(vn("2026-03-11 17:00"));
    const beforeMidnight = new Date("2026-03-09T16:59:00Z"); // Mon 23:59 VN
    expect(addWorkingDays(cal, beforeMidnight, 1)).toEqual(vn("2026-03-10 17:00"));
    expect(closeOfBusiness(cal, "2026-02-27").toISOString()).toBe("2026-02-27T10:00:00.000Z");
  });

  it("honours a zone with daylight saving time (Europe/Paris, clocks change 29 Mar 2026)", () => {
    const paris: WorkingCalendar = {
      timeZone: "Europe/Paris",
      periods: [{ start: "09:00", end: "17:00" }],
      holidays: [],
      workingDays: [],
    };
    // Fri 27 Mar 16:00 CET (+01) + 2h → Mon 30 Mar 10:00 CEST (+02)
    expect(addWorkingHours(paris, new Date("2026-03-27T15:00:00Z"), 2)).toEqual(new Date("2026-03-30T08:00:00Z"));
    expect(addWorkingDays(paris, new Date("2026-03-27T15:00:00Z"), 1)).toEqual(new Date("2026-03-30T15:00:00Z"));
    expect(workingTimeBetween(paris, new Date("2026-03-27T08:00:00Z"), new Date("2026-03-30T15:00:00Z"))).toBe(16 * H);
  });
});

describe("calendar validation", () => {
  const base = { timeZone: "Asia/Ho_Chi_Minh", periods: DEFAULT_WORKING_PERIODS, holidays: [], workingDays: [] };
  it.each([
    ["an unknown time zone", { ...base, timeZone: "Mars/Olympus" }, "unknown time zone"],
    ["no periods", { ...base, periods: [] }, "no working periods"],
    ["a period ending before it starts", { ...base, periods: [{ start: "11:30", end: "07:00" }] }, "ends"],
    [
      "overlapping periods",
      {
        ...base,
        periods: [
          { start: "07:00", end: "12:00" },
          { start: "11:00", end: "17:00" },
        ],
      },
      "overlaps",
    ],
    ["a malformed time", { ...base, periods: [{ start: "7h", end: "17:00" }] }, "HH:MM"],
    ["a malformed holiday", { ...base, holidays: ["2026-13-01"] }, "not a date"],
    ["a day both off and working", { ...base, holidays: ["2026-01-10"], workingDays: ["2026-01-10"] }, "both"],
  ])("rejects %s", (_why, bad, message) => {
    expect(calendarProblems(bad).join("; ")).toContain(message);
    expect(() => addWorkingDays(bad, vn("2026-03-09 10:00"), 1)).toThrow(RangeError);
  });

  it("accepts the seeded calendar and a Set-based one", () => {
    expect(calendarProblems(cal)).toEqual([]);
    const withSets: WorkingCalendar = { ...plain, holidays: new Set(["2026-03-10"]), workingDays: new Set(["2026-03-14"]) };
    expect(addWorkingDays(withSets, vn("2026-03-09 10:00"), 5)).toEqual(vn("2026-03-16 17:00"));
  });

  it("stops with an error on a calendar with no working day in sight", () => {
    const year = Array.from({ length: 800 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const closed: WorkingCalendar = { ...plain, holidays: year };
    expect(() => addWorkingDays(closed, vn("2026-03-09 10:00"), 1)).toThrow(/No working day/);
    expect(() => addWorkingHours(closed, vn("2026-03-09 10:00"), 1)).toThrow(/No working time/);
  });
});

describe("mergeCalendarDays", () => {
  it("lets an agency's own entry replace the nationwide one for the same date", () => {
    const merged = mergeCalendarDays(
      [
        { date: "2026-04-30", kind: "HOLIDAY" },
        { date: "2026-01-10", kind: "WORKING_DAY" },
      ],
      [
        { date: "2026-01-10", kind: "HOLIDAY" },
        { date: "2026-03-20", kind: "HOLIDAY" },
      ],
    );
    expect(merged).toEqual({ holidays: ["2026-01-10", "2026-03-20", "2026-04-30"], workingDays: [] });
    expect(calendarProblems({ ...plain, ...merged })).toEqual([]);
  });
});
