import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, daysBetween, formatTimeOfDay, isLocalDate, parseLocalDate, parseTimeOfDay } from "./local-date";
import { assertTimeZone, formatLocalDateTime, fromLocal, localDateOf, toLocal, zoneOffsetMs } from "./time-zone";

const H = 3_600_000;

describe("zoneOffsetMs", () => {
  it.each([
    ["Asia/Ho_Chi_Minh", "2026-01-01T00:00:00Z", 7 * H],
    ["Asia/Ho_Chi_Minh", "2026-07-01T12:34:56.789Z", 7 * H],
    ["Asia/Ho_Chi_Minh", "2027-12-31T23:59:59Z", 7 * H],
    ["UTC", "2026-07-01T00:00:00Z", 0],
    ["America/New_York", "2026-01-15T12:00:00Z", -5 * H],
    ["America/New_York", "2026-07-15T12:00:00Z", -4 * H],
    ["Europe/Paris", "2026-03-29T00:59:59Z", 1 * H],
    ["Europe/Paris", "2026-03-29T01:00:00Z", 2 * H],
    ["Asia/Kolkata", "2026-01-01T00:00:00Z", 5.5 * H],
  ])("%s at %s is %i ms", (tz, iso, offset) => {
    expect(zoneOffsetMs(new Date(iso), tz)).toBe(offset);
  });

  it("rejects an unknown zone and an invalid date", () => {
    expect(() => assertTimeZone("Asia/Hanoi_Nowhere")).toThrow(RangeError);
    expect(() => zoneOffsetMs(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});

describe("toLocal / fromLocal", () => {
  it.each([
    ["2026-02-13T03:00:00Z", "2026-02-13", "10:00"],
    ["2026-03-09T16:59:00Z", "2026-03-09", "23:59"],
    ["2026-03-09T17:00:00Z", "2026-03-10", "00:00"],
    ["2026-12-31T17:00:00Z", "2027-01-01", "00:00"],
  ])("%s is %s %s in Vietnam, and back", (iso, date, time) => {
    const local = toLocal(new Date(iso), "Asia/Ho_Chi_Minh");
    expect(local.date).toBe(date);
    expect(formatTimeOfDay(local.msOfDay)).toBe(time);
    expect(fromLocal("Asia/Ho_Chi_Minh", date, parseTimeOfDay(time)).toISOString()).toBe(new Date(iso).toISOString());
    expect(localDateOf(new Date(iso), "Asia/Ho_Chi_Minh")).toBe(date);
  });

  it("keeps milliseconds", () => {
    expect(toLocal(new Date("2026-02-13T03:00:00.250Z"), "Asia/Ho_Chi_Minh").msOfDay).toBe(10 * H + 250);
  });

  it("resolves wall times on both sides of a DST change", () => {
    expect(fromLocal("Europe/Paris", "2026-03-28", 9 * H).toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(fromLocal("Europe/Paris", "2026-03-30", 9 * H).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("formats for explanations", () => {
    expect(formatLocalDateTime(new Date("2026-02-27T10:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-02-27 17:00");
  });
});

describe("local dates and times of day", () => {
  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
  ])("%s + %i day = %s", (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });

  it("knows weekdays regardless of the process zone", () => {
    expect(dayOfWeek("2026-02-13")).toBe(5);
    expect(dayOfWeek("2026-02-17")).toBe(2);
  });

  it.each(["2026-02-29", "2026-1-01", "2026-00-10", "20260213", ""])("rejects %j as a date", (bad) => {
    expect(isLocalDate(bad)).toBe(false);
    expect(() => parseLocalDate(bad)).toThrow(RangeError);
  });

  it.each([
    ["07:00", 7 * H],
    ["11:30", 11.5 * H],
    ["00:00", 0],
    ["24:00", 24 * H],
  ])("parses %s", (t, ms) => {
    expect(parseTimeOfDay(t)).toBe(ms);
  });

  it.each(["7:00", "24:01", "12:60", "25:00", "noon"])("rejects %j as a time", (bad) => {
    expect(() => parseTimeOfDay(bad)).toThrow(RangeError);
  });
});
