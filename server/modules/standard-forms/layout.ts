// A small flow-layout engine on top of pdf-lib: wrapped paragraphs with mixed bold/italic runs,
// bordered tables that break across pages with the header row repeated, and the blocks every
// Vietnamese administrative form shares (national header, title, signature blocks).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { degrees, LineCapStyle, PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

// ---------------------------------------------------------------- fonts

/** Liberation Serif: metric-compatible with Times New Roman (the font of official documents) and full Vietnamese coverage. */
const FONT_FILES = {
  // Static `new URL(…, import.meta.url)` literals, so that bundlers can see and copy the files.
  regular: { url: new URL("./fonts/LiberationSerif-Regular.ttf", import.meta.url), name: "LiberationSerif-Regular.ttf" },
  bold: { url: new URL("./fonts/LiberationSerif-Bold.ttf", import.meta.url), name: "LiberationSerif-Bold.ttf" },
};

/**
 * Next to this module when run from source (tsx, Vitest); when a bundler has rewritten the URL to
 * something that is not a readable file, from the repository checkout the server runs in.
 */
async function readFont(file: { url: URL; name: string }): Promise<Uint8Array> {
  try {
    return await readFile(file.url);
  } catch (error) {
    try {
      return await readFile(join(process.cwd(), "server", "modules", "standard-forms", "fonts", file.name));
    } catch {
      throw error;
    }
  }
}

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

function loadFontBytes() {
  fontBytes ??= Promise.all([readFont(FONT_FILES.regular), readFont(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      fontBytes = undefined; // let the next call retry rather than cache the failure
      throw error;
    },
  );
  return fontBytes;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export const A4_PORTRAIT: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MM = 72 / 25.4;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Decree 30/2020/ND-CP page margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const OFFICIAL_MARGINS: Margins = { top: 20 * MM, right: 15 * MM, bottom: 20 * MM, left: 30 * MM };

export async function createComposer(options: {
  title: string;
  subject: string;
  pageSize: [number, number];
  margins: Margins;
}): Promise<Composer> {
  const bytes = await loadFontBytes();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Subsetting keeps a one-page slip around 30 KB instead of the 760 KB of both full fonts.
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
  ]);
  memoiseEncoding(regular);
  memoiseEncoding(bold);
  doc.setTitle(nfc(options.title));
  doc.setSubject(nfc(options.subject));
  doc.setProducer("motcua");
  doc.setCreator("motcua");
  return new Composer(doc, { regular, bold }, options.pageSize, options.margins);
}

/**
 * pdf-lib shapes every drawn string with fontkit again; tables repeat the same strings (dates,
 * statuses, procedure names, the header row on every page), so the encoded string is reused. Safe
 * for a subset font: the first encoding already added the string's glyphs to the subset.
 */
function memoiseEncoding(font: PDFFont) {
  const encode = font.encodeText.bind(font);
  const cache = new Map<string, ReturnType<PDFFont["encodeText"]>>();
  font.encodeText = (text: string) => {
    let encoded = cache.get(text);
    if (!encoded) {
      if (cache.size > 50_000) cache.clear();
      encoded = encode(text);
      cache.set(text, encoded);
    }
    return encoded;
  };
}

// ---------------------------------------------------------------- text measuring and wrapping

/** Composed (NFC) text: the fonts have precomposed Vietnamese letters but no mark positioning. */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Token {
  text: string;
  font: PDFFont;
  italic: boolean;
  /** Width at size 1. */
  width: number;
  /** A space separates it from the previous token on the same line. */
  space: boolean;
}

export interface Line {
  tokens: Token[];
  /** Width at size 1, spaces included. */
  width: number;
  /** Ends a paragraph or a hard line break: never stretched when justifying. */
  last: boolean;
}

const widthCache = new WeakMap<PDFFont, Map<string, number>>();

/** Width of `text` at size 1. Vietnamese words are syllables that repeat a lot, so a per-word cache pays. */
export function unitWidth(font: PDFFont, text: string): number {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    cache.set(text, width);
  }
  return width;
}

function fontFor(fonts: Fonts, run: Run): PDFFont {
  return run.bold ? fonts.bold : fonts.regular;
}

/**
 * Greedy line breaking of styled runs. `firstWidth` and `restWidth` are in points at `size`.
 * A word longer than a whole line is cut between characters.
 */
