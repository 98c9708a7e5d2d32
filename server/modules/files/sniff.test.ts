import { describe, expect, it } from "vitest";
import { acceptAttribute, cleanFileName, formatBytes, sniffContentType, typeNames } from "./sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("sniffContentType", () => {
  it.each([
    ["a PDF", ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf"],
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), "image/jpeg"],
    ["a JPEG (Exif, from a phone camera)", bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 0x45, 0x78), "image/jpeg"],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), "image/png"],
  ])("recognises %s", (_name, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it.each([
    ["a Windows executable renamed .pdf", ascii("MZ\x90\x00\x03\x00\x00\x00")],
    ["an ELF binary", bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0)],
    ["an HTML page renamed .png", ascii("<!DOCTYPE html><script>alert(1)</script>")],
    ["HTML with leading whitespace", ascii("  <html><body>")],
    ["an SVG (scriptable image)", ascii('<svg xmlns="http://www.w3.org/2000/svg">')],
    ["a ZIP / DOCX", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0)],
    ["a GIF", ascii("GIF89a\x01\x00")],
    ["text that mentions PDF later", ascii("hello %PDF-1.4")],
    ["a truncated PNG signature", bytes(0x89, 0x50, 0x4e, 0x47)],
    ["a truncated PDF signature", ascii("%PD")],
    ["an empty file", bytes()],
    ["a JPEG SOI without a marker", bytes(0xff, 0xd8, 0x00, 0x00)],
  ])("rejects %s", (_name, head) => {
    expect(sniffContentType(head)).toBeNull();
  });
});

describe("file names and labels", () => {
  it("keeps the last path segment and drops control and bidi characters", () => {
    expect(cleanFileName("C:\\Users\\an\\Đơn đề nghị.pdf", "application/pdf")).toBe("Đơn đề nghị.pdf");
    expect(cleanFileName("../../etc/passwd", "application/pdf")).toBe("passwd");
    expect(cleanFileName("invoice\u202Efdp.exe", "application/pdf")).toBe("invoicefdp.exe");
    expect(cleanFileName('a"b\u0000.png', "image/png")).toBe("ab.png");
    expect(cleanFileName("..", "image/jpeg")).toBe("anh.jpg");
    expect(cleanFileName("x".repeat(300), "image/png")).toHaveLength(200);
  });

  it("normalises decomposed Vietnamese to NFC", () => {
    expect(cleanFileName("Quye\u0302\u0301t đi\u0323nh.pdf", "application/pdf")).toBe("Quyết định.pdf");
  });

  it("builds the accept attribute and type names", () => {
    expect(acceptAttribute(["application/pdf", "image/png", "text/html"])).toBe("application/pdf,.pdf,image/png,.png");
    expect(typeNames(["application/pdf", "image/jpeg", "image/png"])).toBe("PDF, JPG, PNG");
  });

  it("formats sizes per locale", () => {
    expect(formatBytes(10 * 1024 * 1024, "vi")).toBe("10 MB");
    expect(formatBytes(1536 * 1024, "vi")).toBe("1,5 MB");
    expect(formatBytes(1536 * 1024, "en")).toBe("1.5 MB");
    expect(formatBytes(512, "en")).toBe("512 B");
  });
});
