// Counter intake without a connection: a code from the block this device reserved for the agency
// today, and the due date computed with the server's own calendar module on the calendar the
// server sent (same working periods, same holidays), so the printed slip matches the dossier.
import { dueDate } from "~/server/modules/calendar/working-time";
import { vietnamDayKey } from "~/server/modules/dossier/dossier-code";
import type { TIntakeInput } from "~/server/modules/dossier/schema";
import { listOutbox } from "./outbox";
import { kvGet, kvSet, type OfficerDb, type PrintedSlip } from "./store";

export interface ReservedCode {
  code: string;
  expiresAt: Date;
}

/** Codes this device may still print for `agencyId` at `at`: today's, unexpired, not used on a slip. */
export async function availableCodes(db: OfficerDb, agencyId: string, at: Date): Promise<ReservedCode[]> {
  const block = await kvGet(db, `codes:${agencyId}`);
  if (!block) return [];
  const used = new Set(await kvGet(db, "usedCodes"));
  for (const e of await listOutbox(db)) if (e.kind === "intake") used.add(e.input.reservedCode);
  const today = vietnamDayKey(at);
  return block.codes.filter((c) => !used.has(c.code) && c.dayKey === today && c.expiresAt.getTime() > at.getTime());
}

/** Remembers a printed code for good (the server's block still lists it until the intake syncs). */
export async function markCodeUsed(db: OfficerDb, code: string): Promise<void> {
  const used = (await kvGet(db, "usedCodes")) ?? [];
  if (!used.includes(code)) await kvSet(db, "usedCodes", [...used, code].slice(-500));
}

/** The due date the server will compute for this intake received at `receivedAt` (null without the kit). */
export async function printedDueDate(db: OfficerDb, agencyId: string, procedureVersionId: string, receivedAt: Date): Promise<Date | null> {
  const kit = await kvGet(db, `kit:${agencyId}`);
  const timing = kit?.procedures.find((p) => p.procedureVersionId === procedureVersionId);
  if (!kit || !timing) return null;
  return dueDate(kit.calendar, receivedAt, { value: timing.limitValue, unit: timing.limitUnit }, { sameDayCutoff: timing.sameDayCutoff });
}

/** Takes the next code and prepares the intake command and its slip (nothing is stored yet). */
export async function prepareOfflineIntake(
  db: OfficerDb,
  input: TIntakeInput,
  deviceId: string,
  at = new Date(),
): Promise<{ input: TIntakeInput & { reservedCode: string; deviceId: string }; printed: PrintedSlip } | null> {
  const [code] = await availableCodes(db, input.agencyId, at);
  if (!code || !input.procedureVersionId) return null;
  const dueAt = await printedDueDate(db, input.agencyId, input.procedureVersionId, at);
  return {
    input: { ...input, deviceAt: at, reservedCode: code.code, deviceId },
    printed: { code: code.code, receivedAt: at, dueAt },
  };
}
