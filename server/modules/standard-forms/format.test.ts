import { describe, expect, it } from "vitest";
import { compareVietnamDays, formatDate, formatDateTime, formatPlaceDate, formatShortDateTime, vietnamParts } from "./format";

// The unit project runs in a non-Vietnam TZ (vitest.config.ts): these fail if the process zone leaks in.
describe("dates print in Vietnam time", () => {
  it.each([
    // 09:30 UTC is 16:30 in Hà Nội.
    ["2026-02-27T09:30:00Z", "vi", "16 giờ 30 phút, ngày 27 tháng 02 năm 2026"],
    ["2026-02-27T09:30:00Z", "en", "16:30, 27 February 2026"],
    // Vietnam midnight is 17:00 UTC the day before.
    ["2026-02-26T17:00:00Z", "vi", "00 giờ 00 phút, ngày 27 tháng 02 năm 2026"],
    ["2026-02-26T16:59:00Z", "vi", "23 giờ 59 phút, ngày 26 tháng 02 năm 2026"],
    // Decree 30/2020: days below 10 and months 1-2 take a zero; March does not.
    ["2026-03-05T01:05:00Z", "vi", "08 giờ 05 phút, ngày 05 tháng 3 năm 2026"],
    ["2026-01-01T00:00:00Z", "vi", "07 giờ 00 phút, ngày 01 tháng 01 năm 2026"],
    ["2025-12-31T17:00:00Z", "en", "00:00, 1 January 2026"],
    ["2026-11-20T03:00:00Z", "vi", "10 giờ 00 phút, ngày 20 tháng 11 năm 2026"],
  ] as const)("%s (%s) -> %s", (iso, locale, expected) => {
    expect(formatDateTime(new Date(iso), locale)).toBe(expected);
  });

  it("formats the place-and-date line and compact cells", () => {
    const d = new Date("2026-02-13T03:00:00Z");
    expect(formatPlaceDate("Lâm Đồng", d, "vi")).toBe("Lâm Đồng, ngày 13 tháng 02 năm 2026");
    expect(formatPlaceDate("Lâm Đồng", d, "en")).toBe("Lâm Đồng, 13 February 2026");
    expect(formatDate(d, "vi")).toBe("ngày 13 tháng 02 năm 2026");
    expect(formatShortDateTime(d)).toBe("10:00 13/02/2026");
    expect(formatShortDateTime(d, "\n")).toBe("10:00\n13/02/2026");
  });

  it("compares calendar days in Vietnam, not in UTC", () => {
    // Same UTC day, different Vietnam days.
    expect(compareVietnamDays(new Date("2026-02-13T16:00:00Z"), new Date("2026-02-13T18:00:00Z"))).toBeLessThan(0);
    // Different UTC days, same Vietnam day.
    expect(compareVietnamDays(new Date("2026-02-13T18:00:00Z"), new Date("2026-02-14T10:00:00Z"))).toBe(0);
  });

  it("rejects an invalid date", () => {
    expect(() => vietnamParts(new Date("nope"))).toThrow(RangeError);
  });
});
