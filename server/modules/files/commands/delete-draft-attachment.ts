import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { type ObjectStore, deleteObjects } from "../storage/object-store";

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
