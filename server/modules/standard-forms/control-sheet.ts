// Form 06: process control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ): every hand-over of
// the dossier, with the time allowed and the time taken.
import { field, formNumber, nationalHeader, title } from "./blocks";
import { compareVietnamDays, formatDateTime, formatShortDateTime } from "./format";
import { labels as allLabels, type Labels } from "./labels";
import { A4_PORTRAIT, type Cell, createComposer, OFFICIAL_MARGINS, type Run } from "./layout";
import { procedureText } from "./shared";
import { type TControlSheet, type TStepOutcome, ZControlSheetSchema, type ZControlStepSchema } from "./schema";
import type { z } from "zod";

type ControlStep = z.output<typeof ZControlStepSchema>;

/**
 * Early when finished on a calendar day (Vietnam time) before the due day, late when finished after
 * the due instant, on time otherwise; nothing while the step is open or has no due date.
 */
export function stepOutcome(step: Pick<ControlStep, "outcome" | "finishedAt" | "dueAt">): TStepOutcome | undefined {
  if (step.outcome) return step.outcome;
  if (!step.finishedAt || !step.dueAt) return undefined;
  if (step.finishedAt.getTime() > step.dueAt.getTime()) return "LATE";
  return compareVietnamDays(step.finishedAt, step.dueAt) < 0 ? "EARLY" : "ON_TIME";
}

function party(p: { unit: string; person?: string | undefined }): Run[] {
  return p.person ? [{ text: `${p.unit}\n` }, { text: p.person, italic: true }] : [{ text: p.unit }];
}

function allowanceCell(step: ControlStep, l: Labels): string {
  const parts: string[] = [];
  if (step.allowance) parts.push(l.timeLimit(step.allowance.value, step.allowance.unit));
  if (step.dueAt) parts.push(`${l.control.duePrefix} ${formatShortDateTime(step.dueAt, "\n")}`);
  return parts.join("\n");
}

export async function renderControlSheet(input: TControlSheet): Promise<Uint8Array> {
  const dto = ZControlSheetSchema.parse(input);
  const l = allLabels[dto.locale];
  const c = await createComposer({
    title: `${l.control.title} ${dto.dossierCode}`,
    subject: l.formNumber(6),
    pageSize: A4_PORTRAIT,
    margins: { ...OFFICIAL_MARGINS, left: OFFICIAL_MARGINS.left - 20, right: OFFICIAL_MARGINS.right - 8 },
  });

  formNumber(c, l.formNumber(6));
  nationalHeader(c, { agency: dto.agency, labels: l });
  title(c, l.control.title, [[{ text: `${l.dossierCode} ` }, { text: dto.dossierCode, bold: true }]]);

  field(c, l.control.handlingUnit, dto.handlingUnit);
  if (dto.coordinatingUnits.length) field(c, l.control.coordinatingUnits, dto.coordinatingUnits.join("; "));
  field(c, l.control.applicant, dto.applicant.name);
  field(c, l.control.procedure, procedureText(dto.procedure, l));
  field(c, l.control.receivedAt, formatDateTime(dto.receivedAt, dto.locale));
  field(c, l.control.dueAt, formatDateTime(dto.dueAt, dto.locale), { bold: true });
  c.gap(8);

  const rows: Cell[][] = dto.steps.map((step, i) => {
    const outcome = stepOutcome(step);
    return [
      String(i + 1),
      [{ text: step.name, bold: true }],
      party(step.from),
      party(step.to),
      allowanceCell(step, l),
      step.receivedAt ? formatShortDateTime(step.receivedAt, "\n") : "",
      step.finishedAt ? formatShortDateTime(step.finishedAt, "\n") : "",
      outcome ? [{ text: l.control.outcome[outcome], bold: outcome === "LATE" }] : "",
      step.note ?? "",
    ];
  });
  c.table(
    [
      { header: l.control.colNo, weight: 4, align: "center" },
      { header: l.control.colStep, weight: 13 },
      { header: l.control.colFrom, weight: 14 },
      { header: l.control.colTo, weight: 14 },
      { header: l.control.colAllowance, weight: 12, align: "center" },
      // Wide enough for "27/02/2026" on one line.
      { header: l.control.colReceived, weight: 10.5, align: "center" },
      { header: l.control.colFinished, weight: 10.5, align: "center" },
      { header: l.control.colOutcome, weight: 10.5, align: "center" },
      { header: l.control.colNote, weight: 11 },
    ],
    rows,
    { size: 9.5, headerSize: 9.5 },
  );
  return c.save();
}
