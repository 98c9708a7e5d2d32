"use client";

// The officer workspace's offline layer: opens this officer's database, sends the outbox when the
// connection is there (at start, when it comes back, every half minute), keeps the offline copy
// fresh, and tells the status bar and the views when anything changed.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { refreshOfflineCache, loadDossierIntoCache } from "./cache-sync";
import { outboxCounts } from "./outbox";
import { SYNC_TAG_NAME } from "./sw-contract";
import { getDeviceId, kvGet, openOfficerDb, type OfficerDb, type OutboxEntry } from "./store";
import { drainOutbox, withOutboxLock, type DrainOptions, type DrainReport, type SendResult } from "./sync-engine";
import { createOfflineClient, outboxTransport, type OfflineClient } from "./transport";
import { isWipingHere, wipeOtherUsers } from "./wipe";

export type OfflineMode = "live" | "shell";

export interface OfflineStatus {
  online: boolean;
  syncing: boolean;
  lastSyncAt: Date | null;
  /** The last sync attempt failed (shown next to the last good sync time). */
  lastError: string | null;
  /** The server no longer knows this session: actions wait until the officer signs in again. */
  needsSignIn: boolean;
  counts: { waiting: number; sending: number; failed: number; conflict: number; total: number };
}

export interface OfflineContextValue {
  userId: string;
  mode: OfflineMode;
  db: OfficerDb | null;
  deviceId: string | null;
  client: OfflineClient;
  status: OfflineStatus;
  /** Bumps whenever the outbox or the cache changed: views re-read on it. */
  revision: number;
  notifyChanged: () => void;
  /** Sends what is due and refreshes the offline copy. */
  syncNow: (options?: { force?: boolean }) => Promise<void>;
  /** Sends the outbox up to one entry (inside the lock), for a form waiting on its answer. */
  drainUntil: (seq: number) => Promise<DrainReport | null>;
}

const OfflineContext = createContext<OfflineContextValue | null>(null);

const CHANNEL = "motcua-offline";
const POLL_MS = 30_000;
const REFRESH_MS = 5 * 60_000;

const noCounts = { waiting: 0, sending: 0, failed: 0, conflict: 0, total: 0 };

function isOnline(): boolean {
  return typeof navigator === "undefined" ? true : navigator.onLine;
}

/** Asks the service worker to send the outbox when the connection returns, even with the page closed (Chromium). */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register(SYNC_TAG_NAME);
  } catch {
    // Not supported or not allowed: the page sends when it is open and online.
  }
}

