// The holiday calendar's reducers and formatting.
import { describe, expect, it } from "vitest";
import type { TFunction } from "~/server/i18n/core";
import { csvImportReducer, displayDate, emptyCsvImport, errorsByLine, idleStatus, statusReducer, weekday, type ImportPreview } from "./holiday-state";

const refusal = { message: "no", fields: { date: "bad" }, appCode: "VALIDATION", details: null };
const preview: ImportPreview = {
  rows: [{ line: 2, date: "2087-04-12", kind: "WORKING_DAY", nameVi: "a", nameEn: "a", unchanged: false }],
  errors: [
    { line: 3, code: "NOT_WEEKEND", detail: "2087-04-14" },
    { line: 0, code: "CALENDAR", detail: "x" },
    { line: 3, code: "NAME_EN", detail: "" },
  ],
  toAdd: 1,
};

describe("statusReducer", () => {
  it("clears the last notice and refusal when a call starts, and keeps one of them when it ends", () => {
    const started = statusReducer({ busy: false, notice: "old", error: refusal }, { type: "started" });
    expect(started).toEqual({ busy: true, notice: null, error: null });
    expect(statusReducer(started, { type: "succeeded", notice: "done" })).toEqual({ busy: false, notice: "done", error: null });
    expect(statusReducer(started, { type: "succeeded", notice: null })).toEqual(idleStatus);
    expect(statusReducer({ busy: false, notice: "old", error: null }, { type: "refused", error: refusal })).toEqual({ busy: false, notice: null, error: refusal });
  });
});

describe("csvImportReducer", () => {
  it("drops the preview as soon as the text changes, and empties both once imported", () => {
    const previewed = csvImportReducer(csvImportReducer(emptyCsvImport, { type: "typed", csv: "a" }), { type: "previewed", preview });
    expect(previewed).toEqual({ csv: "a", preview });
    expect(csvImportReducer(previewed, { type: "typed", csv: "ab" })).toEqual({ csv: "ab", preview: null });
    expect(csvImportReducer(previewed, { type: "imported" })).toEqual(emptyCsvImport);
  });
});

describe("errorsByLine", () => {
  it("groups translated problems by line in the order first met", () => {
    const t = ((key: string, vars?: Record<string, unknown>) => `${key}(${String(vars?.detail ?? "")})`) as TFunction;
    expect([...errorsByLine(preview, t)]).toEqual([
      [3, ["admin.holidays.csvErrors.NOT_WEEKEND(2087-04-14)", "admin.holidays.csvErrors.NAME_EN()"]],
      [0, ["admin.holidays.csvErrors.CALENDAR(x)"]],
    ]);
    expect(errorsByLine(null, t).size).toBe(0);
  });
});

describe("dates", () => {
  it("shows a calendar date as dd/mm/yyyy with its weekday, whatever the process time zone", () => {
    expect(displayDate("2087-03-04")).toBe("04/03/2087");
    expect(weekday("2087-03-04", "en")).toBe("Tuesday");
    expect(weekday("2087-03-08", "vi")).toBe("Thứ Bảy");
  });
});
