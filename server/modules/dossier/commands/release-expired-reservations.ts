import type { Db, DbTx } from "../../../db";

/**
 * Marks reservations that expired unused as released. Their numbers are never handed out again (the
 * counter moved past the whole block), so this is bookkeeping: the block is no longer outstanding.
 * A code the device used before it expired is still accepted at sync (see `checkReservedCode` in intake-dossier.ts).
 * Called on every reservation request; a pg-boss job can call it as well.
 */
export async function releaseExpiredReservations(db: Db | DbTx, { now }: { now: Date }): Promise<number> {
  const released = await db.dossierCodeReservation.updateMany({
    where: { dossierId: null, releasedAt: null, expiresAt: { lte: now } },
    data: { releasedAt: now },
  });
  return released.count;
}
