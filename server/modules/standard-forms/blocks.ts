// Blocks shared by the Annex I forms: form number, the two-column national header, the title.
import type { Labels } from "./labels";
import type { Composer, Run } from "./layout";

interface HeaderAgency {
  parentName?: string;
  name: string;
}

interface HeaderLayout {
  /** Free space starts below this y in the left column (agency side). */
  leftBottom: number;
  leftX: number;
  leftWidth: number;
}

export const upper = (text: string) => text.toLocaleUpperCase("vi");

/** "Mẫu số 01", top right, as in the circular's annex. */
export function formNumber(c: Composer, text: string) {
  c.paragraph([{ text, bold: true }], { align: "right", size: 11, spaceAfter: 4 });
}

/**
 * The header of every official form: the agency top left (its superior above it, the agency in
 * bold, a short rule under it, then the document number and subject when there are any), the
 * national name and motto top right with a rule as long as the motto, and the place and date in
 * italics under them.
 */
export function nationalHeader(
  c: Composer,
  options: {
    agency: HeaderAgency;
    labels: Labels;
    placeDate?: string;
    /** Letters carry "Số: …"; undefined prints the blank for hand numbering. */
    documentNumber?: string | undefined;
    showNumber?: boolean;
    subject?: string;
  },
): HeaderLayout {
  const { agency, labels } = options;
  const top = c.y;
  // Official headers reach a little into the left margin so that both columns fit on one line each.
  const spanLeft = c.left - 22;
  const spanWidth = c.right + 6 - spanLeft;
  const leftX = spanLeft;
  const leftWidth = spanWidth * 0.44;
  const rightX = spanLeft + leftWidth;
  const rightWidth = spanWidth - leftWidth;

  if (agency.parentName) c.paragraph(upper(agency.parentName), { x: leftX, width: leftWidth, align: "center", size: 12, lineFactor: 1.15 });
  c.paragraph([{ text: upper(agency.name), bold: true }], { x: leftX, width: leftWidth, align: "center", size: 12, lineFactor: 1.15 });
  const leftCentre = leftX + leftWidth / 2;
  c.rule(leftCentre - leftWidth / 6, leftCentre + leftWidth / 6, c.y - 5);
  c.gap(8);
  if (options.showNumber) {
    c.paragraph(`${labels.numberPrefix} ${options.documentNumber ?? "……/……"}`, { x: leftX, width: leftWidth, align: "center", size: 13 });
  }
  if (options.subject) c.paragraph(options.subject, { x: leftX + 6, width: leftWidth - 12, align: "center", size: 12, lineFactor: 1.15 });
  const leftBottom = c.y;

  c.y = top;
  c.paragraph([{ text: labels.nation, bold: true }], { x: rightX, width: rightWidth, align: "center", size: 12, lineFactor: 1.15 });
  c.paragraph([{ text: labels.motto, bold: true }], { x: rightX, width: rightWidth, align: "center", size: 13, lineFactor: 1.15 });
  const mottoWidth = c.fonts.bold.widthOfTextAtSize(labels.motto, 13);
  const rightCentre = rightX + rightWidth / 2;
  c.rule(rightCentre - mottoWidth / 2, rightCentre + mottoWidth / 2, c.y - 5);
  c.gap(8);
  if (options.placeDate) c.paragraph([{ text: options.placeDate, italic: true }], { x: rightX, width: rightWidth, align: "center", size: 13 });

  c.y = Math.min(c.y, leftBottom);
  return { leftBottom, leftX, leftWidth };
}

export function title(c: Composer, text: string, below: Run[][] = []) {
  c.gap(12);
  c.paragraph([{ text, bold: true }], { align: "center", size: 14, lineFactor: 1.2 });
  for (const runs of below) c.paragraph(runs, { align: "center", size: 13 });
  c.gap(8);
}

/** "Label: value" on its own paragraph, wrapping under the label. */
export function field(c: Composer, label: string, value: string | undefined, options: { bold?: boolean } = {}) {
  if (!value) return;
  c.paragraph([{ text: `${label} ` }, { text: value, bold: options.bold }], { align: "justify", spaceAfter: 1 });
}

/** Two short fields on one line ("Số điện thoại: … Thư điện tử: …"), or one of them, or none. */
export function fieldPair(c: Composer, a: [string, string | undefined], b: [string, string | undefined]) {
  const runs: Run[] = [];
  if (a[1]) runs.push({ text: `${a[0]} ` }, { text: a[1] });
  if (b[1]) runs.push({ text: `${runs.length ? "; " : ""}${b[0]} ` }, { text: b[1] });
  if (runs.length) c.paragraph(runs, { spaceAfter: 1 });
}

/** A numbered ("1.") or bulleted ("-") list with hanging lines. */
export function list(c: Composer, items: string[], options: { marker?: "number" | "dash" } = {}) {
  items.forEach((item, i) => {
    const marker = options.marker === "dash" ? "-" : `${i + 1}.`;
    c.paragraph(`${marker} ${item}`, { indent: 18, hanging: 30, align: "justify", spaceAfter: 1 });
  });
}

/** Letters end with "Nơi nhận" bottom left and the signer bottom right, side by side. */
export function letterFooter(c: Composer, l: Labels, recipients: string[], signer: { titleLines: string[]; name: string }) {
  const leftWidth = c.width * 0.45;
  const items = recipients.length ? recipients : l.defaultRecipients;
  const recipientsHeight = 14 + items.length * 13;
  const signatureHeight = (signer.titleLines.length + 1) * 15.6 + 70;
  c.gap(10);
  c.ensure(Math.max(recipientsHeight, signatureHeight));
  const top = c.y;
  c.paragraph([{ text: l.recipients, bold: true, italic: true }], { x: c.left, width: leftWidth, size: 12, lineFactor: 1.15 });
  for (const item of items) c.paragraph(`- ${item}`, { x: c.left, width: leftWidth, size: 11, lineFactor: 1.15 });
  const leftBottom = c.y;
  c.y = top;
  c.signatures([{ titleLines: signer.titleLines, name: signer.name }], { x: c.left + leftWidth, width: c.width - leftWidth, space: 70 });
  c.y = Math.min(c.y, leftBottom);
}
