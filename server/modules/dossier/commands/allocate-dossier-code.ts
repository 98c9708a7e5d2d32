// Dossier code allocation: the next number for (agency, Vietnam day), inside the caller's transaction.
import type { DbTx } from "../../../db";
import { formatDossierCode, vietnamDayKey } from "../dossier-code";

interface AllocatedDossierCode {
  code: string;
  /** YYMMDD in Vietnam time. */
  dayKey: string;
  number: number;
}

/**
 * Takes `count` consecutive numbers from the (agency, day) counter and returns the last one.
 *
 * One statement, no read-then-write: the first caller of the day inserts the row, every other
 * caller bumps it under the row lock, which PostgreSQL holds until the caller's transaction ends.
 * So concurrent callers queue on this one row (never on anything else), each sees the committed
 * value of the one before it (READ COMMITTED re-checks the locked row), and a rolled-back
 * transaction gives its number back. Needs READ COMMITTED: under REPEATABLE READ or SERIALIZABLE
 * a concurrent bump is a serialization failure instead of a wait.
 */
async function takeNumbers(tx: DbTx, agencyId: string, dayKey: string, count: number): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    INSERT INTO "DossierCodeCounter" ("agencyId", "day", "lastNumber")
    VALUES (${agencyId}, ${dayKey}, ${count}::int)
    ON CONFLICT ("agencyId", "day")
    DO UPDATE SET "lastNumber" = "DossierCodeCounter"."lastNumber" + EXCLUDED."lastNumber"
    RETURNING "lastNumber"`;
  const last = rows[0]?.lastNumber;
  if (typeof last !== "number") throw new Error("DossierCodeCounter upsert returned no row");
  return last;
}

/**
 * Allocates the next dossier code of `agencyId` for the Vietnam-time day of `at`.
 * Call it late in the transaction (after reads and guards): the counter row stays locked until
 * commit, so everything after it is time other submissions to the same agency wait.
 * Numbers held by offline reservations are never handed out again: a reservation moves the
 * counter past its whole block (see `reserveDossierCodes`).
 */
export async function allocateDossierCode(
  tx: DbTx,
  { agencyId, agencyCode, at }: { agencyId: string; agencyCode: string; at: Date },
): Promise<AllocatedDossierCode> {
  const dayKey = vietnamDayKey(at);
  const number = await takeNumbers(tx, agencyId, dayKey, 1);
  return { code: formatDossierCode(agencyCode, dayKey, number), dayKey, number };
}

const MAX_RESERVATION_BLOCK = 500;

interface ReservedDossierCode extends AllocatedDossierCode {
  reservationId: string;
  expiresAt: Date;
}

/**
 * Reserves a block of `count` consecutive codes for a device doing offline counter intake.
 * The counter jumps by `count` in the same atomic statement, so online submissions and other
 * devices continue after the block and never collide with it. A block left unused when it
 * expires stays a gap in the day's numbering: codes must be unique, not gapless.
 * The codes carry the day of `at`; a device must not use them on another Vietnam day, so
 * callers should not set `expiresAt` past the end of that day.
 */
export async function reserveDossierCodes(
  tx: DbTx,
  input: {
    agencyId: string;
    agencyCode: string;
    at: Date;
    count: number;
    userId: string;
    deviceId: string;
    expiresAt: Date;
  },
): Promise<ReservedDossierCode[]> {
  const { agencyId, agencyCode, at, count, userId, deviceId, expiresAt } = input;
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_RESERVATION_BLOCK) {
    throw new RangeError(`reserveDossierCodes: count must be 1..${MAX_RESERVATION_BLOCK}, got ${count}`);
  }
  if (!(expiresAt.getTime() > at.getTime())) throw new RangeError("reserveDossierCodes: expiresAt must be after at");

  const dayKey = vietnamDayKey(at);
  const last = await takeNumbers(tx, agencyId, dayKey, count);
  const first = last - count + 1;
  const block = Array.from({ length: count }, (_, i) => {
    const number = first + i;
    return { number, dayKey, code: formatDossierCode(agencyCode, dayKey, number) };
  });
  const rows = await tx.dossierCodeReservation.createManyAndReturn({
    data: block.map((b) => ({ agencyId, code: b.code, day: b.dayKey, number: b.number, userId, deviceId, expiresAt })),
    select: { id: true, code: true, day: true, number: true, expiresAt: true },
  });
  return rows
    .map((r) => ({ reservationId: r.id, code: r.code, dayKey: r.day, number: r.number, expiresAt: r.expiresAt }))
    .sort((a, b) => a.number - b.number);
}
