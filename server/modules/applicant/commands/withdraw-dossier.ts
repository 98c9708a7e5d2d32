// The applicant withdraws their dossier: WITHDRAW as OWNER through the lifecycle engine.
import type { Db } from "../../../db";
import { applyDossierAction } from "../../dossier/commands/act";
import type { TActResult } from "../../dossier/schema";
import { fieldValidationError } from "../../account/unique-fields";
import { loadOwnedDossier } from "../queries";

/** The applicant withdraws their dossier (WITHDRAW as OWNER) with a reason. Idempotent on `idempotencyKey`. */
export async function withdrawMyDossier(
  db: Db,
  input: { ownerId: string; dossierCode: string; idempotencyKey: string; reason: string; expectedVersion?: number },
  options: { now?: Date } = {},
): Promise<TActResult> {
  const owned = await loadOwnedDossier(db, { ownerId: input.ownerId, code: input.dossierCode });
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
