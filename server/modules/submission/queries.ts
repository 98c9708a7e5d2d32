// What online submission reads: the procedure's version in force with its e-form, document
// components and receiving agencies; the citizen's profile for prefilling; their drafts; and what
// stops a draft from being submitted, or the dossier a submit key already made.
import type { Db, Prisma, DbTx } from "../../db";
import { AppError } from "../../errors";
import { parseFormSchema, type TFormSchema } from "../eform/format";
import { type TSubmissionIssue, checkDraft } from "./draft-check";
import { type TSubmissionComponent, ZDraftDataSchema, type TDraft, type TSubmitted } from "./schema";

interface TSubmissionAgency {
  id: string;
  nameVi: string;
  nameEn: string;
  provinceName: string | null;
  trainingMode: boolean;
}

export interface TSubmissionTarget {
  procedureId: string;
  procedureCode: string;
  versionId: string;
  version: number;
  nameVi: string;
  nameEn: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  acrossBoundary: boolean;
  /** Channel 2 accepted. */
  online: boolean;
  feeNoteVi: string | null;
  feeNoteEn: string | null;
  formSchema: TFormSchema;
  components: TSubmissionComponent[];
  agencies: TSubmissionAgency[];
}

const versionSelect = {
  id: true,
  version: true,
  nameVi: true,
  nameEn: true,
  limitValue: true,
  limitUnit: true,
  acrossBoundary: true,
  channels: true,
  feeNoteVi: true,
  feeNoteEn: true,
  formSchema: true,
  components: {
    orderBy: { order: "asc" },
    select: {
      id: true,
      order: true,
      nameVi: true,
      nameEn: true,
      required: true,
      copiesVi: true,
      copiesEn: true,
      templateUrl: true,
      acceptedTypes: true,
      maxSizeBytes: true,
    },
  },
} as const satisfies Prisma.ProcedureVersionSelect;

/** The procedure (by code) with its version in force now, or null when there is none. */
export async function loadSubmissionTarget(
  db: Db,
  { procedureCode }: { procedureCode: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<TSubmissionTarget | null> {
  const procedure = await db.procedure.findFirst({
    where: { code: procedureCode, active: true },
    select: {
      id: true,
      code: true,
      versions: {
        where: { status: "PUBLISHED", validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
        orderBy: { version: "desc" },
        take: 1,
        select: versionSelect,
      },
      agencies: {
        where: { agency: { active: true } },
        select: { agency: { select: { id: true, nameVi: true, nameEn: true, provinceName: true, trainingMode: true } } },
      },
    },
  });
  const version = procedure?.versions[0];
  if (!procedure || !version) return null;
  const agencies = procedure.agencies
    .map((a) => a.agency)
    .sort((a, b) => (a.provinceName ?? "").localeCompare(b.provinceName ?? "", "vi") || a.nameVi.localeCompare(b.nameVi, "vi"));
  return {
    procedureId: procedure.id,
    procedureCode: procedure.code,
    versionId: version.id,
    version: version.version,
    nameVi: version.nameVi,
    nameEn: version.nameEn,
    limitValue: version.limitValue,
    limitUnit: version.limitUnit,
    acrossBoundary: version.acrossBoundary,
    online: version.channels.includes(2),
    feeNoteVi: version.feeNoteVi,
    feeNoteEn: version.feeNoteEn,
    formSchema: parseFormSchema(version.formSchema),
    components: version.components,
    agencies,
  };
}

export interface TApplicantProfile {
  name: string;
  idNumber: string | null;
  dateOfBirth: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  applicantType: string;
  organisationName: string | null;
  taxCode: string | null;
}

export async function loadApplicantProfile(db: Db, { userId }: { userId: string }): Promise<TApplicantProfile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      idNumber: true,
      dateOfBirth: true,
      address: true,
      phone: true,
      email: true,
      applicantType: true,
      organisationName: true,
      taxCode: true,
      active: true,
    },
  });
  if (!user?.active) return null;
  // DATE columns arrive as UTC midnight of the calendar date.
  return { ...user, dateOfBirth: user.dateOfBirth ? user.dateOfBirth.toISOString().slice(0, 10) : null };
}

