// Where attachment bytes live, behind one small interface: a local directory by default (one app
// node, `npm start` on a fresh machine), S3-compatible storage when several nodes share files.
// Keys are ours (never derived from a file name); the database row says what a key holds.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";

export interface StoredObject {
  body: ReadableStream<Uint8Array>;
  sizeBytes?: number;
}

export interface ObjectStore {
  /** Stores the bytes under `key`, replacing nothing: keys are unique per upload. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object as a stream, or null when the key holds nothing. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,300}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`Invalid storage key: ${key}`);
}

/** A new key: grouped by month so a directory listing or a bucket prefix stays navigable. */
export function newStorageKey(now = new Date()): string {
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `attachments/${month}/${randomUUID()}`;
}

/** Files under one directory; writes go to a temporary name first so a crash leaves no half file. */
export class LocalDirectoryStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.part`;
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
      return { body, sizeBytes: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

export interface StorageEnv {
  STORAGE_DRIVER?: string;
  STORAGE_DIR?: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** The store the environment names: STORAGE_DRIVER=local (default, STORAGE_DIR or .data/files) or s3. */
async function createObjectStore(env: StorageEnv = process.env as StorageEnv): Promise<ObjectStore> {
  const driver = (env.STORAGE_DRIVER ?? "local").toLowerCase();
  if (driver === "local") return new LocalDirectoryStore(env.STORAGE_DIR || join(process.cwd(), ".data", "files"));
  if (driver === "s3") {
    // Loaded only when chosen: the SDK is large and the default deployment never needs it.
    const { S3ObjectStore, s3ConfigFromEnv } = await import("./s3-store");
    return new S3ObjectStore(s3ConfigFromEnv(env));
  }
  throw new Error(`STORAGE_DRIVER must be "local" or "s3", not "${env.STORAGE_DRIVER}"`);
}

const globalForStore = globalThis as unknown as { motcuaObjectStore?: Promise<ObjectStore> };

/** The process-wide store. */
export function getObjectStore(): Promise<ObjectStore> {
  globalForStore.motcuaObjectStore ??= createObjectStore();
  return globalForStore.motcuaObjectStore;
}

/** Best effort: an orphaned object costs disk space, never correctness (no row points at it). */
export async function deleteObjects(store: ObjectStore, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    try {
      await store.delete(key);
    } catch (error) {
      console.error(`[files] could not delete object ${key}:`, error);
    }
  }
}
