// The standard one-stop forms of a dossier (Circular 03/2025/TT-VPCP Annex I, 01-06) and the
// tracking book (07) as PDFs: load what the form needs, map it to the documents module's DTOs and
// render. Scope is the dossier detail's (getDossierDetail): a dossier outside the officer's reach is
// NOT_FOUND here exactly as on screen. A form that does not apply (no refusal, no extension...) is null.
import type { Db, DossierStatus, Role } from "../../db";
import { AppError } from "../../errors";
import { getT } from "../../i18n/messages";
import {
  renderApologyLetter,
  renderControlSheet,
  renderReceiptSlip,
  renderRefusal,
  renderStopNotice,
  renderSupplementRequest,
  renderTrackingBook,
  type TAgencyHeader,
  type TApplicant,
  type TControlStep,
  type TDocumentForm,
  type TReceivedDocument,
  type TSigner,
  type TTrackingBookRow,
} from ".";
import { getDossierDetail } from "../dossier/queries/dossier-detail";
import { INTAKE_CHECKLIST_KEY } from "../dossier/commands/intake-dossier";
import { loadActor } from "../dossier/queries/dossier-actor";
import { readableAgencyIds, requireAgencyInScope } from "../dossier/policy";
import type { TDossierDetail } from "../dossier/schema";
import { DOSSIER_STATUSES } from "../dossier/status";
import { DOSSIER_ACTIONS } from "../dossier/workflow";

export const DOSSIER_FORMS = ["01", "02", "03", "04", "05", "06"] as const;
export type DossierFormNumber = (typeof DOSSIER_FORMS)[number];
export type FormLocale = "vi" | "en";

export function isDossierFormNumber(value: string): value is DossierFormNumber {
  return (DOSSIER_FORMS as readonly string[]).includes(value);
}

type Detail = Pick<TDossierDetail, "receivedAt" | "dueAt" | "events">;
type DetailEvent = TDossierDetail["events"][number];

function lastEvent(detail: Pick<TDossierDetail, "events">, actions: readonly DetailEvent["action"][]): DetailEvent | undefined {
  for (let i = detail.events.length - 1; i >= 0; i--) {
    const e = detail.events[i]!;
    if (actions.includes(e.action)) return e;
  }
  return undefined;
}

/** The forms this dossier has: 01 and 06 once received, 02-05 once the matching command happened. */
export function applicableForms(detail: Detail): DossierFormNumber[] {
  const out: DossierFormNumber[] = [];
  const received = detail.receivedAt !== null && detail.dueAt !== null;
  if (received) out.push("01");
  if (lastEvent(detail, ["REQUEST_SUPPLEMENT"])) out.push("02");
  if (lastEvent(detail, ["REFUSE"])) out.push("03");
  if (received && lastEvent(detail, ["EXTEND"])) out.push("04");
  if (received && lastEvent(detail, ["STOP"])) out.push("05");
  if (received) out.push("06");
  return out;
}

/** "000.00.20.H01-260213-0001-mau-01.pdf" */
export function formFileName(code: string, form: DossierFormNumber | "07"): string {
  return `${code.replace(/[^A-Za-z0-9.-]/g, "_")}-mau-${form}.pdf`;
}

// ─── agency headers ────────────────────────────────────────────────────────

const CITIES = new Set(["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"]);

function provinceFullNameVi(province: string): string {
  if (province === "TP. Hồ Chí Minh") return "Thành phố Hồ Chí Minh";
  return CITIES.has(province) ? `thành phố ${province}` : `tỉnh ${province}`;
}

interface HeaderAgency {
  kind: string;
  nameVi: string;
  nameEn: string;
  provinceName: string | null;
  parent: { nameVi: string; nameEn: string } | null;
}

/**
 * The header block: a provincial department sits under the province's people's committee and prints
 * its generic name under it ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI / SỞ KHOA HỌC VÀ CÔNG NGHỆ"); the
 * ministry prints its own name. The date line's place is the province (Hà Nội for the ministry).
 */
