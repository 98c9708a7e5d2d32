// How a dossier maps to its standard forms (Circular 03/2025/TT-VPCP Annex I, 01-06): which forms
// apply, the agency headers, the documents received, the control sheet's steps. Pure; queries.ts
// loads the dossier and renders.
import type { DossierStatus, Role } from "../../db";
import { getT } from "../../i18n/messages";
import { INTAKE_CHECKLIST_KEY } from "../dossier/commands/intake-dossier";
import type { TDossierDetail } from "../dossier/schema";
import { DOSSIER_STATUSES } from "../dossier/status";
import { DOSSIER_ACTIONS } from "../dossier/workflow";
import type { TAgencyHeader, TApplicant, TControlStep, TDocumentForm, TReceivedDocument } from "./schema";

const DOSSIER_FORMS = ["01", "02", "03", "04", "05", "06"] as const;
export type DossierFormNumber = (typeof DOSSIER_FORMS)[number];
export type FormLocale = "vi" | "en";

export function isDossierFormNumber(value: string): value is DossierFormNumber {
  return (DOSSIER_FORMS as readonly string[]).includes(value);
}

type Detail = Pick<TDossierDetail, "receivedAt" | "dueAt" | "events">;
export type DetailEvent = TDossierDetail["events"][number];

export function lastEvent(detail: Pick<TDossierDetail, "events">, actions: readonly DetailEvent["action"][]): DetailEvent | undefined {
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

// ─── mapping helpers ───────────────────────────────────────────────────────

export function applicantOf(d: TDossierDetail): TApplicant {
  return {
    name: d.applicant.organisationName ? `${d.applicant.organisationName} (${d.applicant.name})` : d.applicant.name,
    idNumber: d.applicant.idNumber ?? d.applicant.taxCode ?? undefined,
    address: d.applicant.address ?? undefined,
    phone: d.applicant.phone ?? undefined,
    email: d.applicant.email ?? undefined,
  };
}

export function procedureOf(d: TDossierDetail, locale: FormLocale) {
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
export function receivedDocuments(d: TDossierDetail, locale: FormLocale): TReceivedDocument[] {
  const ticked = d.formData[INTAKE_CHECKLIST_KEY];
  const present = new Set<string>(Array.isArray(ticked) ? ticked.filter((x): x is string => typeof x === "string") : []);
  for (const a of d.attachments) if (a.documentComponentId && a.kind !== "RESULT" && a.kind !== "SLIP") present.add(a.documentComponentId);
  return d.procedure.components
    .filter((c) => present.has(c.id))
    .map((c) => ({ name: locale === "en" ? c.nameEn : c.nameVi, ...documentFormOf(c.copiesVi, d.channel) }));
}

export function payloadOf(e: DetailEvent | undefined): Record<string, unknown> {
  const p = e?.payload;
  return p && typeof p === "object" && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

export function reasonOf(e: DetailEvent | undefined, fallback: string): string {
  const p = payloadOf(e);
  const value = typeof p.reason === "string" ? p.reason : typeof p.note === "string" ? p.note : e?.note;
  return value && value.trim() ? value.trim() : fallback;
}

export function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === "string") {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Signature titles printed above a leader's name. A default: titles are not yet an agency setting. */
export function leaderTitles(kind: string | undefined, locale: FormLocale): string[] {
  if (locale === "en") return kind === "MINISTRY" ? ["FOR THE MINISTER", "DEPUTY MINISTER"] : ["FOR THE DIRECTOR", "DEPUTY DIRECTOR"];
  return kind === "MINISTRY" ? ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"] : ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"];
}

// ─── dossier forms ─────────────────────────────────────────────────────────

export interface RenderedForm {
  fileName: string;
  bytes: Uint8Array;
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
