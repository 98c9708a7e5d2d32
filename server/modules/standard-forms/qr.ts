// The dossier QR code, drawn as vector squares: sharp at any print resolution, a few hundred bytes.
import QRCode from "qrcode";
import { type PDFPage, rgb } from "pdf-lib";

interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

/** Error correction M: survives a crumpled or stamped paper slip, still small for a URL. */
function qrMatrix(text: string): QrMatrix {
  const modules = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) === 1 };
}

/** The dark modules as one SVG path, one rectangle per horizontal run (y grows downwards). */
function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      // A hair of overlap with the next row hides anti-aliasing seams between rows on screen.
      parts.push(`M${start} ${row}h${col - start}v1.05h${start - col}Z`);
    }
  }
  return parts.join("");
}

/**
 * Draws the QR code with its top-left corner at (x, top), `side` points wide, including the
 * 4-module quiet zone the standard requires (left white: the page is white).
 */
export function drawQr(page: PDFPage, text: string, x: number, top: number, side: number): QrMatrix {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const scale = side / (matrix.size + 2 * quiet);
  page.drawSvgPath(qrPath(matrix), {
    x: x + quiet * scale,
    y: top - quiet * scale,
    scale,
    color: rgb(0, 0, 0),
  });
  return matrix;
}