export function agencyHeader(agency: HeaderAgency, locale: FormLocale): TAgencyHeader {
  const en = locale === "en";
  if (agency.kind === "PROVINCIAL_DEPARTMENT" && agency.provinceName) {
    return {
      parentName: agency.parent
        ? en ? agency.parent.nameEn : agency.parent.nameVi
        : en ? `People's Committee of ${agency.provinceName}` : `Ủy ban nhân dân ${provinceFullNameVi(agency.provinceName)}`,
      name: en ? "Department of Science and Technology" : "Sở Khoa học và Công nghệ",
      place: agency.provinceName,
    };
  }
  return {
    ...(agency.parent ? { parentName: en ? agency.parent.nameEn : agency.parent.nameVi } : {}),
    name: en ? agency.nameEn : agency.nameVi,
    place: agency.provinceName ?? "Hà Nội",
  };
}

async function loadHeaders(db: Db, ids: string[], locale: FormLocale): Promise<Map<string, { header: TAgencyHeader; kind: string }>> {
  const rows = await db.agency.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, kind: true, nameVi: true, nameEn: true, provinceName: true, parent: { select: { nameVi: true, nameEn: true } } },
  });
  return new Map(rows.map((r) => [r.id, { header: agencyHeader(r, locale), kind: r.kind }]));
}

// ─── mapping helpers ───────────────────────────────────────────────────────

function applicantOf(d: TDossierDetail): TApplicant {
  return {
    name: d.applicant.organisationName ? `${d.applicant.organisationName} (${d.applicant.name})` : d.applicant.name,
    idNumber: d.applicant.idNumber ?? d.applicant.taxCode ?? undefined,
    address: d.applicant.address ?? undefined,
    phone: d.applicant.phone ?? undefined,
    email: d.applicant.email ?? undefined,
  };
}

function procedureOf(d: TDossierDetail, locale: FormLocale) {
  return { code: d.procedure.code, name: locale === "en" ? d.procedure.nameEn : d.procedure.nameVi };
}

/** "01 bản sao có chứng thực..." → certified copy, 1; "02 bản chính" → original, 2. */
export function documentFormOf(copiesVi: string | null, channel: number): { form: TDocumentForm; copies: number } {
  const text = (copiesVi ?? "").toLowerCase();
  const n = Number.parseInt(/\d+/.exec(text)?.[0] ?? "1", 10);
  const copies = Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
  if (channel === 2) return { form: "ELECTRONIC", copies };
  if (text.includes("chứng thực")) return { form: "CERTIFIED_COPY", copies };
  if (text.includes("bản chính")) return { form: "ORIGINAL", copies };
  if (text.includes("photo")) return { form: "PHOTOCOPY", copies };
  if (text.includes("bản sao")) return { form: "COPY", copies };
  return { form: "ORIGINAL", copies };
}

/** What was handed in: the components ticked at the counter, and those with an uploaded file. */
function receivedDocuments(d: TDossierDetail, locale: FormLocale): TReceivedDocument[] {
  const ticked = d.formData[INTAKE_CHECKLIST_KEY];
  const present = new Set<string>(Array.isArray(ticked) ? ticked.filter((x): x is string => typeof x === "string") : []);
  for (const a of d.attachments) if (a.documentComponentId && a.kind !== "RESULT" && a.kind !== "SLIP") present.add(a.documentComponentId);
  return d.procedure.components
    .filter((c) => present.has(c.id))
    .map((c) => ({ name: locale === "en" ? c.nameEn : c.nameVi, ...documentFormOf(c.copiesVi, d.channel) }));
}

function payloadOf(e: DetailEvent | undefined): Record<string, unknown> {
  const p = e?.payload;
  return p && typeof p === "object" && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

function reasonOf(e: DetailEvent | undefined, fallback: string): string {
  const p = payloadOf(e);
  const value = typeof p.reason === "string" ? p.reason : typeof p.note === "string" ? p.note : e?.note;
  return value && value.trim() ? value.trim() : fallback;
}

function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === "string") {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Signature titles printed above a leader's name. A default: titles are not yet an agency setting. */
function leaderTitles(kind: string | undefined, locale: FormLocale): string[] {
  if (locale === "en") return kind === "MINISTRY" ? ["FOR THE MINISTER", "DEPUTY MINISTER"] : ["FOR THE DIRECTOR", "DEPUTY DIRECTOR"];
  return kind === "MINISTRY" ? ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"] : ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"];
}

