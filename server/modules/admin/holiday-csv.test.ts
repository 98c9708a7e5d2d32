import { describe, expect, it } from "vitest";
import { parseHolidayCsv, planHolidayImport, splitCsvLine } from "./holiday-csv";

describe("splitCsvLine", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    [' "x, y" , z ', ["x, y", "z"]],
    ['"say ""hi""",b', ['say "hi"', "b"]],
    ["a,,c", ["a", "", "c"]],
  ])("%s", (line, cells) => expect(splitCsvLine(line)).toEqual(cells));

  it("reports an unclosed quote", () => expect(splitCsvLine('"open,b')).toBeNull());
});

describe("parseHolidayCsv", () => {
  it("skips the header, blank lines and a BOM; numbers lines as an editor does", () => {
    const { rows, errors } = parseHolidayCsv("\uFEFFdate,kind,nameVi,nameEn\r\n\r\n2027-01-01,holiday,Tết Dương lịch,New Year\r\n");
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 3, date: "2027-01-01", kind: "HOLIDAY", nameVi: "Tết Dương lịch", nameEn: "New Year" }]);
  });

  it.each([
    ["2027-13-01,HOLIDAY,a,b", "DATE"],
    ["2027-01-01,OFF,a,b", "KIND"],
    ["2027-01-01,HOLIDAY,,b", "NAME_VI"],
    ["2027-01-01,HOLIDAY,a,", "NAME_EN"],
    ["2027-01-04,WORKING_DAY,a,b", "NOT_WEEKEND"],
    ["2027-01-01,HOLIDAY,a", "COLUMNS"],
  ])("%s → %s", (line, code) => expect(parseHolidayCsv(line).errors.map((e) => e.code)).toEqual([code]));

  it("accepts a swapped Saturday and finds dates repeated in the file", () => {
    const { rows, errors } = parseHolidayCsv("2027-01-09,working day,Làm bù,Make-up\n2027-01-09,HOLIDAY,a,b");
    expect(rows.map((r) => r.kind)).toEqual(["WORKING_DAY"]);
    expect(errors).toEqual([{ line: 2, code: "DUPLICATE_IN_FILE", detail: "2027-01-09 (1)" }]);
  });
});

describe("planHolidayImport", () => {
  const stored = [{ date: "2027-01-01", kind: "HOLIDAY" as const, nameVi: "Tết Dương lịch", nameEn: "New Year" }];
  it("leaves identical days unchanged and refuses different content for a stored date", () => {
    expect(planHolidayImport("2027-01-01,HOLIDAY,Tết Dương lịch,New Year", stored)).toMatchObject({ errors: [], toAdd: 0, rows: [{ unchanged: true }] });
    expect(planHolidayImport("2027-01-01,HOLIDAY,Khác,Other", stored).errors.map((e) => e.code)).toEqual(["EXISTS"]);
  });
});
