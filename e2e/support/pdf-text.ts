import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether poppler's pdftotext is installed (`apt-get install -y poppler-utils`). */
export function hasPdfToText(): boolean {
  return spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).error === undefined;
}

/** The text of a PDF as pdftotext reads it, in drawing order (a table cell's wrapped lines stay together). */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "motcua-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, bytes);
    const run = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`pdftotext failed (${run.status}): ${run.stderr}`);
    // Text may come out decomposed (NFD) depending on the font's ToUnicode map.
    return run.stdout.normalize("NFC");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts like a PDF file ("%PDF-"). */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}
