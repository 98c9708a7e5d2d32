import { describe, expect, it } from "vitest";
import { normalizeSearchText } from "./search-text";

describe("normalizeSearchText", () => {
  it.each<[ReadonlyArray<string | null | undefined>, string]>([
    [["Nguyễn Văn An"], "nguyen van an"],
    [["Đặng Thị Đào"], "dang thi dao"],
    [["ĐỖ ĐỨC ĐẠT"], "do duc dat"],
    [["Trần Quốc Tuấn", "Phạm Ngũ Lão"], "tran quoc tuan pham ngu lao"],
    [["Lê Thị Hồng Nhung ỹ ữ ặ ờ ự"], "le thi hong nhung y u a o u"],
    // Composed (NFC) and decomposed (NFD) input give the same text.
    [["Nguy\u1EC5n"], "nguyen"],
    [["Nguye\u0302\u0303n"], "nguyen"],
    // Code + name + ID number, as stored on a dossier.
    [["000.00.53.H48-260213-0001", "Hoàng Thị Lan", "001190000123"], "000.00.53.h48-260213-0001 hoang thi lan 001190000123"],
    // Missing parts and messy whitespace.
    [["  Bùi   Xuân\tPhái ", null, undefined, ""], "bui xuan phai"],
    [[], ""],
    [["Công ty TNHH Khoa học & Công nghệ"], "cong ty tnhh khoa hoc & cong nghe"],
  ])("%j -> %j", (parts, expected) => {
    expect(normalizeSearchText(...parts)).toBe(expected);
  });

  it("leaves no character outside ASCII for Vietnamese letters", () => {
    const all = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    const text = normalizeSearchText(all + all.toUpperCase());
    expect(text).toMatch(/^[a-z]+$/);
  });
});
