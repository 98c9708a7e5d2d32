// Offline counter intake: blocks of dossier codes reserved for one officer's device, for one agency
// and one Vietnam day; the intake command accepts such a code at sync; what the device needs to
// print a receipt slip offline (the agency's working calendar and the procedures' time limits).
import { Prisma, type Db, type DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { loadWorkingCalendar } from "../../calendar/queries";
import type { WorkingCalendar } from "../../calendar/working-time";
import { MAX_DEVICE_AHEAD_MS, MAX_DEVICE_BEHIND_MS } from "../action-time";
import { reserveDossierCodes } from "../code-allocation";
import { vietnamDayKey } from "../dossier-code";
import { loadActor, requireDeskAt } from "../policy";

/** How many unused codes a device holds per agency and day (it tops up to this when online). */
export const DEFAULT_RESERVATION_BLOCK = 10;
export const MAX_DEVICE_BLOCK = 50;

const MS_PER_DAY = 86_400_000;

/** The instant the Vietnam calendar day `YYMMDD` starts (UTC+7, no daylight saving). */
export function vietnamDayStart(dayKey: string): Date {
  return new Date(`20${dayKey.slice(0, 2)}-${dayKey.slice(2, 4)}-${dayKey.slice(4, 6)}T00:00:00+07:00`);
}

export interface DeviceReservation {
  reservationId: string;
  code: string;
  dayKey: string;
  number: number;
  expiresAt: Date;
}

/**
 * Marks reservations that expired unused as released. Their numbers are never handed out again (the
 * counter moved past the whole block), so this is bookkeeping: the block is no longer outstanding.
 * A code the device used before it expired is still accepted at sync (see `claimReservedCode`).
 * Called on every reservation request; a pg-boss job can call it as well.
 */
export async function releaseExpiredReservations(db: Db | DbTx, { now }: { now: Date }): Promise<number> {
  const released = await db.dossierCodeReservation.updateMany({
    where: { dossierId: null, releasedAt: null, expiresAt: { lte: now } },
    data: { releasedAt: now },
  });
  return released.count;
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

/**
 * Checks a reserved code offered by an intake and says when the dossier was received. The code
 * must be this officer's, for this device and receiving agency, unused, and the device time of the
 * intake must lie within the code's day and before it expired, and within the skew allowance of
 * commands (time.ts): never in the future, at most MAX_DEVICE_BEHIND_MS old.
 */
export async function checkReservedCode(
  db: Db,
  input: { code: string; userId: string; deviceId: string | undefined; agencyId: string; deviceAt: Date | undefined },
  options: { now: Date },
): Promise<{ reservationId: string; code: string; receivedAt: Date }> {
  const refuse = (reason: string, message: string) =>
    new AppError("VALIDATION", { message: `reserved code ${input.code}: ${message}`, details: { field: "reservedCode", reason } });
  const reservation = await db.dossierCodeReservation.findUnique({
    where: { code: input.code },
    select: { id: true, code: true, day: true, agencyId: true, userId: true, deviceId: true, expiresAt: true, dossierId: true },
  });
  if (!reservation || reservation.userId !== input.userId || reservation.deviceId !== input.deviceId) {
    throw refuse("RESERVATION_NOT_YOURS", "not reserved for this officer and device");
  }
  if (reservation.agencyId !== input.agencyId) throw refuse("RESERVATION_OTHER_AGENCY", "reserved for another agency");
  if (reservation.dossierId) throw new AppError("CONFLICT", { message: `reserved code ${input.code} is already used`, details: { reason: "RESERVATION_USED" } });
  if (!input.deviceAt) throw refuse("DEVICE_TIME_MISSING", "an offline intake must say when it happened");

  const at = input.deviceAt.getTime();
  const now = options.now.getTime();
  if (at > now + MAX_DEVICE_AHEAD_MS || at < now - MAX_DEVICE_BEHIND_MS) throw refuse("DEVICE_TIME_SKEW", "device time outside the allowed skew");
  const dayStart = vietnamDayStart(reservation.day).getTime();
  if (at < dayStart || at >= reservation.expiresAt.getTime()) throw refuse("RESERVATION_EXPIRED", "used outside its day or after it expired");
  // As for every command: the device time, never later than the server's now.
  return { reservationId: reservation.id, code: reservation.code, receivedAt: new Date(Math.max(dayStart, Math.min(at, now))) };
}

/** Inside the dossier's transaction: the reservation now belongs to the dossier (once). */
export async function markReservationUsed(tx: DbTx, { reservationId, dossierId }: { reservationId: string; dossierId: string }): Promise<void> {
  const claimed = await tx.dossierCodeReservation.updateMany({ where: { id: reservationId, dossierId: null }, data: { dossierId } });
  if (claimed.count !== 1) {
    throw new AppError("CONFLICT", { message: `reservation ${reservationId} was used meanwhile`, details: { reason: "RESERVATION_USED" } });
  }
}

export interface IntakeKitProcedure {
  procedureVersionId: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  sameDayCutoff: string | null;
}

/**
 * What a desk device needs to print a receipt slip offline with the due date the server will
 * compute: the agency's working calendar (periods and holidays for the same window the server
 * loads) and the time limit of each procedure version it offers.
 */
export async function loadIntakeKit(
  db: Db,
  input: { actorUserId: string; agencyId: string },
  options: { now?: Date } = {},
): Promise<{ agencyId: string; agencyCode: string; calendar: { timeZone: string; periods: { start: string; end: string }[]; holidays: string[]; workingDays: string[] }; procedures: IntakeKitProcedure[]; loadedAt: Date }> {
  const now = options.now ?? new Date();
  const actor = await loadActor(db, { userId: input.actorUserId });
  requireDeskAt(actor, input.agencyId);
  const agency = await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true, code: true, active: true, timeZone: true, workingHours: true } });
  if (!agency?.active) throw new AppError("NOT_FOUND", { message: `agency ${input.agencyId} not found or inactive` });
  // From the start of today: an intake later today loads the same window on the server, give or take a day of it.
  const calendar: WorkingCalendar = await loadWorkingCalendar(db, { agency, from: vietnamDayStart(vietnamDayKey(now)) });
  const versions = await db.procedureVersion.findMany({
    where: {
      status: "PUBLISHED",
      validFrom: { lte: now },
      OR: [{ validTo: null }, { validTo: { gt: now } }],
      procedure: { active: true, agencies: { some: { agencyId: agency.id } } },
    },
    select: { id: true, limitValue: true, limitUnit: true, sameDayCutoff: true },
  });
  return {
    agencyId: agency.id,
    agencyCode: agency.code,
    calendar: {
      timeZone: calendar.timeZone,
      periods: calendar.periods.map((p) => ({ start: p.start, end: p.end })),
      holidays: [...calendar.holidays],
      workingDays: [...calendar.workingDays],
    },
    procedures: versions.map((v) => ({ procedureVersionId: v.id, limitValue: v.limitValue, limitUnit: v.limitUnit, sameDayCutoff: v.sameDayCutoff })),
    loadedAt: now,
  };
}
