// After submitting: the confirmation a citizen can bookmark, and its PDF. Only the dossier's
// owner sees anything about it here (codes are sequential and guessable); anyone else is told to
// sign in or use the public tracking look-up.
import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb } from "pdf-lib";
import { getDb, type Db, type DossierAction, type DossierStatus, type Prisma, type ResultDelivery } from "../../db";
import { getT } from "../../i18n/messages";
import { loadWorkingCalendar } from "../calendar/queries";
import { dueDate } from "../calendar/working-time";
import { renderReceiptSlip } from "../standard-forms";
import { agencyHeader, documentFormOf } from "../standard-forms/dossier-forms";

export interface TSubmittedView {
  code: string;
  status: DossierStatus;
  isTest: boolean;
  procedureCode: string;
  procedureNameVi: string;
  procedureNameEn: string;
  receivingAgencyNameVi: string;
  receivingAgencyNameEn: string;
  submittedAt: Date;
  receivedAt: Date | null;
  /** The official due date, once received. */
  dueAt: Date | null;
  /** While not received: when the desk is expected to have checked it (the reception step's allowance). */
  expectedReceptionBy: Date | null;
  /** While not received: the due date if it were received now (an estimate, labelled so). */
  estimatedDueAt: Date | null;
  resultDelivery: ResultDelivery;
  deliveryAddress: string | null;
  documents: { componentNameVi: string; componentNameEn: string; fileName: string }[];
}

const RECEPTION_ACTIONS: DossierAction[] = ["RECEIVE", "INTAKE"];

const dossierSelect = {
  id: true,
  code: true,
  status: true,
  isTest: true,
  ownerId: true,
  channel: true,
  submittedAt: true,
  receivedAt: true,
  dueAt: true,
  originalDueAt: true,
  stepDueAt: true,
  currentStepOrder: true,
  resultDelivery: true,
  deliveryAddress: true,
  applicantName: true,
  applicantIdNumber: true,
  applicantAddress: true,
  applicantPhone: true,
  applicantEmail: true,
  organisationName: true,
  taxCode: true,
  procedure: { select: { code: true } },
  procedureVersion: {
    select: {
      nameVi: true,
      nameEn: true,
      limitValue: true,
      limitUnit: true,
      sameDayCutoff: true,
      steps: { orderBy: { order: "asc" }, select: { order: true, kind: true } },
      components: { orderBy: { order: "asc" }, select: { id: true, nameVi: true, nameEn: true, copiesVi: true } },
    },
  },
  receivingAgency: {
    select: { id: true, kind: true, nameVi: true, nameEn: true, provinceName: true, parent: { select: { nameVi: true, nameEn: true } } },
  },
  handlingAgency: { select: { id: true, timeZone: true, workingHours: true } },
  attachments: { orderBy: { createdAt: "asc" }, select: { documentComponentId: true, fileName: true, kind: true } },
  events: { where: { action: { in: RECEPTION_ACTIONS } }, orderBy: { serverAt: "desc" }, take: 1, select: { actor: { select: { name: true } } } },
} as const satisfies Prisma.DossierSelect;

async function loadOwned(db: Db, code: string, viewerUserId: string) {
  const dossier = await db.dossier.findUnique({ where: { code }, select: dossierSelect });
  return dossier && dossier.ownerId === viewerUserId ? dossier : null;
}

type Owned = NonNullable<Awaited<ReturnType<typeof loadOwned>>>;

async function estimates(db: Db, d: Owned, now: Date): Promise<{ expectedReceptionBy: Date | null; estimatedDueAt: Date | null }> {
  if (d.receivedAt) return { expectedReceptionBy: null, estimatedDueAt: null };
  const atReception = d.procedureVersion.steps.find((s) => s.order === d.currentStepOrder)?.kind === "RECEPTION";
  const calendar = await loadWorkingCalendar(db, d.handlingAgency, now);
  const estimatedDueAt = dueDate(
    calendar,
    now,
    { value: d.procedureVersion.limitValue, unit: d.procedureVersion.limitUnit },
    { sameDayCutoff: d.procedureVersion.sameDayCutoff },
  );
  return { expectedReceptionBy: atReception ? d.stepDueAt : null, estimatedDueAt };
}

/** The owner's view of a submitted dossier, or null for anyone else (or an unknown code). */
export async function getSubmittedDossier(
  input: { code: string; viewerUserId: string; now?: Date },
  db: Db = getDb(),
): Promise<TSubmittedView | null> {
  const d = await loadOwned(db, input.code, input.viewerUserId);
  if (!d) return null;
  const components = new Map(d.procedureVersion.components.map((c) => [c.id, c]));
  return {
    code: d.code,
    status: d.status,
    isTest: d.isTest,
    procedureCode: d.procedure.code,
    procedureNameVi: d.procedureVersion.nameVi,
    procedureNameEn: d.procedureVersion.nameEn,
    receivingAgencyNameVi: d.receivingAgency.nameVi,
    receivingAgencyNameEn: d.receivingAgency.nameEn,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    ...(await estimates(db, d, input.now ?? new Date())),
    resultDelivery: d.resultDelivery,
    deliveryAddress: d.deliveryAddress,
    documents: d.attachments
      .filter((a) => a.kind === "COMPONENT" || a.kind === "SCAN" || a.kind === "SUPPLEMENT")
      .map((a) => {
        const c = a.documentComponentId ? components.get(a.documentComponentId) : undefined;
        return { componentNameVi: c?.nameVi ?? "", componentNameEn: c?.nameEn ?? "", fileName: a.fileName };
      }),
  };
}

