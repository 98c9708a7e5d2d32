// Attachments: files citizens attach to a draft, and scans officers attach to a dossier (or keep
// unfiled until the counter intake that uses them). Checked by content and size before anything is
// stored; the bytes go to the object store first and the row after, and a failed row takes the
// bytes back out, so no row ever points at nothing.
import { createHash } from "node:crypto";
import type { AttachmentKind, Db } from "../../../db";
import { AppError } from "../../../errors";
import { isOfficer } from "../../auth/policy";
import { canReadDossier, loadActor, requireActionable } from "../../dossier/policy";
import { ensureDraft } from "../../submission/commands/ensure-draft";
import type { TUploadedAttachment } from "../schema";
import { cleanFileName, isSniffedType, SNIFFED_TYPES, sniffContentType, type SniffedType } from "../sniff";
import { newStorageKey, type ObjectStore } from "../storage/object-store";

/** Hard cap on any single upload, whatever a component allows (UPLOAD_MAX_BYTES overrides). */
export function maxUploadBytes(): number {
  const fromEnv = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 50 * 1024 * 1024;
}

/** Officers' scans without a document component: a multi-page colour scan fits. */
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;

export type TUploadTarget =
  /** A citizen's file for one document component of their draft (the draft is made on the first file). */
  | { kind: "draft"; draftId?: string; procedureVersionId?: string; documentComponentId: string }
  /** An officer's file on a dossier in their scope (a counter scan, a supplement brought in, a result). */
  | { kind: "dossier"; dossierId: string; documentComponentId?: string; attachmentKind?: Extract<AttachmentKind, "SCAN" | "SUPPLEMENT" | "RESULT"> }
  /** A reception officer's scan made before the intake that files it (intake.ts › attachmentIds). */
  | { kind: "unfiled" };

/** Where an upload goes and what it may be: resolved (and rights checked) before any byte is read. */
export interface ResolvedUpload {
  actorUserId: string;
  limitBytes: number;
  acceptedTypes: readonly SniffedType[];
  draftId: string | null;
  dossierId: string | null;
  documentComponentId: string | null;
  attachmentKind: AttachmentKind;
  /** One file per component slot: a new upload replaces the draft's earlier file for it. */
  replacesInSlot: boolean;
}

function refuse(reason: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError("VALIDATION", { message, details: { reason, ...details } });
}

function acceptedOf(types: readonly string[]): SniffedType[] {
  const accepted = types.filter(isSniffedType);
  // A component configured with nothing we can check accepts nothing rather than anything.
  return accepted;
}