export const draftSelect = {
  id: true,
  procedureVersionId: true,
  formData: true,
  updatedAt: true,
  attachments: {
    orderBy: { createdAt: "asc" },
    select: { id: true, documentComponentId: true, fileName: true, mimeType: true, sizeBytes: true },
  },
} as const satisfies Prisma.DossierDraftSelect;

type DraftRow = Prisma.DossierDraftGetPayload<{ select: typeof draftSelect }>;

export function toDraft(row: DraftRow): TDraft {
  const data = ZDraftDataSchema.safeParse(row.formData);
  return { ...row, formData: data.success ? data.data : {} };
}

export async function loadPublishedVersion(db: Db | DbTx, { procedureVersionId }: { procedureVersionId: string }) {
  const version = await db.procedureVersion.findUnique({
    where: { id: procedureVersionId },
    select: { id: true, status: true, formSchema: true, channels: true },
  });
  if (!version || version.status !== "PUBLISHED") throw new AppError("NOT_FOUND", { message: `published procedure version ${procedureVersionId}` });
  if (!version.channels.includes(2)) {
    throw new AppError("VALIDATION", { message: `procedure version ${procedureVersionId} is not offered online`, details: { reason: "NOT_ONLINE" } });
  }
  return version;
}

/** A draft of its owner; NOT_FOUND for anyone else's (or a missing) id. */
export async function getDraft(db: Db, input: { ownerId: string; draftId: string }): Promise<TDraft> {
  const row = await db.dossierDraft.findFirst({ where: { id: input.draftId, ownerId: input.ownerId }, select: draftSelect });
  if (!row) throw new AppError("NOT_FOUND", { message: `draft ${input.draftId} of user ${input.ownerId}` });
  return toDraft(row);
}

/** The citizen's latest draft for a procedure version, or null. */
export async function findDraftFor(db: Db, input: { ownerId: string; procedureVersionId: string }): Promise<TDraft | null> {
  const row = await db.dossierDraft.findFirst({
    where: { ownerId: input.ownerId, procedureVersionId: input.procedureVersionId },
    orderBy: { updatedAt: "desc" },
    select: draftSelect,
  });
  return row ? toDraft(row) : null;
}

/** The dossier a submit key already made for this owner, or null (CONFLICT when the key is someone else's). */
export async function findSubmitReplay(db: Db, { idempotencyKey, ownerId }: { idempotencyKey: string; ownerId: string }): Promise<TSubmitted | null> {
  const event = await db.dossierEvent.findUnique({
    where: { idempotencyKey },
    select: { action: true, dossier: { select: { id: true, code: true, status: true, ownerId: true } } },
  });
  if (!event) return null;
  if (event.action !== "SUBMIT" || event.dossier.ownerId !== ownerId) {
    throw new AppError("CONFLICT", { message: `idempotency key ${idempotencyKey} was used for another command`, details: { reason: "KEY_REUSED" } });
  }
  return { id: event.dossier.id, code: event.dossier.code, status: event.dossier.status, replayed: true };
}

/** The issues that stop a draft from being submitted (empty when it may go). */
export async function submissionIssues(db: Db, input: { ownerId: string; draftId: string }): Promise<TSubmissionIssue[]> {
  const loaded = await loadDraftForSubmit(db, input);
  if (!loaded) throw new AppError("NOT_FOUND", { message: `draft ${input.draftId} of user ${input.ownerId}` });
  return checkDraft(loaded).issues;
}

export async function loadDraftForSubmit(db: Db, { ownerId, draftId }: { ownerId: string; draftId: string }) {
  return db.dossierDraft.findFirst({
    where: { id: draftId, ownerId },
    select: {
      id: true,
      formData: true,
      updatedAt: true,
      attachments: { select: { id: true, documentComponentId: true } },
      procedureVersion: {
        select: {
          id: true,
          status: true,
          channels: true,
          formSchema: true,
          steps: { select: { order: true, kind: true, role: true } },
          components: { orderBy: { order: "asc" }, select: { id: true, order: true, required: true, nameVi: true, nameEn: true } },
          procedure: { select: { active: true, agencies: { where: { agency: { active: true } }, select: { agencyId: true } } } },
        },
      },
    },
  });
}

export type LoadedDraft = NonNullable<Awaited<ReturnType<typeof loadDraftForSubmit>>>;
