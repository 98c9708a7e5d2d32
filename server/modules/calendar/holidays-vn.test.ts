import { describe, expect, it } from "vitest";
import { HOLIDAYS_VN, PENDING_HOLIDAYS_VN, holidaySeedDays } from "./holidays-vn";
import { dayOfWeek, isLocalDate, isWeekend } from "./local-date";
import { DEFAULT_WORKING_PERIODS, calendarProblems, isWorkingDay, type WorkingCalendar } from "./working-time";

const cal: WorkingCalendar = { timeZone: "Asia/Ho_Chi_Minh", periods: DEFAULT_WORKING_PERIODS, ...holidaySeedDays() };
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

describe("HOLIDAYS_VN data", () => {
  it("has valid, unique, sorted dates with names and a basis", () => {
    const dates = HOLIDAYS_VN.map((h) => h.date);
    expect(dates.every(isLocalDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const h of HOLIDAYS_VN) {
      expect(h.nameVi.length).toBeGreaterThan(3);
      expect(h.nameEn.length).toBeGreaterThan(3);
      expect(h.basis.length).toBeGreaterThan(3);
    }
    expect(calendarProblems(cal)).toEqual([]);
  });

  it("declares working days only on weekends and compensatory days only on weekdays", () => {
    for (const h of HOLIDAYS_VN.filter((x) => x.kind === "WORKING_DAY")) expect(isWeekend(h.date)).toBe(true);
    for (const h of HOLIDAYS_VN.filter((x) => /compensatory|swapped/.test(x.nameEn))) expect(isWeekend(h.date)).toBe(false);
  });

  it("covers the statutory holidays of both years", () => {
    for (const year of ["2026", "2027"]) {
      const names = HOLIDAYS_VN.filter((h) => h.date.startsWith(year) && h.kind === "HOLIDAY").map((h) => h.nameEn);
      for (const n of ["New Year's Day", "Hung Kings Commemoration (10th", "Reunification Day", "International Labour Day", "National Day (2 September)", "National Day (adjacent day)"]) {
        expect(names.some((x) => x.startsWith(n)), `${year}: ${n}`).toBe(true);
      }
      expect(names.filter((x) => x === "Lunar New Year (Tết)")).toHaveLength(5);
    }
  });

  it("marks 2026 as verified and the derived 2027 dates as not verified", () => {
    expect(HOLIDAYS_VN.filter((h) => h.date.startsWith("2026")).every((h) => h.verified)).toBe(true);
    const unverified = HOLIDAYS_VN.filter((h) => !h.verified).map((h) => h.date);
    expect(unverified).toEqual([
      "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
      "2027-04-16", "2027-05-03", "2027-09-03",
    ]);
  });

  it.each([
    ["New Year 2026", "2025-12-31", "2026-01-01", "2026-01-04", "2026-01-05"],
    ["Tết 2026 (civil-service break, DOMAIN)", "2026-02-13", "2026-02-14", "2026-02-22", "2026-02-23"],
    ["Hùng Kings 2026", "2026-04-24", "2026-04-25", "2026-04-27", "2026-04-28"],
    ["30/4-1/5 2026", "2026-04-29", "2026-04-30", "2026-05-03", "2026-05-04"],
    ["National Day 2026", "2026-08-28", "2026-08-29", "2026-09-02", "2026-09-03"],
    ["New Year 2027", "2026-12-31", "2027-01-01", "2027-01-03", "2027-01-04"],
    ["Tết 2027 (derived)", "2027-02-04", "2027-02-05", "2027-02-11", "2027-02-12"],
  ])("%s: worked %s, off %s to %s, back %s", (_name, before, first, last, after) => {
    expect(isWorkingDay(cal, before)).toBe(true);
    for (const d of range(first, last)) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, after)).toBe(true);
  });

  it("has the announced swapped Saturdays of 2026", () => {
    expect(isWorkingDay(cal, "2026-01-10")).toBe(true);
    expect(isWorkingDay(cal, "2026-08-22")).toBe(true);
    expect(dayOfWeek("2026-01-10")).toBe(6);
    expect(dayOfWeek("2026-08-22")).toBe(6);
  });

  it("keeps pending (not yet enacted) days out of the seed", () => {
    for (const p of PENDING_HOLIDAYS_VN) expect(HOLIDAYS_VN.some((h) => h.date === p.date)).toBe(false);
    expect(isWorkingDay(cal, "2026-11-24")).toBe(true);
  });
});
