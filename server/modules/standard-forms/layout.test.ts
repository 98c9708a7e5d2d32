import { describe, expect, it } from "vitest";
import { A4_PORTRAIT, createComposer, OFFICIAL_MARGINS, wrapRuns, wrapText } from "./layout";

const composer = () => createComposer({ title: "t", subject: "s", pageSize: A4_PORTRAIT, margins: OFFICIAL_MARGINS });

describe("wrapText", () => {
  it("breaks between words, every line fits, and no word is lost", async () => {
    const c = await composer();
    const font = c.fonts.regular;
    const text =
      "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước, " +
      "hồ sơ gồm Phiếu đăng ký, Báo cáo tổng hợp và Biên bản đánh giá, nghiệm thu của Hội đồng.";
    for (const width of [60, 150, 300, 1000]) {
      const lines = wrapText(text, font, 12, width);
      for (const line of lines) expect(font.widthOfTextAtSize(line, 12)).toBeLessThanOrEqual(width + 0.01);
      expect(lines.join(" ")).toBe(text);
      if (width === 1000) expect(lines).toHaveLength(1);
      if (width === 150) expect(lines.length).toBeGreaterThan(3);
    }
  });

  it("cuts an over-long word after a hyphen when it can", async () => {
    const c = await composer();
    const font = c.fonts.bold;
    const code = "000.00.53.H48-260213-0118";
    const width = font.widthOfTextAtSize("000.00.53.H48-2602", 9);
    const lines = wrapText(code, font, 9, width);
    expect(lines).toEqual(["000.00.53.H48-", "260213-0118"]);
    expect(lines.join("")).toBe(code);
  });

  it("keeps hard line breaks and composes decomposed Vietnamese (NFD) input", async () => {
    const c = await composer();
    const lines = wrapText("Trần Văn Đức\nPhòng Quản lý khoa học".normalize("NFD"), c.fonts.regular, 12, 500);
    expect(lines).toEqual(["Trần Văn Đức", "Phòng Quản lý khoa học"]);
    expect(lines[0]).toBe("Trần Văn Đức".normalize("NFC"));
  });

  it("wraps mixed bold and regular runs as one paragraph", async () => {
    const c = await composer();
    const lines = wrapRuns([{ text: "Mã hồ sơ: " }, { text: "000.00.53.H48-260213-0118", bold: true }], c.fonts, 13, 1000);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.tokens.map((t) => t.font === c.fonts.bold)).toEqual([false, false, false, true]);
    expect(lines[0]!.last).toBe(true);
  });
});
