// Attachments: files citizens attach to a draft, and scans officers attach to a dossier (or keep
// unfiled until the counter intake that uses them). Checked by content and size before anything is
// stored; the bytes go to the object store first and the row after, and a failed row takes the
// bytes back out, so no row ever points at nothing.
import { createHash } from "node:crypto";
import type { AttachmentKind, Db } from "../../../db";
import { AppError } from "../../../errors";
import { isOfficer } from "../../auth/policy";
import { loadActor } from "../../dossier/queries/dossier-actor";
import { requireActionable } from "../../dossier/policy";
import { ensureDraft } from "../../submission/commands/ensure-draft";
import type { TUploadedAttachment } from "../schema";
import { cleanFileName, SNIFFED_TYPES, type SniffedType } from "../sniff";
import { newStorageKey, type ObjectStore, deleteObjects } from "../storage/object-store";
import { maxUploadBytes, SCAN_MAX_BYTES, refuse, acceptedOf, checkUploadBytes } from "../upload-rules";

export type TUploadTarget =
  /** A citizen's file for one document component of their draft (the draft is made on the first file). */
  | { kind: "draft"; draftId?: string; procedureVersionId?: string; documentComponentId: string }
  /** An officer's file on a dossier in their scope (a counter scan, a supplement brought in, a result). */
  | { kind: "dossier"; dossierId: string; documentComponentId?: string; attachmentKind?: Extract<AttachmentKind, "SCAN" | "SUPPLEMENT" | "RESULT"> }
  /** A reception officer's scan made before the intake that files it (dossier/commands/intake-dossier.ts › attachmentIds). */
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

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2003";
}
