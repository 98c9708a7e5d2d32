// Sends the outbox to the server. Per dossier strictly in order (each action expects the version the
// previous one produces); dossiers in parallel. A refusal the officer must decide on (the dossier
// changed, the assignment or the right was lost, the action no longer applies, the input is refused)
// stops that dossier's chain and goes to the conflicts view; network failures and server errors are
// retried with backoff; nothing is ever dropped here. Runs in pages and in the service worker.
import type { TActInput, TActResult, TDossierState, TIntakeInput, TIntakeResult } from "~/server/modules/dossier/schema";
import { listOutbox } from "./outbox";
import type { OfficerDb, OutboxEntry, OutboxError } from "./store";

export interface OutboxTransport {
  act(input: TActInput): Promise<TActResult>;
  intake(input: TIntakeInput): Promise<TIntakeResult>;
}

export type SendResult = { kind: "act"; result: TActResult } | { kind: "intake"; result: TIntakeResult };

export interface DrainHooks {
  /** After the server accepted an entry (it is already gone from the outbox). */
  onApplied?: (entry: OutboxEntry, sent: SendResult) => Promise<void> | void;
  /** On a conflict: the dossier as the server has it now, refreshed on the device (null when out of reach). */
  loadServerState?: (entry: OutboxEntry) => Promise<TDossierState | null>;
  /** Something in the outbox changed (for status displays). */
  onChange?: () => void;
}

export interface DrainOptions {
  /** Ignore retry backoff (the connection just came back, or the officer pressed "sync now"). */
  force?: boolean;
  /** Only the chain holding this entry, up to it (an officer waiting on a form). */
  untilSeq?: number;
  concurrency?: number;
  now?: () => number;
  hooks?: DrainHooks;
}

export interface DrainReport {
  sent: number;
  replayed: number;
  conflicts: number;
  retrying: number;
  /** Why the drain ended early: the network is down, or the session ended (sign in again). */
  stopped: "network" | "auth" | null;
  /** Results by seq, for callers waiting on one entry. */
  results: Map<number, { ok: true; sent: SendResult } | { ok: false; entry: OutboxEntry; error: unknown }>;
}

export type Failure =
  | { kind: "network"; error: OutboxError }
  | { kind: "retry"; error: OutboxError }
  | { kind: "auth"; error: OutboxError }
  | { kind: "conflict"; error: OutboxError; current: TDossierState | null };

/** App error codes that need the officer: the dossier changed, rights or assignment lost, not applicable, refused input. */
const CONFLICT_CODES = new Set(["CONFLICT", "FORBIDDEN", "NOT_FOUND", "INVALID_TRANSITION", "VALIDATION"]);

interface ErrorData {
  appCode?: string;
  httpStatus?: number;
  userMessage?: string;
  details?: { reason?: unknown; current?: unknown };
}

/** What a failed send means for the outbox (tRPC client errors carry the server's formatted data). */
export function classifyFailure(error: unknown): Failure {
  const data = (error as { data?: ErrorData } | null)?.data;
  const message = data?.userMessage ?? (error instanceof Error ? error.message : String(error));
  const reason = typeof data?.details?.reason === "string" ? data.details.reason : undefined;
  if (!data?.appCode) {
    // No answer from our server: no connection, a lost response, a proxy's error page.
    return { kind: "network", error: { code: "NETWORK", message } };
  }
  const shaped: OutboxError = { code: data.appCode, message, ...(reason ? { reason } : {}) };
  if (CONFLICT_CODES.has(data.appCode)) {
    const current = data.details?.current;
    return { kind: "conflict", error: shaped, current: isDossierState(current) ? current : null };
  }
  if (data.appCode === "UNAUTHENTICATED") return { kind: "auth", error: shaped };
  return { kind: "retry", error: shaped };
}

function isDossierState(value: unknown): value is TDossierState {
  return !!value && typeof value === "object" && typeof (value as TDossierState).version === "number" && typeof (value as TDossierState).id === "string";
}

/** 2 s, 4 s, 8 s … capped at a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

// ─── One drainer at a time per user: across tabs and the service worker (Web Locks), or in-process ──

const localLocks = new Map<string, Promise<unknown>>();

export async function withOutboxLock<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  const name = `motcua-outbox-${userId}`;
  // Pages and workers alike (Navigator or WorkerNavigator).
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks?.request) return locks.request(name, () => fn()) as Promise<T>;
  const previous = localLocks.get(name) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  localLocks.set(name, run);
  try {
    return await run;
  } finally {
    if (localLocks.get(name) === run) localLocks.delete(name);
  }
}

async function send(transport: OutboxTransport, entry: OutboxEntry): Promise<SendResult> {
  if (entry.kind === "intake") return { kind: "intake", result: await transport.intake(entry.input) };
  const input = {
    dossierId: entry.dossierId,
    action: entry.action,
    expectedVersion: entry.expectedVersion,
    idempotencyKey: entry.idempotencyKey,
    deviceAt: entry.deviceAt,
    ...(entry.note ? { note: entry.note } : {}),
    payload: entry.payload,
  } as TActInput;
  return { kind: "act", result: await transport.act(input) };
}

/**
 * Sends what is due. Call it inside `withOutboxLock` (the callers in this folder do). Entries left
 * "sending" by a drainer that died mid-request (a reload) are sent again: their key makes that safe.
 */