export async function resolveUploadTarget(db: Db, { actorUserId, target }: { actorUserId: string; target: TUploadTarget }): Promise<ResolvedUpload> {
  const actor = await loadActor(db, { userId: actorUserId });
  const cap = maxUploadBytes();

  if (target.kind === "draft") {
    const component = await db.documentComponent.findUnique({
      where: { id: target.documentComponentId },
      select: { id: true, procedureVersionId: true, acceptedTypes: true, maxSizeBytes: true },
    });
    if (!component) throw new AppError("NOT_FOUND", { message: `document component ${target.documentComponentId}` });
    let draftId: string;
    if (target.draftId) {
      const draft = await db.dossierDraft.findFirst({
        where: { id: target.draftId, ownerId: actor.userId },
        select: { id: true, procedureVersionId: true },
      });
      if (!draft) throw new AppError("NOT_FOUND", { message: `draft ${target.draftId} of user ${actor.userId}` });
      if (draft.procedureVersionId !== component.procedureVersionId) {
        refuse("COMPONENT_NOT_IN_PROCEDURE", `component ${component.id} is not part of draft ${draft.id}'s procedure version`);
      }
      draftId = draft.id;
    } else {
      if (target.procedureVersionId && target.procedureVersionId !== component.procedureVersionId) {
        refuse("COMPONENT_NOT_IN_PROCEDURE", `component ${component.id} is not part of procedure version ${target.procedureVersionId}`);
      }
      draftId = (await ensureDraft(db, { ownerId: actor.userId, procedureVersionId: component.procedureVersionId })).id;
    }
    return {
      actorUserId: actor.userId,
      limitBytes: Math.min(component.maxSizeBytes, cap),
      acceptedTypes: acceptedOf(component.acceptedTypes),
      draftId,
      dossierId: null,
      documentComponentId: component.id,
      attachmentKind: "COMPONENT",
      replacesInSlot: true,
    };
  }

  if (!isOfficer(actor)) throw new AppError("FORBIDDEN", { message: `user ${actor.userId} is not an officer` });

  if (target.kind === "dossier") {
    const dossier = await db.dossier.findUnique({
      where: { id: target.dossierId },
      select: { id: true, procedureVersionId: true, receivingAgencyId: true, handlingAgencyId: true, assigneeId: true, ownerId: true },
    });
    requireActionable(actor, dossier, target.dossierId);
    let limitBytes = Math.min(SCAN_MAX_BYTES, cap);
    let acceptedTypes: SniffedType[] = [...SNIFFED_TYPES];
    if (target.documentComponentId) {
      const component = await db.documentComponent.findFirst({
        where: { id: target.documentComponentId, procedureVersionId: dossier.procedureVersionId },
        select: { acceptedTypes: true, maxSizeBytes: true },
      });
      if (!component) refuse("COMPONENT_NOT_IN_PROCEDURE", `component ${target.documentComponentId} is not part of dossier ${dossier.id}'s procedure`);
      limitBytes = Math.min(Math.max(component.maxSizeBytes, SCAN_MAX_BYTES), cap);
      acceptedTypes = acceptedOf(component.acceptedTypes);
    }
    return {
      actorUserId: actor.userId,
      limitBytes,
      acceptedTypes,
      draftId: null,
      dossierId: dossier.id,
      documentComponentId: target.documentComponentId ?? null,
      attachmentKind: target.attachmentKind ?? "SCAN",
      replacesInSlot: false,
    };
  }

  if (!actor.memberships.some((m) => m.role === "RECEPTION_OFFICER")) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} holds no reception role for unfiled scans` });
  }
  return {
    actorUserId: actor.userId,
    limitBytes: Math.min(SCAN_MAX_BYTES, cap),
    acceptedTypes: [...SNIFFED_TYPES],
    draftId: null,
    dossierId: null,
    documentComponentId: null,
    attachmentKind: "SCAN",
    replacesInSlot: false,
  };
}

/** The checks every upload passes, on the bytes as they arrived. */
export function checkUploadBytes(bytes: Uint8Array, upload: Pick<ResolvedUpload, "limitBytes" | "acceptedTypes">): SniffedType {
  if (bytes.byteLength === 0) refuse("FILE_EMPTY", "empty file");
  if (bytes.byteLength > upload.limitBytes) {
    refuse("FILE_TOO_LARGE", `file of ${bytes.byteLength} bytes over the limit of ${upload.limitBytes}`, { maxBytes: upload.limitBytes });
  }
  const type = sniffContentType(bytes.subarray(0, 16));
  if (!type || !upload.acceptedTypes.includes(type)) {
    refuse("FILE_TYPE", `content is ${type ?? "not a recognised type"}; accepted: ${upload.acceptedTypes.join(", ")}`, {
      accepted: upload.acceptedTypes,
    });
  }
  return type;
}

/** Checks the bytes, stores them and records the row (replacing the slot's earlier file for a draft). */
export async function storeAttachment(
  db: Db,
  { upload, file }: { upload: ResolvedUpload; file: { fileName: string; bytes: Uint8Array } },
  { store }: { store: ObjectStore },
): Promise<TUploadedAttachment> {
  const mimeType = checkUploadBytes(file.bytes, upload);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const storageKey = newStorageKey();
  await store.put(storageKey, file.bytes, mimeType);

  let replacedKeys: string[] = [];
  try {
    const created = await db.$transaction(async (tx) => {
      if (upload.replacesInSlot && upload.draftId && upload.documentComponentId) {
        const earlier = await tx.attachment.findMany({
          where: { draftId: upload.draftId, documentComponentId: upload.documentComponentId },
          select: { id: true, storageKey: true },
        });
        if (earlier.length > 0) {
          await tx.attachment.deleteMany({ where: { id: { in: earlier.map((a) => a.id) } } });
          replacedKeys = earlier.map((a) => a.storageKey);
        }
      }
      return tx.attachment.create({
        data: {
          draftId: upload.draftId,
          dossierId: upload.dossierId,
          documentComponentId: upload.documentComponentId,
          kind: upload.attachmentKind,
          fileName: cleanFileName(file.fileName, mimeType),
          mimeType,
          sizeBytes: file.bytes.byteLength,
          sha256,
          storageKey,
          uploadedById: upload.actorUserId,
        },
        select: { id: true, fileName: true, sizeBytes: true, mimeType: true, documentComponentId: true, draftId: true, dossierId: true },
      });
    });
    await deleteObjects(store, replacedKeys);
    return created;
  } catch (error) {
    // The draft may have been submitted meanwhile (its row gone): the bytes must not stay behind.
    await deleteObjects(store, [storageKey]);
    if (isForeignKeyViolation(error)) throw new AppError("CONFLICT", { message: "the draft or dossier changed during the upload", cause: error });
    throw error;
  }
}

/** Best effort: an orphaned object costs disk space, never correctness (no row points at it). */
export async function deleteObjects(store: ObjectStore, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    try {
      await store.delete(key);
    } catch (error) {
      console.error(`[files] could not delete object ${key}:`, error);
    }
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2003";
}

export interface OpenedAttachment {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * The file, for someone who may see it: the owner of the draft or dossier, an officer whose scope
 * covers the dossier, or the officer who made an unfiled scan. Anyone else gets NOT_FOUND, as if
 * the id did not exist.
 */
export async function openAttachment(
  db: Db,
  input: { actorUserId: string; attachmentId: string },
  { store }: { store: ObjectStore },
): Promise<OpenedAttachment> {
  const attachment = await db.attachment.findUnique({
    where: { id: input.attachmentId },
    select: {
      fileName: true,
      mimeType: true,
      sizeBytes: true,
      storageKey: true,
      uploadedById: true,
      draft: { select: { ownerId: true } },
      dossier: { select: { ownerId: true, receivingAgencyId: true, handlingAgencyId: true, assigneeId: true } },
    },
  });
  const notFound = () => new AppError("NOT_FOUND", { message: `attachment ${input.attachmentId} for user ${input.actorUserId}` });
  if (!attachment) throw notFound();

  const actor = await loadActor(db, { userId: input.actorUserId });
  let allowed: boolean;
  if (attachment.draft) allowed = attachment.draft.ownerId === actor.userId;
  else if (attachment.dossier) allowed = attachment.dossier.ownerId === actor.userId || canReadDossier(actor, attachment.dossier);
  else allowed = attachment.uploadedById === actor.userId;
  if (!allowed) throw notFound();

  const stored = await store.get(attachment.storageKey);
  if (!stored) throw new AppError("INTERNAL", { message: `object ${attachment.storageKey} of attachment ${input.attachmentId} is missing` });
  return { fileName: attachment.fileName, mimeType: attachment.mimeType, sizeBytes: attachment.sizeBytes, body: stored.body };
}

/** A citizen takes a file back out of their draft. */
export async function deleteDraftAttachment(
  db: Db,
  input: { ownerId: string; attachmentId: string },
  { store }: { store: ObjectStore },
): Promise<void> {
  const attachment = await db.attachment.findFirst({
    where: { id: input.attachmentId, draft: { ownerId: input.ownerId } },
    select: { id: true, storageKey: true },
  });
  if (!attachment) throw new AppError("NOT_FOUND", { message: `draft attachment ${input.attachmentId} of user ${input.ownerId}` });
  // Still in a draft at the moment of deletion: a submission may have just filed it in a dossier.
  const { count } = await db.attachment.deleteMany({ where: { id: attachment.id, draft: { ownerId: input.ownerId } } });
  if (count === 0) throw new AppError("CONFLICT", { message: `attachment ${input.attachmentId} left the draft` });
  await deleteObjects(store, [attachment.storageKey]);
}
