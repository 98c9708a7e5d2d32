import { describe, expect, it } from "vitest";
import {
  formatDossierCode,
  isValidAgencyCode,
  isValidDayKey,
  parseDossierCode,
  vietnamDayKey,
} from "./dossier-code";

describe("vietnamDayKey", () => {
  it.each([
    // Vietnam midnight is 17:00 UTC the day before.
    ["2026-02-13T16:59:59.999Z", "260213"],
    ["2026-02-13T17:00:00.000Z", "260214"],
    ["2026-02-13T00:00:00.000Z", "260213"],
    ["2026-02-12T23:59:59.000Z", "260213"],
    // Year boundary: 31 Dec 2025 17:00Z is already 1 Jan 2026 in Hà Nội.
    ["2025-12-31T16:59:59.000Z", "251231"],
    ["2025-12-31T17:00:00.000Z", "260101"],
    // Month boundary and a leap day.
    ["2028-02-28T17:00:00.000Z", "280229"],
    ["2028-02-29T17:00:00.000Z", "280301"],
    // The circular's own example date.
    ["2020-02-03T02:30:00.000Z", "200203"],
    // Offsets in the input are instants; only the instant matters.
    ["2026-07-01T06:59:59+07:00", "260701"],
    ["2026-07-01T00:00:00+07:00", "260701"],
    ["2026-06-30T23:59:59+07:00", "260630"],
  ])("%s -> %s", (iso, expected) => {
    expect(vietnamDayKey(new Date(iso))).toBe(expected);
  });

  it("does not depend on the process time zone", () => {
    // The unit project forces a non-UTC+7 zone; this guards that the test really ran under one.
    expect(new Date("2026-02-13T17:00:00Z").getTimezoneOffset()).not.toBe(-420);
  });

  it("rejects an invalid date", () => {
    expect(() => vietnamDayKey(new Date("nope"))).toThrow(RangeError);
  });
});

describe("formatDossierCode", () => {
  it.each([
    ["000.00.14.H56", "200203", 118, "000.00.14.H56-200203-0118"],
    ["000.00.53.H48", "260213", 1, "000.00.53.H48-260213-0001"],
    ["000.00.53.H48", "260213", 9999, "000.00.53.H48-260213-9999"],
    // Widens rather than fails past 9999.
    ["000.00.53.H48", "260213", 10000, "000.00.53.H48-260213-10000"],
    ["000.00.53.H48", "260213", 123456, "000.00.53.H48-260213-123456"],
    ["G22", "260101", 42, "G22-260101-0042"],
  ])("(%s, %s, %i) -> %s", (agency, day, n, expected) => {
    expect(formatDossierCode(agency, day, n)).toBe(expected);
  });

  it.each([
    ["000.00.53.H48", "260213", 0],
    ["000.00.53.H48", "260213", -1],
    ["000.00.53.H48", "260213", 1.5],
    ["000.00.53.H48", "260213", Number.NaN],
    ["000.00.53.H48", "261313", 1],
    ["000.00.53.H48", "260230", 1],
    ["000.00.53.H48", "26021", 1],
    ["", "260213", 1],
    ["000-00", "260213", 1],
    ["000..53", "260213", 1],
    [".H48", "260213", 1],
    ["H48 ", "260213", 1],
    ["H48/1", "260213", 1],
    ["A".repeat(65), "260213", 1],
  ])("refuses (%s, %s, %s)", (agency, day, n) => {
    expect(() => formatDossierCode(agency, day, n)).toThrow(RangeError);
  });
});

describe("parseDossierCode", () => {
  it.each([
    ["000.00.14.H56-200203-0118", { agencyCode: "000.00.14.H56", dayKey: "200203", number: 118 }],
    ["000.00.53.H48-260213-0001", { agencyCode: "000.00.53.H48", dayKey: "260213", number: 1 }],
    ["000.00.53.H48-260213-10000", { agencyCode: "000.00.53.H48", dayKey: "260213", number: 10000 }],
    ["G22-280229-0042", { agencyCode: "G22", dayKey: "280229", number: 42 }],
  ])("%s", (code, expected) => {
    expect(parseDossierCode(code)).toEqual(expected);
  });

  it.each([
    "",
    "garbage",
    "000.00.53.H48",
    "000.00.53.H48-260213",
    "000.00.53.H48-260213-001", // too short
    "000.00.53.H48-260213-0000", // numbers start at 1
    "000.00.53.H48-260213-01000", // non-canonical: widening never keeps a leading zero
    "000.00.53.H48-261301-0001", // month 13
    "000.00.53.H48-270229-0001", // 2027 is not a leap year
    "000.00.53.H48-260213-0001 ",
    " 000.00.53.H48-260213-0001",
    "000.00.53.H48-260213-0001\n",
    "000..53.H48-260213-0001",
    ".H48-260213-0001",
    "H48.-260213-0001",
    "H-48-260213-0001",
    "<script>-260213-0001",
    "000.00.53.H48-260213-12345678901",
    "000.00.53.H48-2602１3-0001", // full-width digit
    "Đ48-260213-0001",
  ])("rejects %j", (code) => {
    expect(parseDossierCode(code)).toBeNull();
  });

  it("round-trips formatDossierCode", () => {
    for (const [agency, day, n] of [
      ["000.00.14.H56", "200203", 118],
      ["000.00.53.H48", "991231", 9999],
      ["H48", "000101", 10001],
    ] as const) {
      expect(parseDossierCode(formatDossierCode(agency, day, n))).toEqual({ agencyCode: agency, dayKey: day, number: n });
    }
  });
});

describe("validators", () => {
  it.each([
    ["000.00.53.H48", true],
    ["H48", true],
    ["a.b.c", true],
    ["", false],
    ["a..b", false],
    ["a.", false],
    ["a-b", false],
    ["a b", false],
  ])("isValidAgencyCode(%j) = %s", (code, ok) => {
    expect(isValidAgencyCode(code)).toBe(ok);
  });

  it.each([
    ["260213", true],
    ["280229", true],
    ["270229", false],
    ["260431", false],
    ["260001", false],
    ["260100", false],
    ["2602130", false],
    ["26021a", false],
  ])("isValidDayKey(%j) = %s", (day, ok) => {
    expect(isValidDayKey(day)).toBe(ok);
  });
});
