// Reading a stored file back, for whoever may see it.
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { canReadDossier } from "../dossier/policy";
import { loadActor } from "../dossier/queries/dossier-actor";
import type { ObjectStore } from "./storage/object-store";

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
