// Offline counter intake: reserved code blocks, the intake that uses one at sync (once), the
// device-time rules, the release of expired blocks, and the due date a device prints offline.
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { useTestDb } from "../../test/db";
import { dueDate } from "../calendar/working-time";
import { createDesk, intake, key, T0, type Desk } from "../../test/desk";
import { loadIntakeKit } from "./queries/intake-kit";
import { releaseExpiredReservations } from "./commands/release-expired-reservations";
import { reserveCodesForDevice } from "./commands/reserve-codes";

const db = useTestDb({ max: 4 });
const HOUR = 3_600_000;

async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, reason: error.details?.reason };
    throw error;
  }
  return { code: "OK" };
}

describe("reserved codes for offline intake", () => {
  let desk: Desk;
  const device = "device-aaaaaaaa";

  beforeAll(async () => {
    desk = await createDesk(db, { provinceName: "Hà Nội" });
  });

  it("reserves a block for today, tops it up, and online intakes continue after the block", async () => {
    const first = await reserveCodesForDevice(db, { actorUserId: desk.reception.id, agencyId: desk.agency.id, deviceId: device, count: 10 }, { now: T0 });
    expect(first.codes).toHaveLength(10);
    expect(first.dayKey).toBe("260310");
    expect(first.expiresAt.toISOString()).toBe("2026-03-10T17:00:00.000Z"); // midnight in Hà Nội
    expect(first.codes.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Asking again returns the same open codes, without a new block.
    const again = await reserveCodesForDevice(db, { actorUserId: desk.reception.id, agencyId: desk.agency.id, deviceId: device, count: 10 }, { now: T0 });
    expect(again.codes.map((c) => c.code)).toEqual(first.codes.map((c) => c.code));

    const online = await intake(db, desk, {}, T0);
    expect(online.code).toMatch(/-260310-0011$/);
  });

  it("only reception officers of the agency reserve", async () => {
    expect((await failure(reserveCodesForDevice(db, { actorUserId: desk.specialist.id, agencyId: desk.agency.id, deviceId: device }, { now: T0 }))).code).toBe("FORBIDDEN");
  });

  it("accepts a reserved code at sync with the device time, once; a replay returns the same dossier", async () => {
    const { codes } = await reserveCodesForDevice(db, { actorUserId: desk.reception.id, agencyId: desk.agency.id, deviceId: device }, { now: T0 });
    const code = codes[0]!.code;
    const deviceAt = new Date(T0.getTime() + 2 * HOUR); // 12:00 at the desk, offline
    const syncedAt = new Date(T0.getTime() + 26 * HOUR); // synced the next morning, after the block expired
    expect(await releaseExpiredReservations(db, { now: syncedAt })).toBeGreaterThan(0);

    const idempotencyKey = key("offline-intake");
    const created = await intake(db, desk, { reservedCode: code, deviceId: device, deviceAt, idempotencyKey }, syncedAt);
    expect(created.code).toBe(code);
    expect(created.replayed).toBe(false);
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: created.id }, select: { receivedAt: true, dueAt: true, code: true } });
    expect(dossier.receivedAt?.toISOString()).toBe(deviceAt.toISOString());
    const reservation = await db.dossierCodeReservation.findUniqueOrThrow({ where: { code }, select: { dossierId: true } });
    expect(reservation.dossierId).toBe(created.id);

    // The due date the device printed: the same calendar module, on the kit the device cached.
    const kit = await loadIntakeKit(db, { actorUserId: desk.reception.id, agencyId: desk.agency.id }, { now: T0 });
    const timing = kit.procedures.find((p) => p.procedureVersionId === desk.version.id)!;
    const printed = dueDate(kit.calendar, deviceAt, { value: timing.limitValue, unit: timing.limitUnit }, { sameDayCutoff: timing.sameDayCutoff });
    expect(dossier.dueAt?.toISOString()).toBe(printed.toISOString());

    const replay = await intake(db, desk, { reservedCode: code, deviceId: device, deviceAt, idempotencyKey }, new Date(syncedAt.getTime() + HOUR));
    expect(replay).toMatchObject({ id: created.id, code, replayed: true });
    expect(await db.dossier.count({ where: { code } })).toBe(1);

    // The same code under another key (a device bug) is refused: a code names one dossier.
    expect(await failure(intake(db, desk, { reservedCode: code, deviceId: device, deviceAt, idempotencyKey: key("dup") }, syncedAt))).toEqual({
      code: "CONFLICT",
      reason: "RESERVATION_USED",
    });
  });

  it("refuses another officer's or device's code, a code used after it expired, and a device time far in the past", async () => {
    const { codes } = await reserveCodesForDevice(db, { actorUserId: desk.reception.id, agencyId: desk.agency.id, deviceId: "device-bbbbbbbb" }, { now: T0 });
    const code = codes[0]!.code;
    const deviceAt = new Date(T0.getTime() + HOUR);
    expect(await failure(intake(db, desk, { reservedCode: code, deviceId: device, deviceAt }, T0))).toMatchObject({ code: "VALIDATION", reason: "RESERVATION_NOT_YOURS" });
    // Used at the device the next day: the code carries the previous day's date.
    const nextDay = new Date(T0.getTime() + 24 * HOUR);
    expect(await failure(intake(db, desk, { reservedCode: code, deviceId: "device-bbbbbbbb", deviceAt: nextDay }, nextDay))).toMatchObject({
      code: "VALIDATION",
      reason: "RESERVATION_EXPIRED",
    });
    // Synced more than the allowed skew after the fact.
    expect(await failure(intake(db, desk, { reservedCode: code, deviceId: "device-bbbbbbbb", deviceAt }, new Date(T0.getTime() + 80 * HOUR)))).toMatchObject({
      code: "VALIDATION",
      reason: "DEVICE_TIME_SKEW",
    });
    // Nothing was created by the refusals, and the code is still free.
    expect(await db.dossier.count({ where: { code } })).toBe(0);
  });

  it("releases only unused reservations that expired", async () => {
    const other = await createDesk(db, { provinceName: "Huế" });
    const { codes } = await reserveCodesForDevice(db, { actorUserId: other.reception.id, agencyId: other.agency.id, deviceId: device, count: 3 }, { now: T0 });
    await intake(db, other, { reservedCode: codes[0]!.code, deviceId: device, deviceAt: T0 }, T0);
    expect(await releaseExpiredReservations(db, { now: new Date(T0.getTime() + HOUR) })).toBe(0);
    await releaseExpiredReservations(db, { now: new Date(T0.getTime() + 30 * HOUR) });
    const rows = await db.dossierCodeReservation.findMany({ where: { agencyId: other.agency.id }, select: { code: true, releasedAt: true, dossierId: true }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.dossierId !== null, r.releasedAt !== null])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
  });
});