// ─── dossier forms ─────────────────────────────────────────────────────────

export interface RenderedForm {
  fileName: string;
  bytes: Uint8Array;
}

export interface DossierFormInput {
  actorUserId: string;
  dossierId: string;
  form: DossierFormNumber;
  locale: FormLocale;
  /** Public origin for the receipt slip's tracking QR code, e.g. https://motcua.example.gov.vn */
  baseUrl: string;
}

/**
 * One form of one dossier, or null when it does not apply. Throws NOT_FOUND (AppError) when the
 * dossier is missing or outside the officer's scope.
 */
export async function renderDossierForm(db: Db, input: DossierFormInput): Promise<RenderedForm | null> {
  const d = await getDossierDetail(db, { actorUserId: input.actorUserId, dossierId: input.dossierId });
  if (!applicableForms(d).includes(input.form)) return null;
  const { locale } = input;
  const t = getT(locale);

  const headers = await loadHeaders(db, [d.receivingAgency.id, d.handlingAgency.id], locale);
  const receivingHeader = headers.get(d.receivingAgency.id)!.header;
  const handling = headers.get(d.handlingAgency.id)!;
  const handlingHeader = handling.header;
  const actorIds = [...new Set(d.events.map((e) => e.actorId).filter((x): x is string => x !== null))];
  const phones = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, phone: true } })).map((u) => [u.id, u.phone]),
  );
  const officerOf = (e: DetailEvent | undefined) => ({
    name: e?.actorName ?? t("officer.forms.unknownOfficer"),
    ...(e?.actorId && phones.get(e.actorId) ? { phone: phones.get(e.actorId)! } : {}),
  });
  const common = { locale, applicant: applicantOf(d), procedure: procedureOf(d, locale) };
  const fileName = formFileName(d.code, input.form);

  let bytes: Uint8Array;
  switch (input.form) {
    case "01": {
      const receipt = lastEvent(d, ["INTAKE", "RECEIVE"]);
      bytes = await renderReceiptSlip({
        ...common,
        agency: receivingHeader,
        dossierCode: d.code,
        baseUrl: input.baseUrl,
        documents: receivedDocuments(d, locale),
        timeLimit: { value: d.procedure.limitValue, unit: d.procedure.limitUnit },
        receivedAt: d.receivedAt!,
        dueAt: d.originalDueAt ?? d.dueAt!,
        resultDelivery: d.resultDelivery,
        ...(d.deliveryAddress ? { deliveryAddress: d.deliveryAddress } : {}),
        receivingOfficer: officerOf(receipt),
      });
      break;
    }
    case "02": {
      const e = lastEvent(d, ["REQUEST_SUPPLEMENT"])!;
      const p = payloadOf(e);
      const items = Array.isArray(p.items) ? p.items.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];
      const reason = reasonOf(e, t("officer.forms.noReason"));
      const atReception = d.procedure.steps.find((s) => s.order === e.fromStepOrder)?.kind === "RECEPTION";
      bytes = await renderSupplementRequest({
        ...common,
        agency: atReception ? receivingHeader : handlingHeader,
        issuedAt: e.serverAt,
        dossierCode: d.code,
        items: items.length > 0 ? items : [reason],
        reason,
        officer: officerOf(e),
      });
      break;
    }
    case "03": {
      const e = lastEvent(d, ["REFUSE"])!;
      bytes = await renderRefusal({
        ...common,
        agency: receivingHeader,
        issuedAt: e.serverAt,
        dossierCode: d.code,
        reasons: reasonOf(e, t("officer.forms.noReason"))
          .split(/\n+/)
          .map((r) => r.trim())
          .filter(Boolean),
        officer: officerOf(e),
      });
      break;
    }
    case "04": {
      const e = lastEvent(d, ["EXTEND"])!;
      const p = payloadOf(e);
      const newDueAt = dateOf(p.newDueAt) ?? d.extendedDueAt ?? d.dueAt!;
      bytes = await renderApologyLetter({
        ...common,
        agency: handlingHeader,
        issuedAt: e.serverAt,
        dossierCode: d.code,
        receivedAt: d.receivedAt!,
        signer: { titleLines: leaderTitles(handling.kind, locale), name: officerOf(e).name } satisfies TSigner,
        originalDueAt: dateOf(p.previousDueAt) ?? d.originalDueAt ?? d.dueAt!,
        newDueAt,
        reason: reasonOf(e, t("officer.forms.noReason")),
      });
      break;
    }
    case "05": {
      const e = lastEvent(d, ["STOP"])!;
      bytes = await renderStopNotice({
        ...common,
        agency: handlingHeader,
        issuedAt: e.serverAt,
        dossierCode: d.code,
        receivedAt: d.receivedAt!,
        signer: { titleLines: leaderTitles(handling.kind, locale), name: officerOf(e).name },
        stoppedAt: e.deviceAt ?? e.serverAt,
        reason: reasonOf(e, t("officer.forms.noReason")),
      });
      break;
    }
    case "06": {
      bytes = await renderControlSheet({
        ...common,
        agency: handlingHeader,
        dossierCode: d.code,
        handlingUnit: locale === "en" ? d.handlingAgency.nameEn : d.handlingAgency.nameVi,
        coordinatingUnits:
          d.receivingAgency.id !== d.handlingAgency.id ? [locale === "en" ? d.receivingAgency.nameEn : d.receivingAgency.nameVi] : [],
        receivedAt: d.receivedAt!,
        dueAt: d.dueAt!,
        steps: controlSteps(d, locale),
      });
      break;
    }
  }
  return { fileName, bytes };
}

