import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy";

describe("passwordProblems", () => {
  it("accepts ten or more characters with letters and digits", () => {
    expect(passwordProblems("hoa-sen-2026")).toEqual([]);
    expect(passwordProblems("Mậtkhẩu1234")).toEqual([]);
  });

  it.each([
    ["short1", ["TOO_SHORT"]],
    ["onlyletterslong", ["NEEDS_LETTER_AND_DIGIT"]],
    ["12345678901", ["NEEDS_LETTER_AND_DIGIT"]],
    ["abc", ["TOO_SHORT", "NEEDS_LETTER_AND_DIGIT"]],
  ])("%s -> %j", (password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });

  it("refuses the e-mail, its name part or the phone in any notation", () => {
    expect(passwordProblems("An.Nguyen2024@Example.vn", ["an.nguyen2024@example.vn"])).toEqual(["SAME_AS_IDENTIFIER"]);
    expect(passwordProblems("an.nguyen2024", ["an.nguyen2024@example.vn"])).toEqual(["SAME_AS_IDENTIFIER"]);
    expect(passwordProblems("84912345678a", ["0912345678"])).toEqual([]);
    expect(passwordProblems("+84912345678", ["0912 345 678"])).toContain("SAME_AS_IDENTIFIER");
  });
});