export function OfflineProvider({ userId, mode = "live", children }: { userId: string; mode?: OfflineMode; children: ReactNode }) {
  const client = useMemo(() => createOfflineClient(), []);
  const [db, setDb] = useState<OfflineDbState>({ db: null, deviceId: null });
  const [revision, setRevision] = useState(0);
  const [status, setStatus] = useState<OfflineStatus>({ online: true, syncing: false, lastSyncAt: null, lastError: null, needsSignIn: false, counts: noCounts });
  const channel = useRef<BroadcastChannel | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const lastRefresh = useRef(0);
  const again = useRef(false);
  const syncNowRef = useRef<((options?: { force?: boolean }) => Promise<void>) | null>(null);

  const bump = useCallback(() => setRevision((r) => r + 1), []);
  const notifyChanged = useCallback(() => {
    bump();
    channel.current?.postMessage({ type: "changed", userId });
  }, [bump, userId]);

  // Open this officer's database; the device now holds their workspace (others' data goes).
  useEffect(() => {
    let cancelled = false;
    let opened: OfficerDb | null = null;
    void (async () => {
      await wipeOtherUsers(userId);
      const [database, deviceId] = await Promise.all([openOfficerDb(userId), getDeviceId()]);
      if (cancelled) {
        database.close();
        return;
      }
      opened = database;
      setDb({ db: database, deviceId });
    })().catch((error: unknown) => console.error("[offline] could not open the offline store", error));
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [userId]);

  const hooks = useCallback(
    (database: OfficerDb): DrainOptions["hooks"] => ({
      onChange: notifyChanged,
      onApplied: async (entry: OutboxEntry, sent: SendResult) => {
        if (sent.kind !== "act") return;
        // The server's word replaces the preview (best effort: the next refresh does it anyway).
        await loadDossierIntoCache(database, client, entry.dossierId).catch(() => undefined);
      },
      loadServerState: async (entry) => {
        if (entry.kind !== "act") return null;
        try {
          const cached = await loadDossierIntoCache(database, client, entry.dossierId);
          const d = cached.detail;
          return {
            id: d.id, code: d.code, status: d.status, currentStepOrder: d.currentStep?.order ?? null, assigneeId: d.assignee?.id ?? null,
            dueAt: d.dueAt, originalDueAt: d.originalDueAt, extendedDueAt: d.extendedDueAt, stepDueAt: d.stepDueAt, pausedAt: d.pausedAt,
            finishedAt: d.finishedAt, version: d.version, updatedAt: new Date(),
          };
        } catch {
          await database.delete("dossiers", entry.dossierId).catch(() => undefined);
          return null;
        }
      },
    }),
    [client, notifyChanged],
  );

  const readStatus = useCallback(async (database: OfficerDb) => {
    const [counts, lastSyncAt] = await Promise.all([outboxCounts(database), kvGet(database, "lastSyncAt")]);
    setStatus((s) => ({ ...s, online: isOnline(), counts, lastSyncAt: lastSyncAt ?? null }));
  }, []);

  const syncNow = useCallback(
    async (options: { force?: boolean } = {}) => {
      const database = db.db;
      if (!database || !db.deviceId) return;
      // One sync at a time; a request during one runs again right after it (a re-applied conflict, a new action).
      if (running.current) {
        again.current = true;
        return running.current;
      }
      const deviceId = db.deviceId;
      const run = (async () => {
        if (!isOnline()) {
          await readStatus(database);
          return;
        }
        setStatus((s) => ({ ...s, syncing: true }));
        try {
          const report = await withOutboxLock(userId, () => drainOutbox(database, outboxTransport(client), { force: options.force, hooks: hooks(database) }));
          if (report.stopped === "auth") {
            setStatus((s) => ({ ...s, needsSignIn: true }));
            return;
          }
          if (report.stopped === "network") throw new Error("network");
          const due = options.force || report.sent > 0 || Date.now() - lastRefresh.current > REFRESH_MS;
          if (due) {
            await refreshOfflineCache(database, client, deviceId);
            lastRefresh.current = Date.now();
          }
          setStatus((s) => ({ ...s, lastError: null, needsSignIn: false }));
        } catch (error) {
          const appCode = (error as { data?: { appCode?: string } }).data?.appCode;
          setStatus((s) => ({ ...s, lastError: error instanceof Error ? error.message : String(error), needsSignIn: appCode === "UNAUTHENTICATED" }));
        } finally {
          setStatus((s) => ({ ...s, syncing: false }));
          await readStatus(database);
          notifyChanged();
        }
      })();
      running.current = run;
      try {
        await run;
      } finally {
        running.current = null;
      }
      if (again.current) {
        again.current = false;
        await syncNowRef.current?.({ force: true });
      }
    },
    [db, userId, client, hooks, readStatus, notifyChanged],
  );

  useEffect(() => {
    syncNowRef.current = syncNow;
  }, [syncNow]);

  const drainUntil = useCallback(
    async (seq: number) => {
      const database = db.db;
      if (!database || !isOnline()) return null;
      const report = await withOutboxLock(userId, () =>
        drainOutbox(database, outboxTransport(client), { untilSeq: seq, force: true, hooks: hooks(database) }),
      );
      await readStatus(database);
      return report;
    },
    [db.db, userId, client, hooks, readStatus],
  );

  // Any change (a queued action, a resolved conflict, another tab): the counts follow.
  useEffect(() => {
    if (db.db) void readStatus(db.db).catch(() => undefined);
  }, [revision, db.db, readStatus]);

  // The sync loop: at start, when the connection comes back, on a timer; other tabs and the
  // service worker say when they changed something.
  useEffect(() => {
    const database = db.db;
    if (!database) return;
    void readStatus(database);
    void syncNow({ force: true });
    const online = () => {
      setStatus((s) => ({ ...s, online: true }));
      void syncNow({ force: true });
    };
    const offline = () => setStatus((s) => ({ ...s, online: false }));
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    const timer = window.setInterval(() => void syncNow(), POLL_MS);
    let bc: BroadcastChannel | null = null;
    try {
      bc = new BroadcastChannel(CHANNEL);
      bc.onmessage = (event: MessageEvent<{ type?: string; userId?: string }>) => {
        // Another tab signed out: leave nothing of this officer on screen.
        if (event.data?.type === "wiped") {
          if (!isWipingHere()) window.location.reload();
        }
        else if (event.data?.userId === userId) {
          bump();
          void readStatus(database);
        }
      };
      channel.current = bc;
    } catch {
      channel.current = null;
    }
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.clearInterval(timer);
      bc?.close();
      channel.current = null;
    };
  }, [db.db, userId, syncNow, readStatus, bump]);

  const value = useMemo<OfflineContextValue>(
    () => ({ userId, mode, db: db.db, deviceId: db.deviceId, client, status, revision, notifyChanged, syncNow, drainUntil }),
    [userId, mode, db, client, status, revision, notifyChanged, syncNow, drainUntil],
  );
  return <OfflineContext.Provider value={value}>{children}</OfflineContext.Provider>;
}

interface OfflineDbState {
  db: OfficerDb | null;
  deviceId: string | null;
}

export function useOffline(): OfflineContextValue {
  const value = useContext(OfflineContext);
  if (!value) throw new Error("useOffline() outside <OfflineProvider>");
  return value;
}

/** The offline layer when mounted (components shared with pages outside the workspace use this). */
export function useOptionalOffline(): OfflineContextValue | null {
  return useContext(OfflineContext);
}