const ACTION_OUTCOMES = new Set<string>(DOSSIER_ACTIONS);
const STATUS_OUTCOMES = new Set<string>(DOSSIER_STATUSES);

/** A step's recorded outcome (the command that closed it, or a final status) in words; nothing for a plain hand-over. */
function outcomeNote(outcome: string | null, t: ReturnType<typeof getT>): string | null {
  if (!outcome || outcome === "DONE") return null;
  if (ACTION_OUTCOMES.has(outcome)) return t(`officer.events.${outcome as DetailEvent["action"]}`);
  if (STATUS_OUTCOMES.has(outcome)) return t(`status.${outcome as DossierStatus}`);
  return outcome;
}

/**
 * Form 06 rows: each step instance handed from the previous holder to this one, with the step's
 * allowance, due date and times. The first comes from the applicant.
 */
export function controlSteps(d: TDossierDetail, locale: FormLocale): TControlStep[] {
  const t = getT(locale);
  const stepDef = new Map(d.procedure.steps.map((s) => [s.order, s]));
  const unitOf = (role: Role | undefined) => (role ? t(`roles.${role}`) : t("officer.forms.unit"));
  let from = { unit: t("officer.forms.applicantUnit"), person: d.applicant.name };
  return d.steps.map((s) => {
    const def = stepDef.get(s.order);
    const to = { unit: unitOf(def?.role), ...(s.holderName ? { person: s.holderName } : {}) };
    const row: TControlStep = {
      name: locale === "en" ? s.nameEn : s.nameVi,
      from,
      to,
      ...(def ? { allowance: { value: def.allowanceValue, unit: def.allowanceUnit } } : {}),
      dueAt: s.dueAt,
      receivedAt: s.startedAt,
      ...(s.finishedAt ? { finishedAt: s.finishedAt } : {}),
      ...(outcomeNote(s.outcome, t) ? { note: outcomeNote(s.outcome, t)! } : {}),
    };
    from = { unit: to.unit, person: s.holderName ?? "" };
    if (!from.person) delete (from as { person?: string }).person;
    return row;
  });
}

// ─── tracking book (form 07) ───────────────────────────────────────────────

/** Rows the book may hold (the documents module's limit). */
export const TRACKING_BOOK_MAX_ROWS = 20_000;

export interface TrackingBookInput {
  actorUserId: string;
  /** Received on or after this instant. */
  from: Date;
  /** Received before this instant. */
  to: Date;
  /** One agency in scope; without it, every agency the officer reads (all of them for the ministry's controllers). */
  agencyId?: string;
  locale: FormLocale;
}

