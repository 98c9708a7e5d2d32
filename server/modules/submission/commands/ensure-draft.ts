import type { Db } from "../../../db";
import { loadPublishedVersion, findDraftFor } from "../queries";
import { lockOwnerVersion } from "./save-draft";

/** The citizen's draft for this version, made empty if there is none (the first upload needs one). */
export async function ensureDraft(db: Db, input: { ownerId: string; procedureVersionId: string }): Promise<{ id: string }> {
  const existing = await findDraftFor(db, input);
  if (existing) return { id: existing.id };
  await loadPublishedVersion(db, input);
  return db.$transaction(async (tx) => {
    await lockOwnerVersion(tx, input);
    const again = await tx.dossierDraft.findFirst({
      where: { ownerId: input.ownerId, procedureVersionId: input.procedureVersionId },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    return again ?? tx.dossierDraft.create({ data: { ownerId: input.ownerId, procedureVersionId: input.procedureVersionId, formData: {} }, select: { id: true } });
  });
}
