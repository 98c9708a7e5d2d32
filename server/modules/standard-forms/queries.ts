// The standard one-stop forms of a dossier (Circular 03/2025/TT-VPCP Annex I, 01-06) and the
// tracking book (07) as PDFs: load what the form needs, map it (dossier-forms.ts) and render. Scope
// is the dossier detail's (getDossierDetail): a dossier outside the officer's reach is NOT_FOUND
// here exactly as on screen. A form that does not apply (no refusal, no extension...) is null.
import type { Db, DossierStatus } from "../../db";
import { AppError } from "../../errors";
import { getT } from "../../i18n/messages";
import { readableAgencyIds, requireAgencyInScope } from "../dossier/policy";
import { loadActor } from "../dossier/queries/dossier-actor";
import { getDossierDetail } from "../dossier/queries/dossier-detail";
import { renderApologyLetter } from "./apology-letter";
import { renderControlSheet } from "./control-sheet";
import {
  type DossierFormNumber,
  type FormLocale,
  type DetailEvent,
  lastEvent,
  applicableForms,
  formFileName,
  agencyHeader,
  applicantOf,
  procedureOf,
  receivedDocuments,
  payloadOf,
  reasonOf,
  dateOf,
  leaderTitles,
  type RenderedForm,
  controlSteps,
} from "./dossier-forms";
import { renderReceiptSlip } from "./receipt-slip";
import { renderRefusal } from "./refusal";
import { renderStopNotice } from "./stop-notice";
import { renderSupplementRequest } from "./supplement-request";
import { renderTrackingBook } from "./tracking-book";
import type { TAgencyHeader, TSigner, TTrackingBookRow } from "./schema";

async function loadHeaders(db: Db, ids: string[], locale: FormLocale): Promise<Map<string, { header: TAgencyHeader; kind: string }>> {
  const rows = await db.agency.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, kind: true, nameVi: true, nameEn: true, provinceName: true, parent: { select: { nameVi: true, nameEn: true } } },
  });
  return new Map(rows.map((r) => [r.id, { header: agencyHeader(r, locale), kind: r.kind }]));
}

interface DossierFormInput {
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

// ─── tracking book (form 07) ───────────────────────────────────────────────

/** Rows the book may hold (the documents module's limit). */
const TRACKING_BOOK_MAX_ROWS = 20_000;

interface TrackingBookInput {
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
