// Writes every form, filled with the sample data, to a folder for a look:
//   npx tsx scripts/preview-forms.ts /tmp/forms [en]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderApologyLetter } from "../server/modules/standard-forms/apology-letter";
import { renderControlSheet } from "../server/modules/standard-forms/control-sheet";
import { renderReceiptSlip } from "../server/modules/standard-forms/receipt-slip";
import { renderRefusal } from "../server/modules/standard-forms/refusal";
import { renderStopNotice } from "../server/modules/standard-forms/stop-notice";
import { renderSupplementRequest } from "../server/modules/standard-forms/supplement-request";
import { renderTrackingBook } from "../server/modules/standard-forms/tracking-book";
import * as f from "../server/test/form-samples";

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
