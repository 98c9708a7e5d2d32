// Writes every form, filled with the sample data, to a folder for a look:
//   npx tsx server/modules/standard-forms/preview.ts /tmp/forms [en]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderApologyLetter } from "./apology-letter";
import { renderControlSheet } from "./control-sheet";
import * as f from "./fixtures";
import { renderReceiptSlip } from "./receipt-slip";
import { renderRefusal } from "./refusal";
import { renderStopNotice } from "./stop-notice";
import { renderSupplementRequest } from "./supplement-request";
import { renderTrackingBook } from "./tracking-book";

const out = process.argv[2] ?? "/tmp/motcua-forms";
const locale = process.argv[3] === "en" ? "en" : "vi";
mkdirSync(out, { recursive: true });
const jobs: [string, () => Promise<Uint8Array>][] = [
  ["01-receipt-slip", () => renderReceiptSlip({ ...f.receiptSlip, locale })],
  ["02-supplement-request", () => renderSupplementRequest({ ...f.supplementRequest, locale })],
  ["03-refusal", () => renderRefusal({ ...f.refusal, locale })],
  ["04-apology-letter", () => renderApologyLetter({ ...f.apologyLetter, locale })],
  ["05-stop-notice", () => renderStopNotice({ ...f.stopNotice, locale })],
  ["06-control-sheet", () => renderControlSheet({ ...f.controlSheet, locale })],
  ["07-tracking-book", () => renderTrackingBook({ ...f.trackingBook(1000), locale })],
];
for (const [name, render] of jobs) {
  const started = performance.now();
  const bytes = await render();
  const file = join(out, `${name}${locale === "en" ? "-en" : ""}.pdf`);
  writeFileSync(file, bytes);
  console.log(`${file}  ${(bytes.length / 1024).toFixed(0)} KB  ${(performance.now() - started).toFixed(0)} ms`);
}
