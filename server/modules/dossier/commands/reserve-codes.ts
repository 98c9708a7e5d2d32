// Offline counter intake: blocks of dossier codes reserved for one officer's device, for one agency
// and one Vietnam day. The intake command accepts such a code at sync (commands/intake-dossier.ts);
// queries/intake-kit.ts is what the device needs to print a receipt slip offline.
import { Prisma, type Db } from "../../../db";
import { AppError } from "../../../errors";
import { reserveDossierCodes } from "./allocate-dossier-code";
import { vietnamDayKey, vietnamDayStart } from "../dossier-code";
import { requireDeskAt } from "../policy";
import { loadActor } from "../queries/dossier-actor";
import { releaseExpiredReservations } from "./release-expired-reservations";

/** How many unused codes a device holds per agency and day (it tops up to this when online). */
const DEFAULT_RESERVATION_BLOCK = 10;
const MAX_DEVICE_BLOCK = 50;

const MS_PER_DAY = 86_400_000;

interface DeviceReservation {
  reservationId: string;
  code: string;
  dayKey: string;
  number: number;
  expiresAt: Date;
}

/**
 * The device's unused codes for `agencyId` today (Vietnam time), topped up to `count`. Reception
 * officers of that agency only. The codes expire when the day ends: they carry its date.
 */
export async function reserveCodesForDevice(
  db: Db,
  input: { actorUserId: string; agencyId: string; deviceId: string; count?: number },
  options: { now?: Date } = {},
): Promise<{ dayKey: string; expiresAt: Date; codes: DeviceReservation[] }> {
  const now = options.now ?? new Date();
  const count = Math.min(Math.max(input.count ?? DEFAULT_RESERVATION_BLOCK, 1), MAX_DEVICE_BLOCK);
  const actor = await loadActor(db, { userId: input.actorUserId });
  requireDeskAt(actor, input.agencyId);
  const agency = await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true, code: true, active: true } });
  if (!agency?.active) throw new AppError("NOT_FOUND", { message: `agency ${input.agencyId} not found or inactive` });

  await releaseExpiredReservations(db, { now });
  const dayKey = vietnamDayKey(now);
  const expiresAt = new Date(vietnamDayStart(dayKey).getTime() + MS_PER_DAY);
  const where = {
    agencyId: agency.id,
    userId: actor.userId,
    deviceId: input.deviceId,
    day: dayKey,
    dossierId: null,
    releasedAt: null,
    expiresAt: { gt: now },
  } satisfies Prisma.DossierCodeReservationWhereInput;
  const select = { id: true, code: true, day: true, number: true, expiresAt: true } as const;

  const open = await db.dossierCodeReservation.findMany({ where, select, orderBy: { number: "asc" } });
  if (open.length < count) {
    await db.$transaction(
      (tx) =>
        reserveDossierCodes(tx, {
          agencyId: agency.id,
          agencyCode: agency.code,
          at: now,
          count: count - open.length,
          userId: actor.userId,
          deviceId: input.deviceId,
          expiresAt,
        }),
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 10_000, timeout: 15_000 },
    );
  }
  const rows = open.length < count ? await db.dossierCodeReservation.findMany({ where, select, orderBy: { number: "asc" } }) : open;
  return {
    dayKey,
    expiresAt,
    codes: rows.map((r) => ({ reservationId: r.id, code: r.code, dayKey: r.day, number: r.number, expiresAt: r.expiresAt })),
  };
}