export async function drainOutbox(db: OfficerDb, transport: OutboxTransport, options: DrainOptions = {}): Promise<DrainReport> {
  const now = options.now ?? Date.now;
  const hooks = options.hooks ?? {};
  const report: DrainReport = { sent: 0, replayed: 0, conflicts: 0, retrying: 0, stopped: null, results: new Map() };
  const attempted = new Set<number>();

  for (const stale of (await listOutbox(db)).filter((e) => e.state === "sending")) {
    await db.put("outbox", { ...stale, state: "waiting" });
  }

  const put = async (entry: OutboxEntry) => {
    await db.put("outbox", entry);
    hooks.onChange?.();
  };

  async function runChain(chain: OutboxEntry[]): Promise<void> {
    for (let i = 0; i < chain.length; i++) {
      if (report.stopped) return;
      // Re-read: the officer may have discarded it, or a conflict earlier in the chain held it.
      const entry = await db.get("outbox", chain[i]!.seq!);
      attempted.add(chain[i]!.seq!);
      if (!entry || entry.state === "conflict") return;
      await put({ ...entry, state: "sending" });
      let sent: SendResult;
      try {
        sent = await send(transport, entry);
      } catch (error) {
        const failure = classifyFailure(error);
        const attempts = entry.attempts + 1;
        if (failure.kind === "network" || failure.kind === "auth") {
          // Expected while offline or signed out: the entry simply waits; the drain stops everywhere.
          await put({ ...entry, state: "waiting", attempts, nextAttemptAt: now() + backoffMs(attempts), lastError: failure.error });
          report.stopped = failure.kind;
          report.retrying += 1;
          report.results.set(entry.seq!, { ok: false, entry, error });
          return;
        }
        if (failure.kind === "retry") {
          const failed: OutboxEntry = { ...entry, state: "failed", attempts, nextAttemptAt: now() + backoffMs(attempts), lastError: failure.error };
          await put(failed);
          report.retrying += 1;
          report.results.set(entry.seq!, { ok: false, entry: failed, error });
          return;
        }
        // A conflict: the officer decides. What followed it on this dossier was planned on top of
        // it, so it waits for the officer too rather than being applied to a state nobody saw.
        // The hook also refreshes the device's copy, so the officer sees what the server has now.
        const serverState = (await hooks.loadServerState?.(entry).catch(() => null)) ?? failure.current ?? null;
        const conflicted: OutboxEntry = { ...entry, state: "conflict", attempts, lastError: failure.error, serverState };
        await put(conflicted);
        report.conflicts += 1;
        report.results.set(entry.seq!, { ok: false, entry: conflicted, error });
        const rest = (await listOutbox(db)).filter((e) => e.dossierId === entry.dossierId && e.seq! > entry.seq! && e.state !== "conflict");
        for (const later of rest) {
          attempted.add(later.seq!);
          await put({ ...later, state: "conflict", lastError: { code: "BLOCKED", message: "follows a conflicted action" }, serverState });
          report.conflicts += 1;
        }
        return;
      }
      await db.delete("outbox", entry.seq!);
      report.sent += 1;
      if (sent.result.replayed) report.replayed += 1;
      report.results.set(entry.seq!, { ok: true, sent });
      hooks.onChange?.();
      await hooks.onApplied?.(entry, sent);
      if (options.untilSeq !== undefined && entry.seq === options.untilSeq) return;
    }
  }

  // Passes until nothing is due: entries enqueued during the drain are picked up too.
  for (;;) {
    if (report.stopped) break;
    const all = await listOutbox(db);
    const chains = new Map<string, OutboxEntry[]>();
    const blocked = new Set<string>();
    for (const e of all) {
      if (options.untilSeq !== undefined && e.seq! > options.untilSeq) continue;
      if (e.state === "conflict" || blocked.has(e.dossierId)) continue;
      // The first pending entry of a dossier decides whether its chain runs now.
      const chain = chains.get(e.dossierId);
      if (!chain) {
        if (attempted.has(e.seq!) || (!options.force && e.nextAttemptAt > now())) {
          blocked.add(e.dossierId);
          continue;
        }
        chains.set(e.dossierId, [e]);
      } else chain.push(e);
    }
    if (options.untilSeq !== undefined) {
      const target = all.find((e) => e.seq === options.untilSeq);
      for (const key of [...chains.keys()]) if (key !== target?.dossierId) chains.delete(key);
    }
    const queue = [...chains.values()];
    if (queue.length === 0) break;
    const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) await runChain(chain);
    });
    await Promise.all(workers);
  }
  return report;
}
