// The outbox and its sync engine on an in-memory IndexedDB, against a small fake of the server's
// command contract (versions, idempotency keys, CONFLICT with the current state).
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TActInput, TActResult, TDossierState, TIntakeInput, TIntakeResult } from "~/server/modules/dossier/schema";
import { discardEntry, enqueueAction, expectedVersionFor, listOutbox, reapplyEntry } from "./outbox";
import { deleteUserDb, openOfficerDb, userDbName, type OfficerDb } from "./store";
import { backoffMs, classifyFailure, drainOutbox, type OutboxTransport } from "./sync-engine";

/** The server's rules that matter to the outbox: one event per key, versions bump by one, stale → CONFLICT. */
class FakeServer implements OutboxTransport {
  versions = new Map<string, number>();
  events: { key: string; dossierId: string; action: string; version: number }[] = [];
  /** Process the next n commands, then drop the answer (the response is lost on the way back). */
  loseAnswers = 0;
  offline = false;
  failNext5xx = 0;
  forbidden = new Set<string>();

  state(dossierId: string): TDossierState {
    const version = this.versions.get(dossierId) ?? 1;
    const d = new Date(0);
    return { id: dossierId, code: `C-${dossierId}`, status: "PROCESSING", currentStepOrder: 2, assigneeId: null, dueAt: d, originalDueAt: d, extendedDueAt: null, stepDueAt: d, pausedAt: null, finishedAt: null, version, updatedAt: d };
  }

  async act(input: TActInput): Promise<TActResult> {
    if (this.offline) throw new TypeError("Failed to fetch");
    if (this.failNext5xx > 0) {
      this.failNext5xx -= 1;
      throw Object.assign(new Error("boom"), { data: { appCode: "INTERNAL", httpStatus: 500, userMessage: "Lỗi" } });
    }
    const seen = this.events.find((e) => e.key === input.idempotencyKey);
    const result = (version: number, replayed: boolean): TActResult => ({
      event: { id: `ev-${input.idempotencyKey}`, action: input.action, toStatus: "PROCESSING", toStepOrder: 2, resultingVersion: version, serverAt: new Date() },
      dossier: this.state(input.dossierId),
      replayed,
    });
    if (seen) return result(seen.version, true);
    if (this.forbidden.has(input.dossierId)) {
      throw Object.assign(new Error("forbidden"), { data: { appCode: "FORBIDDEN", httpStatus: 403, userMessage: "Không có quyền", details: { reason: "NOT_ASSIGNEE" } } });
    }
    const current = this.versions.get(input.dossierId) ?? 1;
    if (current !== input.expectedVersion) {
      throw Object.assign(new Error("stale"), {
        data: { appCode: "CONFLICT", httpStatus: 409, userMessage: "Xung đột", details: { reason: "STALE_VERSION", current: this.state(input.dossierId) } },
      });
    }
    this.versions.set(input.dossierId, current + 1);
    this.events.push({ key: input.idempotencyKey, dossierId: input.dossierId, action: input.action, version: current + 1 });
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw new TypeError("network error: the response was lost");
    }
    return result(current + 1, false);
  }

  async intake(_input: TIntakeInput): Promise<TIntakeResult> {
    throw new Error("not used here");
  }
}

let db: OfficerDb;
let server: FakeServer;
let n = 0;
const userId = () => `user-${n}`;

function comment(dossierId: string, shownVersion: number, note = "ghi chú") {
  return enqueueAction(db, {
    dossierId,
    label: `C-${dossierId}`,
    action: "COMMENT",
    expectedVersion: shownVersion,
    idempotencyKey: `key-${dossierId}-${Math.random().toString(36).slice(2)}`,
    payload: { note },
  });
}

beforeEach(async () => {
  n += 1;
  db = await openOfficerDb(userId());
  server = new FakeServer();
});

afterEach(async () => {
  db.close();
  await deleteUserDb(userDbName(userId()));
});

describe("expected versions", () => {
  it("follows the dossier's pending chain: each queued action expects the version the previous one produces", async () => {
    server.versions.set("A", 5).set("B", 2);
    const a1 = await comment("A", 5);
    const b1 = await comment("B", 2);
    // The officer's screen (a server-rendered page) still shows version 5: the chain decides.
    const a2 = await comment("A", 5);
    const a3 = await comment("A", 6);
    expect([a1.expectedVersion, a2.expectedVersion, a3.expectedVersion, b1.expectedVersion]).toEqual([5, 6, 7, 2]);

    const report = await drainOutbox(db, server);
    expect(report).toMatchObject({ sent: 4, conflicts: 0, stopped: null });
    expect(await listOutbox(db)).toEqual([]);
    expect(server.versions.get("A")).toBe(8);
    expect(server.events.filter((e) => e.dossierId === "A").map((e) => e.version)).toEqual([6, 7, 8]);
  });

  it("ignores conflicted entries when planning the next version", () => {
    const base = { idempotencyKey: "k", dossierId: "A", label: "", deviceAt: new Date(), attempts: 0, nextAttemptAt: 0, lastError: null, serverState: null, kind: "act" as const, action: "COMMENT" as const, payload: { note: "x" } };
    expect(expectedVersionFor([{ ...base, seq: 1, state: "conflict", expectedVersion: 3 }], 9)).toBe(9);
    expect(expectedVersionFor([{ ...base, seq: 1, state: "failed", expectedVersion: 3 }], 9)).toBe(4);
  });
});

