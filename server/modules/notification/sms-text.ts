// SMS text rules: Vietnamese without diacritics (most brandname gateways only take GSM 7-bit
// text, and a message with one accented letter costs 2-3 times as many segments), the GSM 03.38
// alphabet and segment arithmetic, and fitting a rendered template into one segment by
// shortening only the parts that may be shortened (a name, a reason; never the code or a link).
import { renderTemplate, templateVariables, type TemplateVars } from "./templates";

/** "Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan" (đ/Đ are letters of their own, not a mark). */
export function removeDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

// GSM 03.38 default alphabet (one septet each) and its extension table (escape + one septet).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

/** Typography that has a plain GSM equivalent. */
const GSM_LOOKALIKES: Readonly<Record<string, string>> = {
  "…": "...",
  "–": "-",
  "—": "-",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "«": '"',
  "»": '"',
  "\u00a0": " ",
  "\t": " ",
  "•": "-",
  "→": "->",
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENDED.has(ch)) return false;
  return true;
}

/** Text a GSM-only gateway accepts: without diacritics, typography replaced, anything else as "?". */
export function toGsm7(text: string): string {
  let out = "";
  for (const ch of removeDiacritics(text)) {
    if (GSM_BASIC.has(ch) || GSM_EXTENDED.has(ch)) out += ch;
    else out += GSM_LOOKALIKES[ch] ?? "?";
  }
  return out;
}

export type SmsEncoding = "GSM7" | "UCS2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** How long a text is on the air: 160 septets in one segment or 153 per part; UCS-2 70 or 67. */
export function smsLength(text: string): SmsLength {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += GSM_EXTENDED.has(ch) ? 2 : 1;
    return { encoding: "GSM7", units, segments: units === 0 ? 1 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: "UCS2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

export interface FitOptions {
  /** The gateway takes only GSM 7-bit text (no diacritics). */
  plainText: boolean;
  /** Variables that may be shortened to fit (names, reasons), longest first. */
  shrinkable: readonly string[];
  /** The most segments the gateway sends; longer text is cut. */
  maxSegments?: number;
}

export interface FittedSms extends SmsLength {
  text: string;
  /** True when some variable had to be shortened. */
  shortened: boolean;
}

const ELLIPSIS_GSM = "...";
const ELLIPSIS_UCS = "…";
/** A shortened value keeps at least this many characters (a name cut to "Ng..." helps nobody). */
const MIN_KEPT = 12;

function shorten(value: string, keep: number, ellipsis: string): string {
  if (value.length <= keep) return value;
  const cut = Math.max(1, keep - ellipsis.length);
  return value.slice(0, cut).trimEnd() + ellipsis;
}

/**
 * Renders an SMS template so that it fits one segment where possible: the whole text first; if it
 * needs more than one segment, the shrinkable variables are shortened (the longest first, never
 * below MIN_KEPT characters) until it fits; if even that is not enough, the full text goes out in
 * several segments (up to maxSegments, then cut). Fixed text, codes and links are never touched.
 */
export function fitSms(template: string, vars: TemplateVars, options: FitOptions): FittedSms {
  const convert = (text: string) => (options.plainText ? toGsm7(text) : text.normalize("NFC"));
  const ellipsis = options.plainText ? ELLIPSIS_GSM : ELLIPSIS_UCS;
  const render = (values: TemplateVars) => convert(renderTemplate(template, values).replace(/[ \t]+\n/g, "\n").trim());

  const full = render(vars);
  const fullLength = smsLength(full);
  if (fullLength.segments === 1) return { text: full, ...fullLength, shortened: false };

  const used = new Set(templateVariables(template));
  const names = options.shrinkable.filter((n) => used.has(n) && (vars[n]?.length ?? 0) > MIN_KEPT);
  if (names.length > 0) {
    const values: Record<string, string> = { ...vars };
    // Take one character at a time off the longest shrinkable value until the text fits.
    for (;;) {
      const text = render(values);
      const length = smsLength(text);
      if (length.segments === 1) return { text, ...length, shortened: true };
      const longest = names
        .map((n) => ({ n, len: values[n]!.length }))
        .filter((c) => c.len > MIN_KEPT)
        .sort((a, b) => b.len - a.len)[0];
      if (!longest) break;
      // Jump most of the way in one step: the excess in units is a good first guess.
      const limit = length.encoding === "GSM7" ? 160 : 70;
      const excess = Math.max(1, length.units - limit);
      const keep = Math.max(MIN_KEPT, Math.min(longest.len - 1, longest.len - excess));
      values[longest.n] = shorten(vars[longest.n]!, keep, ellipsis);
    }
  }
  const maxSegments = options.maxSegments ?? 3;
  if (fullLength.segments <= maxSegments) return { text: full, ...fullLength, shortened: false };
  const perSegment = fullLength.encoding === "GSM7" ? 153 : 67;
  let cut = maxSegments * perSegment - ellipsis.length;
  let text = full.slice(0, cut).trimEnd() + ellipsis;
  while (smsLength(text).segments > maxSegments && cut > 0) text = full.slice(0, --cut).trimEnd() + ellipsis;
  return { text, ...smsLength(text), shortened: true };
}