async function boldFontBytes(): Promise<Uint8Array> {
  const name = "LiberationSerif-Bold.ttf";
  try {
    return await readFile(new URL(`../standard-forms/fonts/${name}`, import.meta.url));
  } catch {
    // A bundler may have rewritten import.meta.url: read from the checkout.
    return readFile(join(process.cwd(), "server", "modules", "standard-forms", "fonts", name));
  }
}

/** A band across the top of page 1 saying what the slip is not yet (the Annex I form has no such variant). */
async function stampSubmissionNotice(pdf: Uint8Array, title: string, note: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await boldFontBytes(), { subset: true });
  const page = doc.getPages()[0]!;
  const { width, height } = page.getSize();
  const margin = 36;
  const maxWidth = width - 2 * margin - 12;
  const noteSize = 8.5;
  const lines: string[] = [];
  let line = "";
  for (const word of note.normalize("NFC").split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, noteSize) > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  const boxHeight = 18 + lines.length * (noteSize + 2) + 4;
  const top = height - 6;
  const red = rgb(0.63, 0.11, 0.13);
  page.drawRectangle({ x: margin, y: top - boxHeight, width: width - 2 * margin, height: boxHeight, borderColor: red, borderWidth: 1.2, color: rgb(1, 0.97, 0.95) });
  page.drawText(title.normalize("NFC"), { x: margin + 6, y: top - 14, size: 11, font, color: red });
  lines.forEach((text, i) => page.drawText(text, { x: margin + 6, y: top - 26 - i * (noteSize + 2), size: noteSize, font, color: rgb(0.2, 0.2, 0.2) }));
  return doc.save();
}

/**
 * The PDF for the owner: form 01 (receipt and appointment slip). Before reception it is a
 * submission confirmation: submitted time for received time, the estimated due date, the online
 * system as receiver, and a band saying so. Null for anyone but the owner.
 */
export async function renderSubmissionReceipt(
  input: { code: string; viewerUserId: string; baseUrl: string; locale: "vi" | "en"; now?: Date },
  db: Db = getDb(),
): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const d = await loadOwned(db, input.code, input.viewerUserId);
  if (!d) return null;
  const { locale } = input;
  const t = getT(locale);
  const received = d.receivedAt !== null && (d.originalDueAt ?? d.dueAt) !== null;
  const { estimatedDueAt } = await estimates(db, d, input.now ?? new Date());
  const components = new Map(d.procedureVersion.components.map((c) => [c.id, c]));
  const filed = new Set(d.attachments.map((a) => a.documentComponentId).filter((id): id is string => id !== null));
  const documents = [...filed]
    .map((id) => components.get(id))
    .filter((c) => c !== undefined)
    .map((c) => ({ name: locale === "en" ? c.nameEn : c.nameVi, ...documentFormOf(c.copiesVi, d.channel) }));

  let bytes = await renderReceiptSlip({
    locale,
    agency: agencyHeader(d.receivingAgency, locale),
    dossierCode: d.code,
    baseUrl: input.baseUrl,
    applicant: {
      name: d.organisationName ? `${d.organisationName} (${d.applicantName})` : d.applicantName,
      idNumber: d.taxCode ?? d.applicantIdNumber ?? undefined,
      address: d.applicantAddress ?? undefined,
      phone: d.applicantPhone ?? undefined,
      email: d.applicantEmail ?? undefined,
    },
    procedure: { code: d.procedure.code, name: locale === "en" ? d.procedureVersion.nameEn : d.procedureVersion.nameVi },
    documents,
    timeLimit: { value: d.procedureVersion.limitValue, unit: d.procedureVersion.limitUnit },
    receivedAt: received ? d.receivedAt! : d.submittedAt,
    dueAt: received ? (d.originalDueAt ?? d.dueAt)! : estimatedDueAt!,
    resultDelivery: d.resultDelivery,
    ...(d.deliveryAddress ? { deliveryAddress: d.deliveryAddress } : {}),
    receivingOfficer: { name: received ? (d.events[0]?.actor?.name ?? t("submission.receipt.onlinePortal")) : t("submission.receipt.onlinePortal") },
    ...(received ? {} : { issuedAt: input.now ?? new Date() }),
  });
  if (!received) bytes = await stampSubmissionNotice(bytes, t("submission.receipt.banner"), t("submission.receipt.bannerNote"));
  return { fileName: `${d.code.replace(/[^A-Za-z0-9.-]/g, "_")}-${received ? "mau-01" : "xac-nhan-nop"}.pdf`, bytes };
}
