// What a file is, by its first bytes (never by its name or the browser's claim): an .exe renamed
// .pdf or an HTML page renamed .png is neither. Isomorphic and pure: the upload slot runs it in the
// browser before sending, the server runs it again on what arrived.

export const SNIFFED_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type SniffedType = (typeof SNIFFED_TYPES)[number];

/** Bytes needed to decide. */
export const SNIFF_LENGTH = 8;

const SIGNATURES: ReadonlyArray<{ type: SniffedType; bytes: readonly number[] }> = [
  // "%PDF-"
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the start of the next marker
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  // "\x89PNG\r\n\x1a\n"
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type the content starts as, or null for anything else (executables, HTML, archives, text). */
export function sniffContentType(head: Uint8Array): SniffedType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

export function isSniffedType(value: string): value is SniffedType {
  return (SNIFFED_TYPES as readonly string[]).includes(value);
}

/** The extensions a file picker should offer for these types. */
export function acceptAttribute(types: readonly string[]): string {
  const ext: Record<SniffedType, string> = { "application/pdf": ".pdf", "image/jpeg": ".jpg,.jpeg", "image/png": ".png" };
  return types.filter(isSniffedType).flatMap((t) => [t, ext[t]]).join(",");
}

/** Short names for messages: "PDF, JPG, PNG". */
export function typeNames(types: readonly string[]): string {
  const names: Record<SniffedType, string> = { "application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG" };
  return types.filter(isSniffedType).map((t) => names[t]).join(", ");
}

/**
 * A file name safe to store and show: no path, no control or bidi characters (a name like
 * "invoice\u202Efdp.exe" reads as "invoiceexe.pdf"), at most 200 characters.
 */
export function cleanFileName(name: string, type: SniffedType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
    const cleaned = base.normalize("NFC").replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF"]/g, "").trim();
  const fallback = { "application/pdf": "tai-lieu.pdf", "image/jpeg": "anh.jpg", "image/png": "anh.png" }[type];
  const result = cleaned === "" || cleaned === "." || cleaned === ".." ? fallback : cleaned;
  return [...result].slice(0, 200).join("");
}

/** "1,5 MB" / "1.5 MB". */
export function formatBytes(bytes: number, locale: "vi" | "en"): string {
  const fmt = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}