export function wrapRuns(
  runs: readonly Run[],
  fonts: Fonts,
  size: number,
  firstWidth: number,
  restWidth: number = firstWidth,
): Line[] {
  const lines: Line[] = [];
  let current: Token[] = [];
  let currentWidth = 0;
  let pendingSpace = false;
  const limit = () => (lines.length === 0 ? firstWidth : restWidth) / size;
  const flush = (last: boolean) => {
    lines.push({ tokens: current, width: currentWidth, last });
    current = [];
    currentWidth = 0;
  };

  const place = (token: Token) => {
    const spaceWidth = current.length > 0 && token.space ? unitWidth(token.font, " ") : 0;
    if (current.length > 0 && currentWidth + spaceWidth + token.width > limit()) {
      flush(false);
      return place({ ...token, space: false });
    }
    if (current.length === 0 && token.width > limit()) {
      // Cut an over-long word (a URL, a dossier code) into pieces that fit, after a "-", "/" or
      // "." when there is one, else between any two characters.
      let rest = token.text;
      while (unitWidth(token.font, rest) > limit()) {
        const chars = [...rest];
        let fit = 0;
        while (fit < chars.length && unitWidth(token.font, chars.slice(0, fit + 1).join("")) <= limit()) fit++;
        fit = Math.max(fit, 1);
        let cut = fit;
        for (let k = fit; k > 0; k--) {
          if ("-/._".includes(chars[k - 1]!)) {
            cut = k;
            break;
          }
        }
        const piece = chars.slice(0, cut).join("");
        current.push({ ...token, text: piece, width: unitWidth(token.font, piece), space: false });
        currentWidth = unitWidth(token.font, piece);
        flush(false);
        rest = chars.slice(cut).join("");
      }
      token = { ...token, text: rest, width: unitWidth(token.font, rest), space: false };
    }
    current.push(current.length === 0 ? { ...token, space: false } : token);
    currentWidth += (current.length > 1 && token.space ? unitWidth(token.font, " ") : 0) + token.width;
  };

  for (const run of runs) {
    const font = fontFor(fonts, run);
    const italic = run.italic ?? false;
    for (const match of nfc(run.text).matchAll(/(\n)|([ \t\u00a0]+)|([^\s\u00a0]+)/g)) {
      if (match[1]) {
        flush(true);
        pendingSpace = false;
      } else if (match[2]) {
        pendingSpace = true;
      } else if (match[3]) {
        place({ text: match[3], font, italic, width: unitWidth(font, match[3]), space: pendingSpace });
        pendingSpace = false;
      }
    }
  }
  if (current.length > 0 || lines.length === 0) flush(true);
  else if (lines.length > 0) lines[lines.length - 1]!.last = true;
  return lines;
}

/** Plain-text wrapping with one font: the lines as strings. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fonts: Fonts = { regular: font, bold: font };
  return wrapRuns([{ text }], fonts, size, maxWidth).map((line) =>
    line.tokens.map((t, i) => (i > 0 && t.space ? " " : "") + t.text).join(""),
  );
}

// ---------------------------------------------------------------- drawing

export type Align = "left" | "center" | "right" | "justify";

const BLACK = rgb(0, 0, 0);
const ITALIC_SKEW = degrees(12);
export const LINE_FACTOR = 1.28;

/** Draws one wrapped line with its baseline at y, inside [x, x + width]. */
export function drawLine(page: PDFPage, line: Line, x: number, y: number, width: number, size: number, align: Align) {
  const lineWidth = line.width * size;
  const gaps = line.tokens.filter((t, i) => i > 0 && t.space).length;
  if (align === "justify" && !line.last && gaps > 0) {
    const extra = (width - lineWidth) / gaps;
    let cursor = x;
    line.tokens.forEach((token, i) => {
      if (i > 0 && token.space) cursor += unitWidth(token.font, " ") * size + extra;
      drawToken(page, token.text, token, cursor, y, size);
      cursor += token.width * size;
    });
    return;
  }
  let cursor = align === "center" ? x + (width - lineWidth) / 2 : align === "right" ? x + width - lineWidth : x;
  // Consecutive tokens of one style go out as one string, so text extraction sees real spaces.
  let i = 0;
  while (i < line.tokens.length) {
    const first = line.tokens[i]!;
    if (i > 0 && first.space) cursor += unitWidth(first.font, " ") * size;
    let text = first.text;
    let width = first.width;
    let j = i + 1;
    for (; j < line.tokens.length; j++) {
      const next = line.tokens[j]!;
      if (next.font !== first.font || next.italic !== first.italic) break;
      const space = next.space ? " " : "";
      text += space + next.text;
      width += (space ? unitWidth(next.font, " ") : 0) + next.width;
    }
    drawToken(page, text, first, cursor, y, size);
    cursor += width * size;
    i = j;
  }
}

