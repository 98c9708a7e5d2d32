// Unique people and real small files for the citizen portal's specs: every test makes its own, so
// files can run in parallel against one database and assertions can search for exact values.
import { randomBytes, randomInt } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Lower-case letters and digits, never a word: safe to search for in any page or payload. */
export function token(length = 6): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join("");
}

/** A 12-digit citizen ID number nobody seeded (the seed's start with 0). */
export function uniqueIdNumber(): string {
  return `8${String(randomInt(0, 10 ** 11)).padStart(11, "0")}`;
}

/** A mobile number in the portal's format (0 and 9 digits), unique enough for one run. */
export function uniquePhone(): string {
  return `09${String(randomInt(0, 10 ** 8)).padStart(8, "0")}`;
}

/**
 * A client address of its own for one test (X-Forwarded-For, which the app reads as the client
 * behind its reverse proxy): per-client rate limits (tracking look-ups, sign-ups) then count this
 * test alone, not every test of the run from 127.0.0.1.
 */
export function clientAddress(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A real one-page PDF with a line of text. */
export async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (RGB, `size` x `size`, one flat colour). */
export function makePng(size = 16, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A complete, valid e-form for procedure 1.004473 (register the results of a provincial S&T task),
 * by input name; `mark` goes into the task title so each test can find its own dossier.
 */
export function taskResultsFields(mark: string): Record<string, string> {
  return {
    "f.organisation.name": "Viện Nghiên cứu Ứng dụng Công nghệ Sinh học",
    "f.organisation.address.province": "Hà Nội",
    "f.organisation.address.commune": "phường Nghĩa Đô",
    "f.organisation.address.street": "Số 18 Hoàng Quốc Việt",
    "f.organisation.representative": "Phạm Minh Châu",
    "f.organisation.representativeIdNumber": "001080012345",
    "f.organisation.phone": "0243756789",
    "f.taskName": `Nghiên cứu ứng dụng công nghệ IoT giám sát chất lượng nước nuôi trồng thủy sản ${mark}`,
    "f.chiefInvestigator": "TS. Lê Thị Thu Hằng",
    "f.researchField": "engineering",
    "f.startDate": "2024-01-15",
    "f.endDate": "2025-06-30",
    "f.budget": "850000000",
    "f.acceptanceDate": "2025-08-20",
  };
}