describe("draining", () => {
  it("keeps everything queued while offline, durably, and sends it once when the connection returns", async () => {
    server.versions.set("A", 1);
    for (let i = 0; i < 3; i++) await comment("A", 1);
    server.offline = true;
    const offline = await drainOutbox(db, server);
    expect(offline.stopped).toBe("network");
    const waiting = await listOutbox(db);
    expect(waiting.map((e) => e.state)).toEqual(["waiting", "waiting", "waiting"]);
    expect(waiting[0]!.lastError?.code).toBe("NETWORK");

    // A reload: the database is closed and opened again.
    db.close();
    db = await openOfficerDb(userId());
    expect(await listOutbox(db)).toHaveLength(3);

    server.offline = false;
    // Still backing off, unless the connection just came back (force).
    expect((await drainOutbox(db, server)).sent).toBe(0);
    expect((await drainOutbox(db, server, { force: true })).sent).toBe(3);
    expect(server.events).toHaveLength(3);
  });

  it("replays after a lost response without a duplicate", async () => {
    server.versions.set("A", 3);
    const entry = await comment("A", 3);
    server.loseAnswers = 1;
    const first = await drainOutbox(db, server);
    expect(first.stopped).toBe("network");
    expect(server.events).toHaveLength(1); // the server did apply it
    const second = await drainOutbox(db, server, { force: true });
    expect(second).toMatchObject({ sent: 1, replayed: 1 });
    expect(server.events.filter((e) => e.key === entry.idempotencyKey)).toHaveLength(1);
    expect(await listOutbox(db)).toEqual([]);
  });

  it("sends an entry left 'sending' by a drainer that died (a reload mid-request) again, safely", async () => {
    server.versions.set("A", 1);
    const entry = await comment("A", 1);
    await db.put("outbox", { ...entry, state: "sending" });
    expect((await drainOutbox(db, server)).sent).toBe(1);
    expect(server.events).toHaveLength(1);
  });

  it("retries server errors with backoff and marks them failed meanwhile", async () => {
    server.versions.set("A", 1);
    await comment("A", 1);
    server.failNext5xx = 1;
    let clock = 1_000_000;
    const report = await drainOutbox(db, server, { now: () => clock });
    expect(report.retrying).toBe(1);
    const [failed] = await listOutbox(db);
    expect(failed).toMatchObject({ state: "failed", attempts: 1, nextAttemptAt: clock + backoffMs(1) });
    expect((await drainOutbox(db, server, { now: () => clock })).sent).toBe(0);
    clock += backoffMs(1);
    expect((await drainOutbox(db, server, { now: () => clock })).sent).toBe(1);
  });
});

describe("conflicts", () => {
  it("stops the dossier's chain at its first conflict, holds what follows, and lets other dossiers through", async () => {
    server.versions.set("A", 4).set("B", 1);
    const a1 = await comment("A", 4);
    const a2 = await comment("A", 4);
    const b1 = await comment("B", 1);
    server.versions.set("A", 5); // another officer acted meanwhile

    const report = await drainOutbox(db, server);
    expect(report.sent).toBe(1);
    const left = await listOutbox(db);
    expect(left.map((e) => [e.seq, e.state, e.lastError?.code])).toEqual([
      [a1.seq, "conflict", "CONFLICT"],
      [a2.seq, "conflict", "BLOCKED"],
    ]);
    expect(left[0]!.serverState?.version).toBe(5);
    expect(server.events.map((e) => e.dossierId)).toEqual(["B"]);
    expect(b1.seq).toBeGreaterThan(a2.seq!);

    // Nothing is retried on its own: a conflict waits for the officer.
    expect((await drainOutbox(db, server, { force: true })).sent).toBe(0);

    // Re-applied in order on the state the officer was shown: 5, then 6.
    const again1 = await reapplyEntry(db, a1.seq!);
    const again2 = await reapplyEntry(db, a2.seq!, 5);
    expect(again1?.kind === "act" && again1.expectedVersion).toBe(5);
    expect(again2?.kind === "act" && again2.expectedVersion).toBe(6);
    expect(again1?.idempotencyKey).toBe(a1.idempotencyKey);
    expect((await drainOutbox(db, server)).sent).toBe(2);
    expect(server.versions.get("A")).toBe(7);
  });

  it("a lost assignment is a conflict, never a retry", async () => {
    server.versions.set("A", 2);
    await comment("A", 2);
    server.forbidden.add("A");
    await drainOutbox(db, server);
    const [entry] = await listOutbox(db);
    expect(entry).toMatchObject({ state: "conflict", lastError: { code: "FORBIDDEN", reason: "NOT_ASSIGNEE" } });
    expect(classifyFailure({ data: { appCode: "INVALID_TRANSITION" } }).kind).toBe("conflict");
    expect(classifyFailure({ data: { appCode: "NOT_FOUND" } }).kind).toBe("conflict");
    expect(classifyFailure({ data: { appCode: "UNAUTHENTICATED" } }).kind).toBe("auth");
    expect(classifyFailure(new TypeError("Failed to fetch")).kind).toBe("network");
  });

  it("discarding a queued action holds the actions planned after it on the same dossier", async () => {
    server.versions.set("A", 1);
    const a1 = await comment("A", 1);
    const a2 = await comment("A", 1);
    expect(await discardEntry(db, a1.seq!)).toBe(true);
    const [held] = await listOutbox(db);
    expect(held).toMatchObject({ seq: a2.seq, state: "conflict", lastError: { code: "BLOCKED" } });
    expect((await drainOutbox(db, server)).sent).toBe(0);
    expect(server.events).toEqual([]);
  });
});
