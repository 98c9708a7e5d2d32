// Text as citizens type and paste it: one normal form, no invisible or control characters.
// Isomorphic and pure.

// C0 controls other than tab and newline, DEL, C1 controls, zero-width space and BOM, and the
// bidirectional marks, overrides and isolates (they can make a stored name read differently on screen).
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * NFC (Vietnamese keyboards and phones produce both composed and decomposed diacritics, which
 * would otherwise compare and search differently), CRLF to LF, control characters stripped, and
 * trimmed. A single-line value has its tabs and line breaks turned into spaces. HTML is kept as
 * typed: it is data, and every page renders it escaped.
 */
export function normalizeText(raw: string, multiline = false): string {
  let text = raw.normalize("NFC").replace(/\r\n?/g, "\n");
  text = multiline ? text.replace(/\t/g, " ") : text.replace(/[\t\n]+/g, " ");
  text = text.replace(INVISIBLE, "");
  if (!multiline) return text.trim();
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/** Length as people count it (code points, not UTF-16 units: an emoji is one character). */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