/**
 * The dossier tracking book of the dossiers received in a period (by the receiving agency, as the
 * desk keeps it), oldest first. VALIDATION when the period holds more rows than a book may.
 */
export async function renderTrackingBookForm(db: Db, input: TrackingBookInput, { now = new Date() }: { now?: Date } = {}): Promise<RenderedForm> {
  const actor = await loadActor(db, { userId: input.actorUserId });
  if (actor.kind !== "OFFICER" || actor.memberships.length === 0) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} is not an officer` });
  }
  if (input.agencyId) requireAgencyInScope(actor, input.agencyId);
  const scope = input.agencyId ? [input.agencyId] : readableAgencyIds(actor);
  if (!(input.from.getTime() < input.to.getTime())) {
    throw new AppError("VALIDATION", { message: "tracking book: the period is empty", details: { field: "to" } });
  }

  const where = {
    receivedAt: { gte: input.from, lt: input.to },
    isTest: false,
    ...(scope === "ALL" ? {} : { receivingAgencyId: { in: scope } }),
  };
  const count = await db.dossier.count({ where });
  if (count > TRACKING_BOOK_MAX_ROWS) {
    throw new AppError("VALIDATION", {
      message: `tracking book: ${count} dossiers in the period, at most ${TRACKING_BOOK_MAX_ROWS}`,
      details: { field: "from", reason: "TOO_MANY_ROWS", count, max: TRACKING_BOOK_MAX_ROWS },
    });
  }
  const rows = await db.dossier.findMany({
    where,
    orderBy: [{ receivedAt: "asc" }, { code: "asc" }],
    select: {
      code: true,
      applicantName: true,
      organisationName: true,
      applicantAddress: true,
      applicantPhone: true,
      receivedAt: true,
      dueAt: true,
      finishedAt: true,
      returnedAt: true,
      status: true,
      procedureVersion: { select: { nameVi: true, nameEn: true } },
    },
  });

  // The header: the one agency, or the ministry when the book spans agencies.
  const headerAgencyId =
    input.agencyId ?? (scope !== "ALL" && scope.length === 1 ? scope[0]! : undefined);
  const headerRow = headerAgencyId
    ? await db.agency.findUnique({
        where: { id: headerAgencyId },
        select: { kind: true, nameVi: true, nameEn: true, provinceName: true, parent: { select: { nameVi: true, nameEn: true } } },
      })
    : await db.agency.findFirst({
        where: { kind: "MINISTRY", active: true },
        select: { kind: true, nameVi: true, nameEn: true, provinceName: true, parent: { select: { nameVi: true, nameEn: true } } },
      });
  const agency = headerRow
    ? agencyHeader(headerRow, input.locale)
    : { name: input.locale === "en" ? "Ministry of Science and Technology" : "Bộ Khoa học và Công nghệ", place: "Hà Nội" };

  const bookRows: TTrackingBookRow[] = rows.map((r) => ({
    dossierCode: r.code,
    procedureName: input.locale === "en" ? r.procedureVersion.nameEn : r.procedureVersion.nameVi,
    applicantName: r.organisationName ? `${r.organisationName} (${r.applicantName})` : r.applicantName,
    ...(r.applicantAddress ? { applicantAddress: r.applicantAddress } : {}),
    ...(r.applicantPhone ? { applicantPhone: r.applicantPhone } : {}),
    ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}),
    ...(r.dueAt ? { dueAt: r.dueAt } : {}),
    ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    ...(r.returnedAt ? { returnedAt: r.returnedAt } : {}),
    status: r.status as DossierStatus,
  }));

  const bytes = await renderTrackingBook({
    locale: input.locale,
    agency,
    // The period as printed: its first and last day.
    period: { from: input.from, to: new Date(input.to.getTime() - 1) },
    generatedAt: now,
    rows: bookRows,
  });
  const label = headerAgencyId ? (await db.agency.findUnique({ where: { id: headerAgencyId }, select: { code: true } }))?.code ?? "so" : "tat-ca";
  return { fileName: formFileName(`${label}-so-theo-doi`, "07"), bytes };
}
