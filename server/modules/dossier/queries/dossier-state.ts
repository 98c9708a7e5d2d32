// The dossier state returned by commands and carried by CONFLICT errors.
import type { Db, DbTx } from "../../../db";
import { AppError } from "../../../errors";
import type { TDossierState } from "../schema";

export const dossierStateSelect = {
  id: true,
  code: true,
  status: true,
  currentStepOrder: true,
  assigneeId: true,
  dueAt: true,
  originalDueAt: true,
  extendedDueAt: true,
  stepDueAt: true,
  pausedAt: true,
  finishedAt: true,
  version: true,
  updatedAt: true,
} as const;

export async function loadDossierState(db: Db | DbTx, { dossierId }: { dossierId: string }): Promise<TDossierState | null> {
  return db.dossier.findUnique({ where: { id: dossierId }, select: dossierStateSelect });
}

/** CONFLICT carrying the dossier's current state, so the client can refresh without another call. */
export function staleVersionError(current: TDossierState, expectedVersion: number): AppError {
  return new AppError("CONFLICT", {
    message: `dossier ${current.id} is at version ${current.version}, the command expected ${expectedVersion}`,
    details: { reason: "STALE_VERSION", expectedVersion, current },
  });
}
