// Form 07: dossier tracking book (Sổ theo dõi hồ sơ): one landscape table over many dossiers,
// the header row repeated on every page, "Trang x/y" at the foot.
import { formNumber, upper } from "./blocks";
import { formatDateTime, formatShortDate, formatShortDateTime } from "./format";
import { labels as allLabels, type Labels } from "./labels";
import { A4_LANDSCAPE, type Cell, createComposer, type Run } from "./layout";
import { type TTrackingBook, ZTrackingBookSchema, type ZTrackingBookRowSchema } from "./schema";
import type { z } from "zod";

type Row = z.output<typeof ZTrackingBookRowSchema>;

const MM = 72 / 25.4;

/** Statuses whose clock runs: an unfinished dossier in them is overdue once its due date passes. */
const RUNNING = new Set<Row["status"]>(["RECEIVED", "PROCESSING"]);

/** On time or overdue, judged at `asOf` for dossiers still in processing. */
export function rowTimeliness(row: Pick<Row, "status" | "dueAt" | "finishedAt">, asOf: Date): "ON_TIME" | "OVERDUE" | undefined {
  if (!row.dueAt) return undefined;
  if (row.finishedAt) return row.finishedAt.getTime() > row.dueAt.getTime() ? "OVERDUE" : "ON_TIME";
  if (RUNNING.has(row.status) && asOf.getTime() > row.dueAt.getTime()) return "OVERDUE";
  return undefined;
}

function applicantCell(row: Row): Cell {
  const details = [row.applicantAddress, row.applicantPhone].filter(Boolean).join("; ");
  return details ? [{ text: `${row.applicantName}\n`, bold: true }, { text: details }] : [{ text: row.applicantName, bold: true }];
}

function statusCell(row: Row, l: Labels, asOf: Date): Run[] {
  const timeliness = rowTimeliness(row, asOf);
  const runs: Run[] = [{ text: l.status[row.status] }];
  if (timeliness === "OVERDUE") runs.push({ text: `\n${l.book.overdue}`, bold: true, italic: true });
  if (timeliness === "ON_TIME") runs.push({ text: `\n${l.book.onTime}`, italic: true });
  return runs;
}

const when = (d: Date | undefined) => (d ? formatShortDateTime(d, "\n") : "");

export async function renderTrackingBook(input: TTrackingBook): Promise<Uint8Array> {
  const dto = ZTrackingBookSchema.parse(input);
  const l = allLabels[dto.locale];
  const c = await createComposer({
    title: l.book.title,
    subject: l.formNumber(7),
    pageSize: A4_LANDSCAPE,
    margins: { top: 14 * MM, right: 12 * MM, bottom: 16 * MM, left: 15 * MM },
  });

  // First page: agency top left, form number top right, title and period centred.
  const top = c.y;
  formNumber(c, l.formNumber(7));
  c.y = top;
  if (dto.agency.parentName) c.paragraph(upper(dto.agency.parentName), { size: 11, width: c.width * 0.4, align: "center", lineFactor: 1.15 });
  c.paragraph([{ text: upper(dto.agency.name), bold: true }], { size: 11, width: c.width * 0.4, align: "center", lineFactor: 1.15 });
  c.gap(6);
  c.paragraph([{ text: l.book.title, bold: true }], { align: "center", size: 15 });
  if (dto.period) {
    c.paragraph([{ text: l.book.period(formatShortDate(dto.period.from), formatShortDate(dto.period.to)), italic: true }], { align: "center", size: 12 });
  }
  c.paragraph([{ text: l.book.generatedAt(formatDateTime(dto.generatedAt, dto.locale)), italic: true }], { align: "center", size: 10, spaceAfter: 6 });

  const rows: Cell[][] = dto.rows.map((row, i) => [
    String(i + 1),
    [{ text: row.dossierCode, bold: true }],
    row.procedureName,
    applicantCell(row),
    when(row.receivedAt),
    when(row.dueAt),
    when(row.finishedAt),
    when(row.returnedAt),
    statusCell(row, l, dto.generatedAt),
    row.note ?? "",
  ]);
  c.table(
    [
      { header: l.book.colNo, weight: 3.5, align: "center" },
      // Wide enough for a whole dossier code on one line at 9 pt.
      { header: l.book.colCode, weight: 14.5 },
      { header: l.book.colProcedure, weight: 20 },
      { header: l.book.colApplicant, weight: 17 },
      { header: l.book.colReceived, weight: 6.5, align: "center" },
      { header: l.book.colDue, weight: 6.5, align: "center" },
      { header: l.book.colFinished, weight: 6.5, align: "center" },
      { header: l.book.colReturned, weight: 6.5, align: "center" },
      { header: l.book.colStatus, weight: 9.5 },
      { header: l.book.colNote, weight: 9.5 },
    ],
    rows,
    { size: 9, headerSize: 9, padding: 2.5 },
  );
  c.paragraph([{ text: l.book.total(dto.rows.length), bold: true }], { size: 11, spaceBefore: 6 });

  // Page numbers go on last, once the page count is known.
  const pages = c.doc.getPages();
  pages.forEach((page, i) => {
    const text = l.book.page(i + 1, pages.length);
    const width = c.fonts.regular.widthOfTextAtSize(text, 9);
    page.drawText(text, { x: (c.pageSize[0] - width) / 2, y: c.bottom / 2, size: 9, font: c.fonts.regular });
  });
  return c.save();
}
