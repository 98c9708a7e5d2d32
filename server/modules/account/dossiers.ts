// A citizen's own dossiers, across every procedure and agency: the list on /me, one dossier's
// detail, and what the applicant may do online (answer a supplement request, withdraw). The
// commands go through the lifecycle engine (dossier/commands/act.ts) as the OWNER.
import type { Db, DbTx, Role } from "../../db";
import { AppError } from "../../errors";
import { buildFormValidator, issueKey } from "../eform/validator";
import { knownValues } from "../eform/form-data";
import { parseFormSchema, type TFormField, type TFormSchema } from "../eform/format";
import { applyDossierAction } from "../dossier/commands/act";
import type { TActResult } from "../dossier/schema";
import { can } from "../dossier/workflow";
import { checkUploadBytes, deleteObjects, storeAttachment, type ResolvedUpload } from "../files/attachments";
import type { ObjectStore } from "../files/object-store";
import { isSniffedType, SNIFFED_TYPES } from "../files/sniff";
import { loadFullTracking, normaliseDossierCode } from "../tracking/queries";
import type { TFullTracking, TTimeliness } from "../tracking/schema";
import { timelinessOf } from "../tracking/timeliness";
import { fieldValidationError } from "./register";

// ─── The list ─────────────────────────────────────────────────────────────

export const MY_DOSSIERS_PAGE_SIZE = 20;

export interface TMyDossierItem {
  code: string;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  handlingAgency: { vi: string; en: string };
  status: TFullTracking["status"];
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  timeliness: TTimeliness | null;
  isTest: boolean;
  /** The agency waits for the applicant (a supplement request). */
  awaitingApplicant: boolean;
  /** The result was returned and the service not rated yet. */
  canRate: boolean;
}

export interface TMyDossierPage {
  items: TMyDossierItem[];
  nextCursor: string | null;
}

