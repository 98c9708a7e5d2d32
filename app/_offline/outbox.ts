// The durable outbox: officer actions and counter intakes waiting to reach the server, in the order
// they were taken. Each entry keeps its idempotency key for life (a resend after a lost answer is a
// replay, never a second action) and the dossier version it was planned on.
import type { TActInput } from "~/server/modules/dossier/schema";
import type { ActEntry, IntakeEntry, OfficerDb, OutboxEntry, OutboxState, PrintedSlip } from "./store";

/** Entries that will still be sent (a conflict waits for the officer). */
export const PENDING_STATES: readonly OutboxState[] = ["waiting", "sending", "failed"];

export function isPending(entry: OutboxEntry): boolean {
  return PENDING_STATES.includes(entry.state);
}

export async function listOutbox(db: OfficerDb): Promise<OutboxEntry[]> {
  return db.getAll("outbox"); // key order = seq order
}

export async function entriesFor(db: OfficerDb, dossierId: string): Promise<OutboxEntry[]> {
  const entries = await db.getAllFromIndex("outbox", "byDossier", dossierId);
  return entries.sort((a, b) => a.seq! - b.seq!);
}

/**
 * The version a new action on `dossierId` must expect. Behind other pending actions on the same
 * dossier it is the version the last of them will produce (each command bumps the version by
 * one); otherwise the version the officer was shown.
 */
export function expectedVersionFor(pendingOnDossier: readonly OutboxEntry[], shownVersion: number): number {
  const last = [...pendingOnDossier].reverse().find((e): e is ActEntry => e.kind === "act" && isPending(e));
  return last ? last.expectedVersion + 1 : shownVersion;
}

/** `expectedVersion`: the version the officer saw (ignored behind other pending actions on the dossier). */
export type EnqueueActInput = TActInput & { label: string };

/** Stores one action durably; the expected version follows the dossier's pending chain. */
export async function enqueueAction(db: OfficerDb, input: EnqueueActInput): Promise<ActEntry> {
  const tx = db.transaction("outbox", "readwrite");
  const onDossier = await tx.store.index("byDossier").getAll(input.dossierId);
  onDossier.sort((a, b) => a.seq! - b.seq!);
  const entry: ActEntry = {
    kind: "act",
    idempotencyKey: input.idempotencyKey,
    dossierId: input.dossierId,
    label: input.label,
    action: input.action,
    expectedVersion: expectedVersionFor(onDossier, input.expectedVersion),
    payload: input.payload,
    ...(input.note ? { note: input.note } : {}),
    deviceAt: input.deviceAt ? new Date(input.deviceAt) : new Date(),
    state: "waiting",
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    serverState: null,
  };
  entry.seq = await tx.store.add(entry);
  await tx.done;
  return entry;
}

export async function enqueueIntake(db: OfficerDb, input: IntakeEntry["input"], printed: PrintedSlip): Promise<IntakeEntry> {
  const entry: IntakeEntry = {
    kind: "intake",
    idempotencyKey: input.idempotencyKey,
    dossierId: `intake:${input.idempotencyKey}`,
    label: printed.code,
    input,
    printed,
    deviceAt: printed.receivedAt,
    state: "waiting",
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    serverState: null,
  };
  entry.seq = await db.add("outbox", entry);
  return entry;
}

/**
 * The officer gives up an action (from the outbox or conflicts view, or a refusal they saw in the
 * form). Pending actions after it on the same dossier were planned on top of it: they wait for the
 * officer as conflicts instead of being applied to a state nobody planned for.
 */
export async function discardEntry(db: OfficerDb, seq: number): Promise<boolean> {
  const tx = db.transaction("outbox", "readwrite");
  const entry = await tx.store.get(seq);
  if (!entry || entry.state === "sending") {
    await tx.done;
    return false;
  }
  await tx.store.delete(seq);
  if (isPending(entry)) {
    for (const later of await tx.store.index("byDossier").getAll(entry.dossierId)) {
      if (later.seq! > seq && isPending(later)) {
        await tx.store.put({ ...later, state: "conflict", lastError: { code: "BLOCKED", message: "follows a discarded action" }, serverState: null });
      }
    }
  }
  await tx.done;
  return true;
}

/**
 * The officer applies a conflicted action again, on the state they were shown: it goes to the end
 * of the queue with the same idempotency key (if it had in fact been applied, the server answers
 * with that first result) and expects the version after the dossier's pending actions, or the
 * server's current version.
 */
export async function reapplyEntry(db: OfficerDb, seq: number, currentVersion?: number): Promise<OutboxEntry | null> {
  const tx = db.transaction("outbox", "readwrite");
  const entry = await tx.store.get(seq);
  if (!entry || entry.state !== "conflict") {
    await tx.done;
    return null;
  }
  await tx.store.delete(seq);
  const others = (await tx.store.index("byDossier").getAll(entry.dossierId)).sort((a, b) => a.seq! - b.seq!);
  const { seq: _old, ...rest } = entry;
  const next: OutboxEntry =
    rest.kind === "act"
      ? { ...rest, expectedVersion: expectedVersionFor(others, currentVersion ?? rest.serverState?.version ?? rest.expectedVersion) }
      : { ...rest };
  Object.assign(next, { state: "waiting", attempts: 0, nextAttemptAt: 0, lastError: null, serverState: null });
  next.seq = await tx.store.add(next);
  await tx.done;
  return next;
}

export async function outboxCounts(db: OfficerDb): Promise<Record<OutboxState, number> & { total: number }> {
  const counts = { waiting: 0, sending: 0, failed: 0, conflict: 0, total: 0 };
  for (const e of await listOutbox(db)) {
    counts[e.state] += 1;
    counts.total += 1;
  }
  return counts;
}
