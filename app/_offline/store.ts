// The officer's offline store: one IndexedDB database per user (`motcua-officer-<userId>`), so one
// officer's outbox and cached dossiers are never opened for another, and a tiny device database
// (`motcua-device`) that says whose workspace this browser holds and names the device.
// Values are stored by structured clone (Dates and bigints survive). Usable from pages, the
// service worker and Node tests (fake-indexeddb).
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { TActInput, TDossierDetail, TDossierState, TIntakeInput, TIntakeKit, TReserveCodesResult, TWorklistItem } from "~/server/modules/dossier/schema";

export const USER_DB_PREFIX = "motcua-officer-";
export const DEVICE_DB = "motcua-device";
const USER_DB_VERSION = 1;

export type OutboxState = "waiting" | "sending" | "failed" | "conflict";

export interface OutboxError {
  /** The server's appCode (CONFLICT, FORBIDDEN, ...), NETWORK, HTTP_5xx, or BLOCKED (behind a conflicted action). */
  code: string;
  message: string;
  reason?: string;
}

interface OutboxEntryBase {
  /** Monotonically increasing: the order actions were taken in. */
  seq?: number;
  idempotencyKey: string;
  /** The dossier the action is on; an intake uses `intake:<idempotencyKey>` (its own chain). */
  dossierId: string;
  /** Shown in lists (the dossier code, or the reserved code of an intake). */
  label: string;
  /** When the officer acted, by the device's clock. */
  deviceAt: Date;
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which a failed entry is not retried (unless the connection just came back). */
  nextAttemptAt: number;
  lastError: OutboxError | null;
  /** On a conflict: the dossier as the server has it now (null when it is out of reach). */
  serverState: TDossierState | null;
}

export type ActPayload = TActInput["payload"];

export interface ActEntry extends OutboxEntryBase {
  kind: "act";
  action: TActInput["action"];
  expectedVersion: number;
  payload: ActPayload;
  note?: string;
}

export interface PrintedSlip {
  code: string;
  receivedAt: Date;
  /** The due date printed on the slip (computed on the device with the server's calendar module). */
  dueAt: Date | null;
}

export interface IntakeEntry extends OutboxEntryBase {
  kind: "intake";
  /** The intake command as it will be sent, reserved code and device included. */
  input: TIntakeInput & { reservedCode: string; deviceId: string };
  printed: PrintedSlip;
}

export type OutboxEntry = ActEntry | IntakeEntry;

export interface CachedDossier {
  id: string;
  detail: TDossierDetail;
  /** Officers who may hold a step, by step order (the assignee pickers, offline). */
  assignees: Record<number, { id: string; name: string; role: string; openCount: number }[]>;
  syncedAt: Date;
}

export interface CachedWorklist {
  view: string;
  items: TWorklistItem[];
  syncedAt: Date;
}

export interface CachedAttachment {
  id: string;
  dossierId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  blob: Blob;
}

/** Small values: `me`, `lastSyncAt`, `kit:<agencyId>`, `codes:<agencyId>`, `picker:<agencyId>`. */
export interface KvValues {
  me: CachedMe;
  lastSyncAt: Date;
  /** Reserved codes this device has printed on a slip (until the server's block no longer lists them). */
  usedCodes: string[];
  [key: `kit:${string}`]: TIntakeKit;
  [key: `codes:${string}`]: TReserveCodesResult;
  [key: `picker:${string}`]: unknown[];
}

export interface CachedMe {
  id: string;
  name: string;
  memberships: { agencyId: string; agencyCode: string; agencyNameVi: string; agencyNameEn: string; role: string }[];
}

interface OfficerSchema extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { byDossier: string; byKey: string } };
  dossiers: { key: string; value: CachedDossier };
  worklists: { key: string; value: CachedWorklist };
  attachments: { key: string; value: CachedAttachment; indexes: { byDossier: string } };
  kv: { key: string; value: unknown };
}

export type OfficerDb = IDBPDatabase<OfficerSchema>;

export function userDbName(userId: string): string {
  return `${USER_DB_PREFIX}${userId}`;
}

export async function openOfficerDb(userId: string): Promise<OfficerDb> {
  if (!userId) throw new Error("openOfficerDb: no user");
  return openDB<OfficerSchema>(userDbName(userId), USER_DB_VERSION, {
    upgrade(db) {
      const outbox = db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      outbox.createIndex("byDossier", "dossierId");
      outbox.createIndex("byKey", "idempotencyKey", { unique: true });
      db.createObjectStore("dossiers", { keyPath: "id" });
      db.createObjectStore("worklists", { keyPath: "view" });
      const attachments = db.createObjectStore("attachments", { keyPath: "id" });
      attachments.createIndex("byDossier", "dossierId");
      db.createObjectStore("kv");
    },
    // Another tab wiping this user's data (sign-out) must not wait on us.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

export async function kvGet<K extends keyof KvValues & string>(db: OfficerDb, key: K): Promise<KvValues[K] | undefined> {
  return (await db.get("kv", key)) as KvValues[K] | undefined;
}

export async function kvSet<K extends keyof KvValues & string>(db: OfficerDb, key: K, value: KvValues[K]): Promise<void> {
  await db.put("kv", value, key);
}

// ─── The device database ────────────────────────────────────────────────────

interface DeviceSchema extends DBSchema {
  device: { key: string; value: string };
}

async function openDeviceDb(): Promise<IDBPDatabase<DeviceSchema>> {
  return openDB<DeviceSchema>(DEVICE_DB, 1, {
    upgrade(db) {
      db.createObjectStore("device");
    },
  });
}

function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** This browser's id, made once: code reservations belong to a user on a device. */
export async function getDeviceId(): Promise<string> {
  const db = await openDeviceDb();
  try {
    const existing = await db.get("device", "deviceId");
    if (existing) return existing;
    const id = `dev-${randomId()}`;
    await db.put("device", id, "deviceId");
    return id;
  } finally {
    db.close();
  }
}

/** Whose workspace the browser holds (the service worker's background sync drains this user's outbox). */
export async function getCurrentUserId(): Promise<string | null> {
  const db = await openDeviceDb();
  try {
    return (await db.get("device", "currentUserId")) ?? null;
  } finally {
    db.close();
  }
}

export async function setCurrentUserId(userId: string | null): Promise<void> {
  const db = await openDeviceDb();
  try {
    if (userId) await db.put("device", userId, "currentUserId");
    else await db.delete("device", "currentUserId");
  } finally {
    db.close();
  }
}

/** Names of the per-user databases on this device (Chromium, Firefox, Safari 14+ and fake-indexeddb list them). */
export async function listUserDbNames(): Promise<string[]> {
  if (typeof indexedDB.databases !== "function") return [];
  const all = await indexedDB.databases();
  return all.map((d) => d.name ?? "").filter((n) => n.startsWith(USER_DB_PREFIX));
}

export async function deleteUserDb(name: string): Promise<void> {
  await deleteDB(name, {
    blocked() {
      // An open connection elsewhere closes itself on `blocking` (see openOfficerDb).
    },
  });
}
