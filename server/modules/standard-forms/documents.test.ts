import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import * as f from "../../test/form-samples";
import { renderApologyLetter } from "./apology-letter";
import { renderControlSheet, stepOutcome } from "./control-sheet";
import { renderReceiptSlip, trackingUrl } from "./receipt-slip";
import { renderRefusal } from "./refusal";
import { renderStopNotice } from "./stop-notice";
import { renderSupplementRequest } from "./supplement-request";
import { renderTrackingBook, rowTimeliness } from "./tracking-book";

// Text extraction and rasterising use Debian's poppler-utils (pdftotext, pdftoppm).
const hasPoppler = spawnSync("pdftotext", ["-v"]).error === undefined && spawnSync("pdftoppm", ["-v"]).error === undefined;
if (!hasPoppler) {
  console.warn("documents.test.ts: pdftotext/pdftoppm not found (apt-get install -y poppler-utils): text and QR checks are skipped");
}
const withPoppler = it.skipIf(!hasPoppler);

const dir = mkdtempSync(join(tmpdir(), "motcua-documents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

function save(bytes: Uint8Array): string {
  const file = join(dir, `doc-${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page, whitespace collapsed (pdftotext separates pages with a form feed). */
function pagesText(bytes: Uint8Array): string[] {
  const out = execFileSync("pdftotext", ["-enc", "UTF-8", save(bytes), "-"], { maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
  return out
    .split("\f")
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, " ").trim());
}

const allText = (bytes: Uint8Array) => pagesText(bytes).join(" ");

async function expectValidPdf(bytes: Uint8Array, pages: number) {
  expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBe(pages);
  return doc;
}

/** Rasterises page 1 (pdftoppm's plain PPM: a text header, then RGB bytes) and decodes the QR code on it. */
function decodeQr(bytes: Uint8Array): string | undefined {
  const prefix = join(dir, `qr-${++fileCount}`);
  execFileSync("pdftoppm", ["-r", "100", "-f", "1", "-l", "1", "-singlefile", save(bytes), prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("pdftoppm: unexpected PPM header");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += 3) {
    rgba[i * 4] = rgb[j]!;
    rgba[i * 4 + 1] = rgb[j + 1]!;
    rgba[i * 4 + 2] = rgb[j + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data;
}

describe("01 receipt and appointment slip", () => {
  it("is a one-page A4 PDF with subset fonts", async () => {
    const bytes = await renderReceiptSlip(f.receiptSlip);
    const doc = await expectValidPdf(bytes, 1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    // Two embedded subsets, not two 380 KB fonts.
    expect(bytes.length).toBeLessThan(80_000);
    expect(doc.getTitle()).toContain(f.dossierCode);
  });

  withPoppler("prints the code, the Vietnamese title, the parties and the times in Vietnam time", async () => {
    const text = allText(await renderReceiptSlip(f.receiptSlip));
    expect(text).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
    expect(text).toContain("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(text).toContain("Mẫu số 01");
    expect(text).toContain(`Mã hồ sơ: ${f.dossierCode}`);
    expect(text).toContain("Nguyễn Thị Thu Hường");
    expect(text).toContain("Trần Văn Đức");
    expect(text).toContain("Quyết định thành lập Hội đồng đánh giá, nghiệm thu");
    expect(text).toContain("Bản sao chứng thực");
    expect(text).toContain("5 ngày làm việc");
    // 03:00Z and 10:00Z are 10:00 and 17:00 in Vietnam; the test process runs in another zone.
    expect(text).toContain("4. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 13 tháng 02 năm 2026");
    expect(text).toContain("5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 27 tháng 02 năm 2026");
    expect(text).toContain("Lâm Đồng, ngày 13 tháng 02 năm 2026");
    expect(text).toContain("Qua dịch vụ bưu chính công ích");
  });

  withPoppler("carries a QR code that opens the tracking page", async () => {
    const bytes = await renderReceiptSlip(f.receiptSlip);
    const url = "https://motcua.example.gov.vn/track/000.00.53.H48-260213-0118";
    expect(trackingUrl(f.receiptSlip.baseUrl, f.dossierCode)).toBe(url);
    expect(decodeQr(bytes)).toBe(url);
    expect(allText(bytes)).toContain(url);
  });

  withPoppler("follows its base URL (trailing slash tolerated)", async () => {
    const bytes = await renderReceiptSlip({ ...f.receiptSlip, baseUrl: "https://dichvucong.lamdong.example/", dossierCode: "G22-260301-0007" });
    expect(decodeQr(bytes)).toBe("https://dichvucong.lamdong.example/track/G22-260301-0007");
  });

  withPoppler("renders in English on request", async () => {
    const text = allText(await renderReceiptSlip({ ...f.receiptSlip, locale: "en" }));
    expect(text).toContain("DOSSIER RECEIPT AND APPOINTMENT FOR RESULTS");
    expect(text).toContain("SOCIALIST REPUBLIC OF VIET NAM");
    expect(text).toContain("5. Results to be returned at: 17:00, 27 February 2026");
    expect(text).toContain(f.dossierCode);
  });

  withPoppler("flows a long list of documents onto a second page, repeating the table header", async () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({ name: `Tài liệu kèm theo số ${i + 1} về kết quả nghiệm thu`, form: "COPY" as const, copies: 1 }));
    const bytes = await renderReceiptSlip({ ...f.receiptSlip, documents });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const pages = pagesText(bytes);
    for (const page of pages.slice(0, -1)) expect(page).toContain("Tên giấy tờ");
    expect(pages.join(" ")).toContain("Tài liệu kèm theo số 40 về kết quả nghiệm thu");
    expect(pages[pages.length - 1]).toContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
  });

  it("rejects an incomplete DTO", async () => {
    await expect(renderReceiptSlip({ ...f.receiptSlip, applicant: { ...f.applicant, name: " " } })).rejects.toThrow();
    await expect(renderReceiptSlip({ ...f.receiptSlip, baseUrl: "not a url" })).rejects.toThrow();
  });
});

describe("02 request to supplement", () => {
  withPoppler("lists what to supplement, the reason and the officer", async () => {
    const bytes = await renderSupplementRequest(f.supplementRequest);
    await expectValidPdf(bytes, 1);
    const text = allText(bytes);
    expect(text).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
    expect(text).toContain("Mẫu số 02");
    expect(text).toContain(f.dossierCode);
    expect(text).toContain("1. Bổ sung bản sao chứng thực Quyết định giao nhiệm vụ khoa học và công nghệ.");
    expect(text).toContain("2. Hoàn thiện Báo cáo tổng hợp");
    expect(text).toContain("Lý do: Hồ sơ chưa có Quyết định giao nhiệm vụ");
    expect(text).toContain("trước ngày 06 tháng 3 năm 2026");
    expect(text).toContain("Lê Thị Ngọc Ánh");
    expect(text).toContain("0263 3822 111");
    expect(text).toContain("Lâm Đồng, ngày 24 tháng 02 năm 2026");
  });
});

describe("03 refusal to receive", () => {
  withPoppler("gives the reasons", async () => {
    const bytes = await renderRefusal(f.refusal);
    await expectValidPdf(bytes, 1);
    const text = allText(bytes);
    expect(text).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    expect(text).toContain("Mẫu số 03");
    expect(text).toContain("không tiếp nhận, giải quyết hồ sơ này");
    expect(text).toContain("1. Nhiệm vụ khoa học và công nghệ chưa được Hội đồng đánh giá, nghiệm thu ở mức “Đạt” trở lên.");
    expect(text).toContain("2. Hồ sơ không thuộc thẩm quyền giải quyết");
    expect(text).not.toContain("Mã hồ sơ:"); // a paper dossier refused at the desk has no code yet
  });

  withPoppler("prints the code when the refused dossier has one", async () => {
    const text = allText(await renderRefusal({ ...f.refusal, dossierCode: f.dossierCode }));
    expect(text).toContain(`Mã hồ sơ: ${f.dossierCode}`);
  });
});

describe("04 apology letter with an extended date", () => {
  withPoppler("states the original due date, the reason and the new date", async () => {
    const bytes = await renderApologyLetter(f.apologyLetter);
    await expectValidPdf(bytes, 1);
    const text = allText(bytes);
    expect(text).toContain("V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ");
    expect(text).toContain("Mẫu số 04");
    expect(text).toContain("Số: 125/SKHCN-VP");
    expect(text).toContain("Kính gửi: Ông/Bà Nguyễn Thị Thu Hường");
    expect(text).toContain(`mã hồ sơ: ${f.dossierCode}`);
    expect(text).toContain("Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 27 tháng 02 năm 2026");
    expect(text).toContain("Lý do: Hồ sơ cần lấy ý kiến của Sở Tài chính");
    expect(text).toContain("đến 17 giờ 00 phút, ngày 06 tháng 3 năm 2026");
    expect(text).toContain("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC");
    expect(text).toContain("Phạm Quốc Việt");
    expect(text).toContain("Nơi nhận:");
  });

  withPoppler("leaves the number blank for hand numbering when none is given", async () => {
    const text = allText(await renderApologyLetter({ ...f.apologyLetter, documentNumber: undefined }));
    expect(text).toContain("Số: ……/……");
  });
});

describe("05 notice of stopping processing", () => {
  withPoppler("states the reason and the legal basis", async () => {
    const bytes = await renderStopNotice(f.stopNotice);
    await expectValidPdf(bytes, 1);
    const text = allText(bytes);
    expect(text).toContain("THÔNG BÁO Về việc dừng giải quyết hồ sơ");
    expect(text).toContain("Mẫu số 05");
    expect(text).toContain(f.dossierCode);
    expect(text).toContain("dừng giải quyết hồ sơ nêu trên kể từ ngày 02 tháng 3 năm 2026");
    expect(text).toContain("Lý do: Tổ chức, cá nhân đã có văn bản đề nghị dừng giải quyết hồ sơ");
    expect(text).toContain("Căn cứ: khoản 3 Điều 20 Nghị định số 118/2025/NĐ-CP");
    expect(text).toContain("- Bộ phận Một cửa;");
    expect(text).toContain("Đỗ Thị Minh Nguyệt");
  });
});

describe("06 process control sheet", () => {
  it("judges each step early, on time or late in Vietnam days", () => {
    const due = new Date("2026-02-25T10:00:00Z"); // 17:00 on the 25th in Vietnam
    expect(stepOutcome({ dueAt: due, finishedAt: new Date("2026-02-24T09:00:00Z") })).toBe("EARLY");
    expect(stepOutcome({ dueAt: due, finishedAt: new Date("2026-02-25T01:00:00Z") })).toBe("ON_TIME");
    expect(stepOutcome({ dueAt: due, finishedAt: due })).toBe("ON_TIME");
    expect(stepOutcome({ dueAt: due, finishedAt: new Date("2026-02-25T10:00:01Z") })).toBe("LATE");
    // 23:30 UTC on the 24th is already the 25th in Vietnam: on time, not early.
    expect(stepOutcome({ dueAt: due, finishedAt: new Date("2026-02-24T23:30:00Z") })).toBe("ON_TIME");
    expect(stepOutcome({ dueAt: due })).toBeUndefined();
    expect(stepOutcome({ finishedAt: due })).toBeUndefined();
    expect(stepOutcome({ dueAt: due, finishedAt: new Date("2026-03-01T00:00:00Z"), outcome: "ON_TIME" })).toBe("ON_TIME");
  });

  withPoppler("tabulates the hand-overs with their times and outcomes", async () => {
    const bytes = await renderControlSheet(f.controlSheet);
    await expectValidPdf(bytes, 1);
    const text = allText(bytes);
    expect(text).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    expect(text).toContain("Mẫu số 06");
    expect(text).toContain(`Mã hồ sơ: ${f.dossierCode}`);
    expect(text).toContain("Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 27 tháng 02 năm 2026");
    // Cells that wrap interleave with their neighbours in extracted text: check unwrapped pieces.
    for (const step of ["Tiếp nhận hồ sơ", "Thẩm định hồ", "Phê duyệt, ký kết quả", "Trả kết quả"]) expect(text).toContain(step);
    expect(text).toContain("Trước hạn");
    expect(text).toContain("Đúng hạn");
    expect(text).toContain("Quá hạn");
    expect(text).toContain("3 ngày làm việc");
    expect(text).toContain("4 giờ làm việc");
    expect(text).toContain("Sở Tài chính tỉnh Lâm Đồng");
    // Step 1 is due at 09:00Z, 16:00 in Vietnam.
    expect(text).toContain("Hạn: 16:00 13/02/2026");
  });
});

describe("07 dossier tracking book", () => {
  it("flags overdue rows against the print time", () => {
    const dueAt = new Date("2026-02-27T10:00:00Z");
    const asOf = new Date("2026-03-01T00:00:00Z");
    expect(rowTimeliness({ status: "PROCESSING", dueAt }, asOf)).toBe("OVERDUE");
    expect(rowTimeliness({ status: "PROCESSING", dueAt }, new Date("2026-02-27T09:00:00Z"))).toBeUndefined();
    expect(rowTimeliness({ status: "SUPPLEMENT_REQUESTED", dueAt }, asOf)).toBeUndefined(); // the clock is paused
    expect(rowTimeliness({ status: "RETURNED", dueAt, finishedAt: new Date("2026-02-27T09:59:00Z") }, asOf)).toBe("ON_TIME");
    expect(rowTimeliness({ status: "RETURNED", dueAt, finishedAt: new Date("2026-02-27T10:01:00Z") }, asOf)).toBe("OVERDUE");
    expect(rowTimeliness({ status: "REFUSED" }, asOf)).toBeUndefined();
  });

  withPoppler(
    "paginates 1,000 dossiers in landscape with the header row on every page",
    async () => {
      const dto = f.trackingBook(1000);
      const started = performance.now();
      const bytes = await renderTrackingBook(dto);
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeLessThan(30); // about 2 s on an idle 2-core machine
      console.info(`tracking book: 1000 rows rendered in ${seconds.toFixed(1)} s`);

      const doc = await PDFDocument.load(bytes);
      const pageCount = doc.getPageCount();
      expect(pageCount).toBeGreaterThan(10);
      const { width, height } = doc.getPage(0).getSize();
      expect(width).toBeGreaterThan(height);

      const pages = pagesText(bytes);
      expect(pages).toHaveLength(pageCount);
      expect(pages[0]).toContain("SỔ THEO DÕI HỒ SƠ");
      expect(pages[0]).toContain("Mẫu số 07");
      expect(pages[0]).toContain("Từ ngày 05/01/2026 đến ngày 31/03/2026");
      pages.forEach((page, i) => {
        expect(page).toContain("Mã hồ sơ");
        expect(page).toContain("Tên thủ tục hành chính");
        expect(page).toContain(`Trang ${i + 1}/${pageCount}`);
      });
      // Every dossier appears exactly once, in order.
      const all = pages.join(" ");
      let from = 0;
      for (const row of dto.rows) {
        const at = all.indexOf(row.dossierCode, from);
        expect(at, row.dossierCode).toBeGreaterThanOrEqual(0);
        expect(all.indexOf(row.dossierCode, at + 1)).toBe(-1);
        from = at;
      }
      expect(all).toContain("Tổng số: 1000 hồ sơ");
      expect(all).toContain("Quá hạn");
      expect(all).toContain("Đã trả kết quả");
    },
    120_000,
  );

  withPoppler("prints an empty book on one page", async () => {
    const bytes = await renderTrackingBook({ ...f.trackingBook(0), locale: "en" });
    await expectValidPdf(bytes, 1);
    const text = allText(bytes);
    expect(text).toContain("DOSSIER TRACKING BOOK");
    expect(text).toContain("Total: 0 dossiers");
    expect(text).toContain("Page 1/1");
  });
});
