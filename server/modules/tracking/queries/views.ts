// Dossier tracking views. The public view selects, column by column, only what anyone holding the
// code may see; the full view adds what the applicant filed. Neither ever selects officers.
import { sqlRows, type Db, type DossierAction, type Prisma } from "../../../db";
import { normaliseDossierCode } from "../../dossier/dossier-code";
import { ZFullTrackingSchema, ZPublicTrackingSchema, type TFullTracking, type TPublicTracking, type TSupplementRequest } from "../schema";
import { timelinessOf } from "../timeliness";

/** Events that say how the dossier moved. ASSIGN (who holds it) and COMMENT (internal notes) are not for the public. */
const PUBLIC_EVENT_ACTIONS: readonly DossierAction[] = [
  "SUBMIT",
  "INTAKE",
  "RECEIVE",
  "REFUSE",
  "FORWARD",
  "SEND_BACK",
  "REQUEST_SUPPLEMENT",
  "SUPPLEMENT",
  "RESUME",
  "REQUEST_FEE",
  "CONFIRM_FEE",
  "APPROVE",
  "ISSUE_RESULT",
  "RETURN_RESULT",
  "EXTEND",
  "STOP",
  "WITHDRAW",
];

/** Events whose note is written to the applicant (a reason or instructions); others' notes stay internal. */
const APPLICANT_NOTE_ACTIONS: readonly DossierAction[] = ["REFUSE", "REQUEST_SUPPLEMENT", "SUPPLEMENT", "EXTEND", "STOP", "WITHDRAW", "REQUEST_FEE"];

const localisedName = { select: { nameVi: true, nameEn: true } } as const;

const publicSelect = {
  code: true,
  isTest: true,
  status: true,
  currentStepOrder: true,
  submittedAt: true,
  receivedAt: true,
  dueAt: true,
  pausedAt: true,
  finishedAt: true,
  returnedAt: true,
  procedure: { select: { code: true } },
  handlingAgency: localisedName,
  receivingAgency: localisedName,
  procedureVersion: {
    select: { nameVi: true, nameEn: true, steps: { select: { order: true, nameVi: true, nameEn: true } } },
  },
  events: {
    where: { action: { in: [...PUBLIC_EVENT_ACTIONS] } },
    orderBy: [{ serverAt: "asc" }, { resultingVersion: "asc" }],
    select: { action: true, toStatus: true, fromStepOrder: true, toStepOrder: true, serverAt: true },
  },
} as const satisfies Prisma.DossierSelect;

type PublicRow = Prisma.DossierGetPayload<{ select: typeof publicSelect }>;

function loc(row: { nameVi: string; nameEn: string }) {
  return { vi: row.nameVi, en: row.nameEn };
}

function stageFinder(steps: PublicRow["procedureVersion"]["steps"]) {
  return (order: number | null) => {
    const step = order === null ? undefined : steps.find((s) => s.order === order);
    return step ? loc(step) : null;
  };
}

function toPublic(row: PublicRow, now: Date): TPublicTracking {
  const stage = stageFinder(row.procedureVersion.steps);
  return ZPublicTrackingSchema.parse({
    code: row.code,
    procedureCode: row.procedure.code,
    procedureName: loc(row.procedureVersion),
    handlingAgency: loc(row.handlingAgency),
    receivingAgency: loc(row.receivingAgency),
    status: row.status,
    stage: stage(row.currentStepOrder),
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    paused: row.pausedAt !== null,
    timeliness: timelinessOf(row, now),
    timeline: row.events.map((e) => ({
      at: e.serverAt,
      action: e.action,
      status: e.toStatus,
      stage: e.toStepOrder !== null && e.toStepOrder !== e.fromStepOrder ? stage(e.toStepOrder) : null,
    })),
  });
}