function encodeCursor(submittedAt: Date, id: string): string {
  return Buffer.from(`${submittedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { submittedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const submittedAt = new Date(at ?? "");
  return id && !Number.isNaN(submittedAt.getTime()) ? { submittedAt, id } : null;
}

/** The owner's dossiers, newest first (keyset pages). */
export async function listMyDossiers(
  db: Db,
  input: { ownerId: string; cursor?: string | null; limit?: number },
  now = new Date(),
): Promise<TMyDossierPage> {
  const limit = Math.min(Math.max(input.limit ?? MY_DOSSIERS_PAGE_SIZE, 1), 100);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.dossier.findMany({
    where: {
      ownerId: input.ownerId,
      ...(after
        ? { OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      code: true,
      status: true,
      isTest: true,
      submittedAt: true,
      receivedAt: true,
      dueAt: true,
      pausedAt: true,
      finishedAt: true,
      procedure: { select: { code: true } },
      procedureVersion: { select: { nameVi: true, nameEn: true } },
      handlingAgency: { select: { nameVi: true, nameEn: true } },
      rating: { select: { id: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      code: r.code,
      procedureCode: r.procedure.code,
      procedureName: { vi: r.procedureVersion.nameVi, en: r.procedureVersion.nameEn },
      handlingAgency: { vi: r.handlingAgency.nameVi, en: r.handlingAgency.nameEn },
      status: r.status,
      submittedAt: r.submittedAt,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      timeliness: timelinessOf(r, now),
      isTest: r.isTest,
      awaitingApplicant: r.status === "SUPPLEMENT_REQUESTED",
      canRate: r.status === "RETURNED" && r.rating === null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
  };
}

// ─── One dossier ──────────────────────────────────────────────────────────

export interface TUploadSlot {
  /** null: a file that answers the request as a whole. */
  componentId: string | null;
  name: { vi: string; en: string } | null;
  acceptedTypes: string[];
  maxSizeBytes: number;
}

export interface TMyDossier {
  view: TFullTracking;
  dossierId: string;
  /** The version the answer and withdrawal forms act on (a newer one means someone acted meanwhile). */
  version: number;
  isTest: boolean;
  canSupplement: boolean;
  canWithdraw: boolean;
  canRate: boolean;
  /** The e-form, for correcting fields in a supplement answer. */
  formSchema: TFormSchema | null;
  /** The stored e-form values as raw strings, as inputs show them. */
  formValues: Record<string, unknown>;
  uploadSlots: TUploadSlot[];
}

interface OwnedDossier {
  id: string;
  code: string;
  ownerId: string | null;
  status: TFullTracking["status"];
  version: number;
  isTest: boolean;
  currentStepOrder: number | null;
  dueAt: Date | null;
  formData: unknown;
  procedureVersion: {
    formSchema: unknown;
    steps: Array<{ order: number; kind: "RECEPTION" | "APPRAISAL" | "APPROVAL" | "ISSUANCE" | "RETURN"; role: Role }>;
    components: Array<{ id: string; nameVi: string; nameEn: string; acceptedTypes: string[]; maxSizeBytes: number }>;
  };
}

/** The dossier when `ownerId` owns it; NOT_FOUND otherwise (as if the code did not exist). */
async function loadOwned(db: Db | DbTx, ownerId: string, code: string): Promise<OwnedDossier> {
  const dossier = await db.dossier.findUnique({
    where: { code: normaliseDossierCode(code) },
    select: {
      id: true,
      code: true,
      ownerId: true,
      status: true,
      version: true,
      isTest: true,
      currentStepOrder: true,
      dueAt: true,
      formData: true,
      procedureVersion: {
        select: {
          formSchema: true,
          steps: { select: { order: true, kind: true, role: true } },
          components: { orderBy: { order: "asc" }, select: { id: true, nameVi: true, nameEn: true, acceptedTypes: true, maxSizeBytes: true } },
        },
      },
    },
  });
  if (!dossier || dossier.ownerId !== ownerId) {
    throw new AppError("NOT_FOUND", { message: `dossier ${code} of user ${ownerId}` });
  }
  return dossier;
}

function ownerMay(action: "SUPPLEMENT" | "WITHDRAW", d: OwnedDossier, now: Date): boolean {
  return can(action, {
    status: d.status,
    currentStepOrder: d.currentStepOrder,
    steps: d.procedureVersion.steps,
    actorRoles: [],
    actorIsAssignee: false,
    actorIsOwner: true,
    now,
    dueAt: d.dueAt,
  }).ok;
}

function formSchemaOf(d: OwnedDossier): TFormSchema | null {
  try {
    return parseFormSchema(d.procedureVersion.formSchema);
  } catch {
    return null;
  }
}

/** A general slot plus one per document component, with each one's accepted types and size. */
function uploadSlotsOf(d: OwnedDossier): TUploadSlot[] {
  return [
    { componentId: null, name: null, acceptedTypes: [...SNIFFED_TYPES], maxSizeBytes: SUPPLEMENT_FILE_MAX_BYTES },
    ...d.procedureVersion.components.map((c) => ({
      componentId: c.id,
      name: { vi: c.nameVi, en: c.nameEn },
      acceptedTypes: c.acceptedTypes.filter(isSniffedType),
      maxSizeBytes: c.maxSizeBytes,
    })),
  ];
}

/** One of the owner's dossiers with what they may do with it. Training dossiers included: they are the owner's own. */
export async function getMyDossier(db: Db, input: { ownerId: string; code: string }, now = new Date()): Promise<TMyDossier> {
  const owned = await loadOwned(db, input.ownerId, input.code);
  const full = await loadFullTracking(db, owned.code, { includeTest: true, now });
  if (!full) throw new AppError("NOT_FOUND", { message: `dossier ${input.code}` });
  const formSchema = formSchemaOf(owned);
  return {
    view: full.view,
    dossierId: owned.id,
    version: owned.version,
    isTest: owned.isTest,
    canSupplement: ownerMay("SUPPLEMENT", owned, now),
    canWithdraw: ownerMay("WITHDRAW", owned, now),
    canRate: owned.status === "RETURNED" && !full.view.rated,
    formSchema,
    formValues: formSchema ? knownValues(owned.formData, formSchema) : {},
    uploadSlots: uploadSlotsOf(owned),
  };
}

// ─── Supplement files ─────────────────────────────────────────────────────

/** A file answering the request as a whole (not a component): a phone photo or a scanned PDF. */
export const SUPPLEMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Files per answer. */
export const SUPPLEMENT_MAX_FILES = 10;

/**
 * Stores one file for a supplement answer, before the answer itself: an Attachment of kind
 * SUPPLEMENT uploaded by the owner and not yet on the dossier. answerSupplement files it.
 */
export async function storeSupplementFile(
  db: Db,
  store: ObjectStore,
  input: { ownerId: string; dossierCode: string; fileName: string; bytes: Uint8Array; documentComponentId?: string | null },
): Promise<{ id: string; fileName: string; sizeBytes: number }> {
  const owned = await loadOwned(db, input.ownerId, input.dossierCode);
  if (!ownerMay("SUPPLEMENT", owned, new Date())) {
    throw new AppError("INVALID_TRANSITION", { message: `dossier ${owned.code} is not waiting for a supplement`, details: { reason: "NOT_AWAITING_SUPPLEMENT" } });
  }
  const slot = uploadSlotsOf(owned).find((s) => s.componentId === (input.documentComponentId ?? null));
  if (!slot) {
    throw new AppError("VALIDATION", { message: `component ${input.documentComponentId} is not part of ${owned.code}`, details: { reason: "COMPONENT_NOT_IN_PROCEDURE" } });
  }
  const upload: ResolvedUpload = {
    actorUserId: input.ownerId,
    limitBytes: slot.maxSizeBytes,
    acceptedTypes: slot.acceptedTypes.filter(isSniffedType),
    draftId: null,
    dossierId: null,
    documentComponentId: slot.componentId,
    attachmentKind: "SUPPLEMENT",
    replacesInSlot: false,
  };
  // Checked before storing, so a refused file never reaches the object store.
  checkUploadBytes(input.bytes, upload);
  const stored = await storeAttachment(db, store, upload, { fileName: input.fileName, bytes: input.bytes });
  return { id: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes };
}

/** Removes supplement files that were stored but never filed (the answer failed). */
export async function discardSupplementFiles(db: Db, store: ObjectStore, input: { ownerId: string; attachmentIds: readonly string[] }): Promise<void> {
  if (input.attachmentIds.length === 0) return;
  const rows = await db.attachment.findMany({
    where: { id: { in: [...input.attachmentIds] }, uploadedById: input.ownerId, dossierId: null, draftId: null, kind: "SUPPLEMENT" },
    select: { id: true, storageKey: true },
  });
  await db.attachment.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  await deleteObjects(store, rows.map((r) => r.storageKey));
}

// ─── Answering a supplement request ───────────────────────────────────────

/** Fields a supplement answer may correct: all but repeatable groups (edited at the desk). */
export function correctableFields(fields: readonly TFormField[]): TFormField[] {
  return fields
    .filter((f) => !(f.type === "group" && f.repeatable))
    .map((f) => (f.type === "group" ? { ...f, fields: correctableFields(f.fields ?? []) } : f));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `patch` laid over `base`, key by key into nested objects; arrays and strings replace. */
export function mergeValues(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = isRecord(value) && isRecord(out[key]) ? mergeValues(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

export interface TAnswerSupplementInput {
  ownerId: string;
  dossierCode: string;
  idempotencyKey: string;
  note?: string | null;
  /** Raw values (as posted) of the e-form fields being corrected; other fields keep their values. */
  formDataPatch?: Record<string, unknown> | null;
  /** Files stored with storeSupplementFile. */
  attachmentIds?: readonly string[] | null;
  /** The dossier version the applicant saw; omitted: the current one. */
  expectedVersion?: number;
}

/**
 * The applicant's online answer to a supplement request: corrected e-form fields and new files,
 * filed with the SUPPLEMENT command in one transaction. After reception the clock resumes (the
 * due date moves by the pause); at reception the dossier returns to the desk as NEW.
 * Idempotent on `idempotencyKey`.
 */
export async function answerSupplement(db: Db, input: TAnswerSupplementInput, options: { now?: Date } = {}): Promise<TActResult> {
  const owned = await loadOwned(db, input.ownerId, input.dossierCode);
  const command = {
    actorUserId: input.ownerId,
    dossierId: owned.id,
    action: "SUPPLEMENT" as const,
    idempotencyKey: input.idempotencyKey,
  };
  // A replay returns the first answer, whatever the dossier's state now.
  const replayed = await db.dossierEvent.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (replayed) return applyDossierAction(db, { ...command, expectedVersion: owned.version, payload: {} }, options);

  const note = input.note?.normalize("NFC").trim() || null;
  if (note && note.length > 2000) throw fieldValidationError("note too long", { note: "TOO_LONG" });
  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (attachmentIds.length > SUPPLEMENT_MAX_FILES) throw fieldValidationError("too many files", { files: "TOO_MANY_FILES" });

  // Corrected fields: merged over the stored values and validated as a whole, as at submission.
  let formData: Record<string, unknown> | null = null;
  let changedFields: string[] = [];
  const patch = input.formDataPatch && Object.keys(input.formDataPatch).length > 0 ? input.formDataPatch : null;
  if (patch) {
    const schema = formSchemaOf(owned);
    if (!schema) throw fieldValidationError("the procedure has no e-form", { form: "NO_FORM" });
    const editable = { fields: correctableFields(schema.fields) };
    const merged = mergeValues(knownValues(owned.formData, schema), knownValues(patch, editable));
    const parsed = buildFormValidator(schema).safeParse(merged);
    if (!parsed.success) {
      // Input name → message key (eform.*): the form shows each next to its input.
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[["f", ...issue.path.map(String)].join(".")] ??= issueKey(issue).key;
      throw new AppError("VALIDATION", { message: "corrected e-form fields are invalid", details: { fieldErrors } });
    }
    formData = (parsed.data ?? {}) as Record<string, unknown>;
    // Compared with the stored values read back the same way, so a field counts as corrected only
    // when the applicant changed it (not when normalisation merely rewrote it).
    const baseline = buildFormValidator(schema).safeParse(knownValues(owned.formData, schema));
    const before = baseline.success && isRecord(baseline.data) ? baseline.data : isRecord(owned.formData) ? owned.formData : {};
    changedFields = schema.fields
      .map((f) => f.key)
      .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(formData![key] ?? null));
  }
  if (!note && attachmentIds.length === 0 && changedFields.length === 0) {
    throw fieldValidationError("an answer needs a note, a file or a corrected field", { form: "EMPTY_ANSWER" });
  }

  if (attachmentIds.length > 0) {
    const usable = await db.attachment.count({
      where: { id: { in: attachmentIds }, uploadedById: input.ownerId, dossierId: null, draftId: null, kind: "SUPPLEMENT" },
    });
    if (usable !== attachmentIds.length) throw fieldValidationError("files are not this applicant's pending uploads", { files: "FILES_UNAVAILABLE" });
  }

  return applyDossierAction(
    db,
    { ...command, expectedVersion: input.expectedVersion ?? owned.version, ...(note ? { note } : {}), payload: { attachmentIds, fields: changedFields } },
    {
      ...options,
      alsoWrite: async (tx, written) => {
        if (attachmentIds.length > 0) {
          const filed = await tx.attachment.updateMany({
            where: { id: { in: attachmentIds }, uploadedById: input.ownerId, dossierId: null, draftId: null },
            data: { dossierId: written.dossierId },
          });
          if (filed.count !== attachmentIds.length) {
            throw new AppError("CONFLICT", { message: "supplement files changed during the answer", details: { reason: "FILES_CHANGED" } });
          }
        }
        if (formData && changedFields.length > 0) {
          await tx.dossier.update({ where: { id: written.dossierId }, data: { formData: formData as object }, select: { id: true } });
        }
      },
    },
  );
}

/** The applicant withdraws their dossier (WITHDRAW as OWNER) with a reason. Idempotent on `idempotencyKey`. */
export async function withdrawMyDossier(
  db: Db,
  input: { ownerId: string; dossierCode: string; idempotencyKey: string; reason: string; expectedVersion?: number },
  options: { now?: Date } = {},
): Promise<TActResult> {
  const owned = await loadOwned(db, input.ownerId, input.dossierCode);
  const reason = input.reason.normalize("NFC").trim();
  const replayed = await db.dossierEvent.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (!replayed) {
    if (!reason) throw fieldValidationError("a withdrawal needs a reason", { reason: "REQUIRED" });
    if (reason.length > 2000) throw fieldValidationError("reason too long", { reason: "TOO_LONG" });
  }
  return applyDossierAction(
    db,
    {
      actorUserId: input.ownerId,
      dossierId: owned.id,
      action: "WITHDRAW",
      expectedVersion: input.expectedVersion ?? owned.version,
      idempotencyKey: input.idempotencyKey,
      payload: { reason: reason || "-" },
    },
    options,
  );
}