function drawToken(page: PDFPage, text: string, style: { font: PDFFont; italic: boolean }, x: number, y: number, size: number) {
  page.drawText(text, {
    x,
    y,
    size,
    font: style.font,
    color: BLACK,
    ...(style.italic ? { ySkew: ITALIC_SKEW } : {}),
  });
}

export interface ParagraphOptions {
  size?: number;
  align?: Align;
  x?: number;
  width?: number;
  /** Extra indent of the first line. */
  indent?: number;
  /** Indent of the lines after the first (hanging lists). */
  hanging?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  lineFactor?: number;
}

export interface Column {
  header: string;
  /** Relative weight; scaled to the table width. */
  weight: number;
  align?: Align;
}

export type Cell = string | Run[];

export interface TableOptions {
  size?: number;
  headerSize?: number;
  padding?: number;
  /** Called after a page break, before the repeated header row (e.g. to print a running head). */
  onNewPage?: () => void;
}

export interface SignatureBlock {
  titleLines: string[];
  hint?: string;
  name?: string;
}

/** A cursor over a document: content flows down the page and onto new pages as needed. */
export class Composer {
  page!: PDFPage;
  /** Top of the free space on the current page. */
  y = 0;
  /** Default paragraph size: 13 pt as Decree 30/2020 asks; a dense form may go down to 12. */
  bodySize = 13;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly pageSize: [number, number],
    readonly margins: Margins,
  ) {
    this.addPage();
  }

  get left() {
    return this.margins.left;
  }
  get right() {
    return this.pageSize[0] - this.margins.right;
  }
  get width() {
    return this.right - this.left;
  }
  get bottom() {
    return this.margins.bottom;
  }

  addPage() {
    this.page = this.doc.addPage(this.pageSize);
    this.y = this.pageSize[1] - this.margins.top;
  }

  /** Starts a new page unless `height` still fits; true when it broke. */
  ensure(height: number): boolean {
    if (this.y - height < this.bottom) {
      this.addPage();
      return true;
    }
    return false;
  }

  gap(height: number) {
    this.y -= height;
  }

  paragraph(content: string | Run[], options: ParagraphOptions = {}) {
    const size = options.size ?? this.bodySize;
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const indent = options.indent ?? 0;
    const hanging = options.hanging ?? 0;
    const lineHeight = size * (options.lineFactor ?? LINE_FACTOR);
    const runs = typeof content === "string" ? [{ text: content }] : content;
    const lines = wrapRuns(runs, this.fonts, size, width - indent, width - hanging);
    this.y -= options.spaceBefore ?? 0;
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      const offset = i === 0 ? indent : hanging;
      drawLine(this.page, line, x + offset, this.y - size, width - offset, size, options.align ?? "left");
      this.y -= lineHeight;
    });
    this.y -= options.spaceAfter ?? 0;
  }

  /** Height a paragraph would take, for keeping blocks together. */
  measure(content: string | Run[], options: ParagraphOptions = {}): number {
    const size = options.size ?? this.bodySize;
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const runs = typeof content === "string" ? [{ text: content }] : content;
    const lines = wrapRuns(runs, this.fonts, size, width - (options.indent ?? 0), width - (options.hanging ?? 0));
    return lines.length * size * (options.lineFactor ?? LINE_FACTOR) + (options.spaceBefore ?? 0) + (options.spaceAfter ?? 0);
  }

  rule(x1: number, x2: number, y: number, thickness = 0.6) {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: BLACK, lineCap: LineCapStyle.Butt });
  }

  /**
   * A bordered table. Rows never split; a page break repeats the header row. A row taller than a
   * whole page is cut to fit (with an ellipsis) rather than overflowing the page.
   */
  table(columns: Column[], rows: Cell[][], options: TableOptions = {}) {
    const size = options.size ?? 11;
    const headerSize = options.headerSize ?? size;
    const pad = options.padding ?? 3;
    const lineHeight = size * 1.2;
    const headerLineHeight = headerSize * 1.2;
    const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / totalWeight) * this.width);
    const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [this.left]);
    const innerWidth = (i: number) => widths[i]! - 2 * pad;

    const headerLines = columns.map((c, i) => wrapRuns([{ text: c.header, bold: true }], this.fonts, headerSize, innerWidth(i)));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * headerLineHeight + 2 * pad;

    let segmentTop = this.y;
    const closeSegment = () => {
      for (const x of xs) this.page.drawLine({ start: { x, y: segmentTop }, end: { x, y: this.y }, thickness: 0.6, color: BLACK });
    };
    const drawHeader = () => {
      segmentTop = this.y;
      this.rule(this.left, this.right, this.y);
      headerLines.forEach((lines, i) => {
        const top = this.y - pad - (headerHeight - 2 * pad - lines.length * headerLineHeight) / 2;
        lines.forEach((line, k) => {
          drawLine(this.page, line, xs[i]! + pad, top - headerSize - k * headerLineHeight + headerSize * 0.1, innerWidth(i), headerSize, "center");
        });
      });
      this.y -= headerHeight;
      this.rule(this.left, this.right, this.y);
    };

    this.ensure(headerHeight + lineHeight + 2 * pad);
    drawHeader();
    const usable = this.pageSize[1] - this.margins.top - this.bottom - headerHeight - 2 * pad;
    const maxLines = Math.max(1, Math.floor(usable / lineHeight));

    for (const row of rows) {
      const cellLines = columns.map((col, i) => {
        const cell = row[i] ?? "";
        const lines = wrapRuns(typeof cell === "string" ? [{ text: cell }] : cell, this.fonts, size, innerWidth(i));
        if (lines.length <= maxLines) return lines;
        const kept = lines.slice(0, maxLines);
        const lastLine = kept[maxLines - 1]!;
        const ellipsis: Token = { text: "…", font: this.fonts.regular, italic: false, width: unitWidth(this.fonts.regular, "…"), space: true };
        kept[maxLines - 1] = { ...lastLine, tokens: [...lastLine.tokens, ellipsis], last: true };
        return kept;
      });
      const height = Math.max(1, ...cellLines.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y - height < this.bottom) {
        closeSegment();
        this.addPage();
        options.onNewPage?.();
        drawHeader();
      }
      cellLines.forEach((lines, i) => {
        const align = columns[i]!.align ?? "left";
        lines.forEach((line, k) => {
          drawLine(this.page, line, xs[i]! + pad, this.y - pad - size - k * lineHeight + size * 0.1, innerWidth(i), size, align);
        });
      });
      this.y -= height;
      this.rule(this.left, this.right, this.y);
    }
    closeSegment();
  }

  /**
   * Signature blocks side by side: one block sits in the right half, two or more share the width.
   * Leaves room for a handwritten signature (and a seal) above the printed name.
   */
  signatures(blocks: SignatureBlock[], options: { x?: number; width?: number; space?: number } = {}) {
    const titleSize = 13;
    const hintSize = 12;
    const factor = 1.2;
    const signatureSpace = options.space ?? 60;
    const maxTitleLines = Math.max(...blocks.map((b) => b.titleLines.length));
    const hasHint = blocks.some((b) => b.hint);
    this.ensure((maxTitleLines + 1) * titleSize * factor + (hasHint ? hintSize * factor : 0) + signatureSpace);
    const x0 = options.x ?? (blocks.length === 1 ? this.left + this.width * 0.45 : this.left);
    const width = options.width ?? this.right - x0;
    const colWidth = width / blocks.length;
    const top = this.y;
    let lowest = top;
    blocks.forEach((block, i) => {
      this.y = top;
      const x = x0 + i * colWidth;
      const common = { x, width: colWidth, align: "center" as const, lineFactor: factor };
      for (const title of block.titleLines) this.paragraph([{ text: title, bold: true }], { ...common, size: titleSize });
      if (block.hint) this.paragraph([{ text: block.hint, italic: true }], { ...common, size: hintSize });
      this.y -= signatureSpace;
      if (block.name) this.paragraph([{ text: block.name, bold: true }], { ...common, size: titleSize });
      lowest = Math.min(lowest, this.y);
    });
    this.y = lowest;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
