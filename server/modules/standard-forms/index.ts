// The standard one-stop documents of Circular 03/2025/TT-VPCP, Annex I, as PDF bytes.
// Pure: plain DTOs in (see types.ts), PDF out; callers load the data.
export { renderReceiptSlip, trackingUrl } from "./receipt-slip";
export { renderSupplementRequest } from "./supplement-request";
export { renderRefusal } from "./refusal";
export { renderApologyLetter } from "./apology-letter";
export { renderStopNotice } from "./stop-notice";
export { renderControlSheet, stepOutcome } from "./control-sheet";
export { renderTrackingBook, rowTimeliness } from "./tracking-book";
export * from "./types";
