import { describe, expect, it } from "vitest";
import { CATALOGUE, TEMPLATE_KEYS } from "./catalogue";
import { fitSms, isGsm7, removeDiacritics, smsLength, toGsm7 } from "./sms-text";

describe("removeDiacritics", () => {
  it.each([
    ["Hồ sơ đã được tiếp nhận", "Ho so da duoc tiep nhan"],
    ["ĐĂNG KÝ KẾT QUẢ", "DANG KY KET QUA"],
    ["Sở Khoa học và Công nghệ Hà Nội", "So Khoa hoc va Cong nghe Ha Noi"],
    ["Nguyễn Thị Ngọc Ánh", "Nguyen Thi Ngoc Anh"],
    ["Phường Giảng Võ, quận Ba Đình", "Phuong Giang Vo, quan Ba Dinh"],
    ["ưu tiên, ươm tạo, khuyến", "uu tien, uom tao, khuyen"],
    // decomposed input (NFD, as some keyboards send it)
    ["Tie\u0302\u0301p nha\u0323\u0302n", "Tiep nhan"],
    ["000.00.53.H26-261208-0001", "000.00.53.H26-261208-0001"],
    ["", ""],
  ])("%s", (input, expected) => {
    expect(removeDiacritics(input)).toBe(expected);
  });
});

describe("GSM 7-bit", () => {
  it.each([
    ["Ho so da duoc tiep nhan", true],
    ["Hồ sơ", false],
    ["price: 500.000 d", true],
    ["€ [x] {y} ~ ^ | \\", true],
    ["emoji 🙂", false],
    ["…", false],
  ])("isGsm7(%j) is %s", (text, expected) => {
    expect(isGsm7(text)).toBe(expected);
  });

  it.each([
    ["Hồ sơ “đã nhận” – xong…", 'Ho so "da nhan" - xong...'],
    ["Tab\there", "Tab here"],
    ["ký tự lạ ✓", "ky tu la ?"],
  ])("toGsm7(%j)", (text, expected) => {
    expect(toGsm7(text)).toBe(expected);
  });

  it.each([
    ["", { encoding: "GSM7", units: 0, segments: 1 }],
    ["a".repeat(160), { encoding: "GSM7", units: 160, segments: 1 }],
    ["a".repeat(161), { encoding: "GSM7", units: 161, segments: 2 }],
    ["a".repeat(306), { encoding: "GSM7", units: 306, segments: 2 }],
    ["a".repeat(307), { encoding: "GSM7", units: 307, segments: 3 }],
    // an extension character counts twice
    ["€".repeat(80), { encoding: "GSM7", units: 160, segments: 1 }],
    ["€".repeat(81), { encoding: "GSM7", units: 162, segments: 2 }],
    ["ồ".repeat(70), { encoding: "UCS2", units: 70, segments: 1 }],
    ["ồ".repeat(71), { encoding: "UCS2", units: 71, segments: 2 }],
    ["ồ".repeat(134), { encoding: "UCS2", units: 134, segments: 2 }],
  ])("smsLength(%j)", (text, expected) => {
    expect(smsLength(text)).toEqual(expected);
  });
});

describe("fitSms", () => {
  const url = "https://dichvucong.motcua.gov.vn/track/000.00.53.H26-261208-0001";
  const template = "Ho so {{code}} khong duoc tiep nhan. Ly do: {{reason}}. Chi tiet: {{trackingUrl}}";
  const base = { code: "000.00.53.H26-261208-0001", trackingUrl: url };

  it("keeps a short message whole, without diacritics for a plain-text gateway", () => {
    const fitted = fitSms(template, { ...base, reason: "Sai thẩm quyền" }, { plainText: true, shrinkable: ["reason"] });
    expect(fitted).toMatchObject({ text: `Ho so ${base.code} khong duoc tiep nhan. Ly do: Sai tham quyen. Chi tiet: ${url}`, encoding: "GSM7", segments: 1, shortened: false });
  });

  it("shortens the reason, never the code or the link, to fit one segment", () => {
    const reason = "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan, đề nghị nộp tại Ủy ban nhân dân cấp xã nơi cư trú";
    const fitted = fitSms(template, { ...base, reason }, { plainText: true, shrinkable: ["reason"] });
    expect(fitted.segments).toBe(1);
    expect(fitted.units).toBeLessThanOrEqual(160);
    expect(fitted.shortened).toBe(true);
    expect(fitted.text).toContain(base.code);
    expect(fitted.text.endsWith(url)).toBe(true);
    expect(fitted.text).toMatch(/Ly do: Ho so khong thuoc.*\.\.\.\. Chi tiet/);
  });

  it("sends several segments when even the shortest values do not fit, and never more than allowed", () => {
    const long = `${"x".repeat(200)} {{code}}`;
    const two = fitSms(long, base, { plainText: true, shrinkable: [], maxSegments: 3 });
    expect(two).toMatchObject({ segments: 2, shortened: false });
    const cut = fitSms(`${"y".repeat(600)}`, {}, { plainText: true, shrinkable: [], maxSegments: 2 });
    expect(cut.segments).toBe(2);
    expect(cut.text.endsWith("...")).toBe(true);
  });

  it("keeps diacritics for a Unicode gateway and counts UCS-2 segments", () => {
    const fitted = fitSms("Hồ sơ {{code}} đã tiếp nhận", base, { plainText: false, shrinkable: [] });
    expect(fitted).toMatchObject({ text: `Hồ sơ ${base.code} đã tiếp nhận`, encoding: "UCS2", segments: 1 });
  });

  it.each(TEMPLATE_KEYS.filter((k) => CATALOGUE[k].channels.includes("SMS")))(
    "the default SMS of %s fits one plain-text segment with realistic values",
    (key) => {
      const wording = CATALOGUE[key].defaults.vi.SMS!;
      const vars = { ...CATALOGUE[key].sample, trackingUrl: url, answerUrl: "https://dichvucong.motcua.gov.vn/me/dossiers/000.00.53.H26-261208-0001" };
      const fitted = fitSms(wording.body, vars, { plainText: true, shrinkable: CATALOGUE[key].shrinkable });
      expect(fitted.segments, fitted.text).toBe(1);
      expect(isGsm7(fitted.text)).toBe(true);
    },
  );
});