/** What anyone with the code sees; null for an unknown code or a training-mode (isTest) dossier. */
export async function getPublicTracking(db: Db, { code }: { code: string }, { now = new Date() }: { now?: Date } = {}): Promise<TPublicTracking | null> {
  const [row] = await sqlRows<PublicViewRow>(db, PUBLIC_VIEW_SQL, [normaliseDossierCode(code), PUBLIC_EVENT_ACTIONS]);
  if (!row || row.isTest) return null;
  return toPublic(publicRowOf(row), now);
}

// The public view is the busiest read of the portal (every signed-out look-up), so it is one
// plain SQL statement (server/db/sql.ts) rather than Prisma's query: the same columns as
// `publicSelect`, which the full view still reads through Prisma (tracking.int.test.ts checks
// that both give the same public view for every dossier).
const PUBLIC_VIEW_SQL = `
SELECT d."code", d."isTest", d."status", d."currentStepOrder", d."submittedAt", d."receivedAt", d."dueAt",
       d."pausedAt", d."finishedAt", d."returnedAt",
       p."code" AS "procedureCode",
       pv."nameVi" AS "versionNameVi", pv."nameEn" AS "versionNameEn",
       ha."nameVi" AS "handlingNameVi", ha."nameEn" AS "handlingNameEn",
       ra."nameVi" AS "receivingNameVi", ra."nameEn" AS "receivingNameEn",
       (SELECT coalesce(json_agg(json_build_object('order', s."order", 'nameVi', s."nameVi", 'nameEn', s."nameEn")), '[]'::json)
          FROM "ProcedureStep" s WHERE s."procedureVersionId" = d."procedureVersionId") AS "steps",
       (SELECT coalesce(json_agg(json_build_object('action', e."action", 'toStatus', e."toStatus", 'fromStepOrder', e."fromStepOrder",
                                                   'toStepOrder', e."toStepOrder", 'serverAt', e."serverAt")
                                 ORDER BY e."serverAt", e."resultingVersion"), '[]'::json)
          FROM "DossierEvent" e WHERE e."dossierId" = d."id" AND e."action" = ANY($2::"DossierAction"[])) AS "events"
  FROM "Dossier" d
  JOIN "Procedure" p ON p."id" = d."procedureId"
  JOIN "ProcedureVersion" pv ON pv."id" = d."procedureVersionId"
  JOIN "Agency" ha ON ha."id" = d."handlingAgencyId"
  JOIN "Agency" ra ON ra."id" = d."receivingAgencyId"
 WHERE d."code" = $1`;

interface PublicViewRow {
  code: string;
  isTest: boolean;
  status: PublicRow["status"];
  currentStepOrder: number | null;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  pausedAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  procedureCode: string;
  versionNameVi: string;
  versionNameEn: string;
  handlingNameVi: string;
  handlingNameEn: string;
  receivingNameVi: string;
  receivingNameEn: string;
  steps: Array<{ order: number; nameVi: string; nameEn: string }>;
  /** serverAt is a string inside json. */
  events: Array<Omit<PublicRow["events"][number], "serverAt"> & { serverAt: string }>;
}

function publicRowOf(row: PublicViewRow): PublicRow {
  return {
    code: row.code,
    isTest: row.isTest,
    status: row.status,
    currentStepOrder: row.currentStepOrder,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    pausedAt: row.pausedAt,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    procedure: { code: row.procedureCode },
    handlingAgency: { nameVi: row.handlingNameVi, nameEn: row.handlingNameEn },
    receivingAgency: { nameVi: row.receivingNameVi, nameEn: row.receivingNameEn },
    procedureVersion: { nameVi: row.versionNameVi, nameEn: row.versionNameEn, steps: row.steps },
    events: row.events.map((e) => ({ ...e, serverAt: new Date(e.serverAt) })),
  };
}

