// The applicant answers a supplement request online: files stored first (owner's uploads not yet
// on the dossier), then SUPPLEMENT as OWNER through the lifecycle engine (dossier/commands/act.ts)
// with the files and corrected e-form fields written in the command's transaction.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { buildFormValidator,issueKey } from "../../eform/validator";
import { knownValues } from "../../eform/form-data";
import { applyDossierAction } from "../../dossier/commands/act";
import type { TActResult } from "../../dossier/schema";
import { checkUploadBytes } from "../../files/upload-rules";
import { deleteObjects, type ObjectStore } from "../../files/storage/object-store";
import { storeAttachment, type ResolvedUpload } from "../../files/commands/store-attachment";
import { isSniffedType } from "../../files/sniff";
import { fieldValidationError } from "../../account/unique-fields";
import { formSchemaOf, ownerMay, uploadSlotsOf } from "../owned-dossier";
import { loadOwnedDossier } from "../queries";
import { correctableFields,SUPPLEMENT_MAX_FILES } from "../schema";

// ─── Supplement files ─────────────────────────────────────────────────────

/**
 * Stores one file for a supplement answer, before the answer itself: an Attachment of kind
 * SUPPLEMENT uploaded by the owner and not yet on the dossier. answerSupplement files it.
 */
export async function storeSupplementFile(
  db: Db,
  input: { ownerId: string; dossierCode: string; fileName: string; bytes: Uint8Array; documentComponentId?: string | null },
  { store }: { store: ObjectStore },
): Promise<{ id: string; fileName: string; sizeBytes: number }> {
  const owned = await loadOwnedDossier(db, { ownerId: input.ownerId, code: input.dossierCode });
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
  const stored = await storeAttachment(db, { upload, file: { fileName: input.fileName, bytes: input.bytes } }, { store });
  return { id: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes };
}

/** Removes supplement files that were stored but never filed (the answer failed). */
export async function discardSupplementFiles(
  db: Db,
  input: { ownerId: string; attachmentIds: readonly string[] },
  { store }: { store: ObjectStore },
): Promise<void> {
  if (input.attachmentIds.length === 0) return;
  const rows = await db.attachment.findMany({
    where: { id: { in: [...input.attachmentIds] }, uploadedById: input.ownerId, dossierId: null, draftId: null, kind: "SUPPLEMENT" },
    select: { id: true, storageKey: true },
  });
  await db.attachment.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  await deleteObjects(store, rows.map((r) => r.storageKey));
}

// ─── Answering a supplement request ───────────────────────────────────────

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `patch` laid over `base`, key by key into nested objects; arrays and strings replace. */
function mergeValues(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    out[key] = isRecord(value) && isRecord(out[key]) ? mergeValues(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

interface TAnswerSupplementInput {
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
  const owned = await loadOwnedDossier(db, { ownerId: input.ownerId, code: input.dossierCode });
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

