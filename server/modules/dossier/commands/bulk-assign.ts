// Assign many dossiers to one officer (a leader dispatching the unit's queue). Each dossier is its
// own command with its own transaction and a key derived from the batch key, so a replayed batch
// re-applies nothing and one refused dossier does not undo the others.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { loadActor } from "../queries/dossier-actor";
import { ZBulkAssignSchema, type TBulkAssignInput, type TBulkAssignResult } from "../schema";
import { applyDossierAction } from "./act";

export async function bulkAssign(db: Db, rawInput: TBulkAssignInput & { actorUserId: string }): Promise<TBulkAssignResult> {
  const { actorUserId, ...rest } = rawInput;
  const parsed = ZBulkAssignSchema.safeParse(rest);
  if (!parsed.success) {
    throw new AppError("VALIDATION", {
      message: `bulkAssign: ${parsed.error.message}`,
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  const input = parsed.data;
  const ids = input.items.map((i) => i.dossierId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError("VALIDATION", { message: "bulkAssign: a dossier is listed twice", details: { field: "items" } });
  }
  const actor = await loadActor(db, { userId: actorUserId });

  const results: TBulkAssignResult["results"] = [];
  // One after the other: the batch is at most 100 and each command is a short transaction;
  // running them in parallel would only contend for the same pool.
  for (const item of input.items) {
    try {
      const result = await applyDossierAction(
        db,
        {
          actorUserId,
          action: "ASSIGN",
          dossierId: item.dossierId,
          expectedVersion: item.expectedVersion,
          idempotencyKey: `${input.idempotencyKey}:${item.dossierId}`,
          ...(input.deviceAt ? { deviceAt: input.deviceAt } : {}),
          ...(input.note ? { note: input.note } : {}),
          payload: { assigneeId: input.assigneeId },
        },
        { actor },
      );
      results.push({ dossierId: item.dossierId, ok: true, result });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        dossierId: item.dossierId,
        ok: false,
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
  }
  return { results };
}