const fullSelect = {
  ...publicSelect,
  id: true,
  ownerId: true,
  applicantType: true,
  applicantName: true,
  organisationName: true,
  channel: true,
  resultDelivery: true,
  resultNumber: true,
  resultIssuedAt: true,
  postalWaybill: true,
  feeAmount: true,
  feePaidAt: true,
  extendedDueAt: true,
  rating: { select: { id: true } },
  procedureVersion: {
    select: {
      nameVi: true,
      nameEn: true,
      steps: { select: { order: true, nameVi: true, nameEn: true } },
      components: { orderBy: { order: "asc" }, select: { id: true, nameVi: true, nameEn: true, required: true } },
    },
  },
  attachments: {
    // Slips and results are documents of the agency's; the applicant sees what they filed and got back.
    where: { kind: { in: ["COMPONENT", "SUPPLEMENT", "SCAN", "RESULT"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true, documentComponentId: true },
  },
  events: {
    where: { action: { in: [...PUBLIC_EVENT_ACTIONS] } },
    orderBy: [{ serverAt: "asc" }, { resultingVersion: "asc" }],
    select: { action: true, toStatus: true, fromStepOrder: true, toStepOrder: true, serverAt: true, note: true, payload: true },
  },
} as const satisfies Prisma.DossierSelect;

type FullRow = Prisma.DossierGetPayload<{ select: typeof fullSelect }>;

function itemsOf(payload: unknown): string[] {
  const items = (payload as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items.filter((i): i is string => typeof i === "string") : [];
}

/** The open supplement request: the latest REQUEST_SUPPLEMENT while the dossier waits for the applicant. */
function openSupplementRequest(row: Pick<FullRow, "status" | "events">): TSupplementRequest | null {
  if (row.status !== "SUPPLEMENT_REQUESTED") return null;
  const request = [...row.events].reverse().find((e) => e.action === "REQUEST_SUPPLEMENT");
  if (!request) return null;
  return { at: request.serverAt, note: request.note, items: itemsOf(request.payload) };
}

interface FullTrackingRow {
  view: TFullTracking;
  dossierId: string;
  ownerId: string | null;
}

/**
 * The full view of a dossier, with who owns it, for a caller that has already established the
 * right to see it (the owner, or the code with the applicant's ID number). Training dossiers are
 * included only when `includeTest` (the owner's own list).
 */
export async function loadFullTracking(
  db: Db,
  input: { code: string; includeTest?: boolean },
  { now = new Date() }: { now?: Date } = {},
): Promise<FullTrackingRow | null> {
  const row = await db.dossier.findUnique({ where: { code: normaliseDossierCode(input.code) }, select: fullSelect });
  if (!row || (row.isTest && !input.includeTest)) return null;
  const pub = toPublic(row, now);
  const stage = stageFinder(row.procedureVersion.steps);
  const view = ZFullTrackingSchema.parse({
    ...pub,
    applicantType: row.applicantType,
    applicantName: row.applicantName,
    organisationName: row.organisationName,
    channel: row.channel,
    resultDelivery: row.resultDelivery,
    resultNumber: row.resultNumber,
    resultIssuedAt: row.resultIssuedAt,
    postalWaybill: row.postalWaybill,
    feeAmount: row.feeAmount,
    feePaidAt: row.feePaidAt,
    extendedDueAt: row.extendedDueAt,
    supplementRequest: openSupplementRequest(row),
    documents: row.procedureVersion.components.map((c) => ({
      componentId: c.id,
      name: loc(c),
      required: c.required,
      files: row.attachments.filter((a) => a.documentComponentId === c.id).length,
    })),
    attachments: row.attachments.map((a) => ({ id: a.id, kind: a.kind, fileName: a.fileName, sizeBytes: a.sizeBytes, createdAt: a.createdAt })),
    timeline: row.events.map((e) => ({
      at: e.serverAt,
      action: e.action,
      status: e.toStatus,
      stage: e.toStepOrder !== null && e.toStepOrder !== e.fromStepOrder ? stage(e.toStepOrder) : null,
      note: APPLICANT_NOTE_ACTIONS.includes(e.action) ? e.note : null,
      items: e.action === "REQUEST_SUPPLEMENT" ? itemsOf(e.payload) : [],
    })),
    rated: row.rating !== null,
  });
  return { view, dossierId: row.id, ownerId: row.ownerId };
}
