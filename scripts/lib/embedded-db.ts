// The embedded database: PGlite (PostgreSQL in WASM) owning one data
// directory, served over the PostgreSQL wire protocol by pglite-socket so that
// the app, migrations, seed and tests all connect with an ordinary
// DATABASE_URL, exactly as to a real server.
//
// Only one process may own a PGlite data directory (two writers silently lose
// writes), so a lock file next to the directory records the owner's pid.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { isPortFree, UserFacingError } from "./process";
import { installUnitQueue } from "./pglite-unit-queue";

export const DEFAULT_EMBEDDED_DB_PORT = 54329;
export const DEFAULT_EMBEDDED_DB_DIR = ".data/pglite";
/**
 * Connections pglite-socket accepts at once. Connections past the limit are
 * refused ("Too many connections"), not queued, so the sum of every client's
 * pool must stay below it. Queries still run one at a time.
 */
export const DEFAULT_EMBEDDED_DB_MAX_CONNECTIONS = 10;

export interface EmbeddedDbOptions {
  /** Data directory; created on first start. A temp dir gives a throwaway database. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 54329. */
  port?: number;
  host?: string;
  maxConnections?: number;
  log?: (line: string) => void;
}

export interface EmbeddedDb {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  host: string;
  port: number;
  dataDir: string;
  maxConnections: number;
  /** Stop accepting connections, close PGlite (flushes data) and release the lock. Idempotent. */
  stop(): Promise<void>;
}

export class DataDirLockedError extends UserFacingError {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database directory ${dataDir} is in use by process ${ownerPid}.\n` +
        `Stop that process first (or point DATABASE_URL at another database).\n` +
        `If no such process is running, delete ${lockFile}.`,
      3,
    );
    this.name = "DataDirLockedError";
  }
}

export class PortInUseError extends UserFacingError {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`Port ${port} on ${host} is already in use. Set EMBEDDED_DB_PORT to a free port, or stop what is listening there.`, 4);
    this.name = "PortInUseError";
  }
}

interface LockContent {
  pid: number;
  port?: number;
  startedAt?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFileFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** The owner recorded in the lock file, if that process is still alive. */
export function readLiveOwner(dataDir: string): LockContent | undefined {
  try {
    const content = JSON.parse(fs.readFileSync(lockFileFor(dataDir), "utf8")) as LockContent;
    return Number.isInteger(content.pid) && isAlive(content.pid) ? content : undefined;
  } catch {
    return undefined;
  }
}

function acquireLock(dataDir: string, port: number): () => void {
  const lockFile = lockFileFor(dataDir);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, "wx");
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      return () => {
        // Only remove the lock if it is still ours.
        try {
          const content = JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockContent;
          if (content.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLiveOwner(dataDir);
      if (owner && owner.pid !== process.pid) throw new DataDirLockedError(path.resolve(dataDir), owner.pid, lockFile);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new UserFacingError(`Could not take the lock ${lockFile}`);
}

export async function startEmbeddedDb(options: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const host = options.host ?? "127.0.0.1";
  const requestedPort = options.port ?? DEFAULT_EMBEDDED_DB_PORT;
  const maxConnections = options.maxConnections ?? DEFAULT_EMBEDDED_DB_MAX_CONNECTIONS;
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});

  const releaseLock = acquireLock(dataDir, requestedPort);
  // Check the port before PGlite spends seconds opening (or creating) the directory.
  if (requestedPort !== 0 && !(await isPortFree(requestedPort, host))) {
    releaseLock();
    throw new PortInUseError(requestedPort, host);
  }
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fresh = fs.readdirSync(dataDir).length === 0;
    log(fresh ? `creating a new database in ${dataDir}` : `opening ${dataDir}`);
    // pg_trgm: the migrations create it (trigram search); loading costs little.
    db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    server = new PGLiteSocketServer({ db, host, port: requestedPort, maxConnections });
    // pglite-socket's own queue interleaves clients' extended-protocol
    // messages (see pglite-unit-queue.ts); handlers read this field when a
    // connection arrives, so replacing it before start() covers them all.
    installUnitQueue(server, db);
    try {
      await server.start();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(requestedPort, host);
      throw error;
    }
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }

  const port = Number(server.getServerConn().split(":").pop());
  const url = `postgresql://postgres@${host}:${port}/postgres`;
  const runningServer = server;
  const runningDb = db;
  let stopping: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    dataDir,
    maxConnections,
    stop() {
      stopping ??= (async () => {
        try {
          await runningServer.stop();
        } finally {
          try {
            await runningDb.close();
          } finally {
            releaseLock();
          }
        }
      })();
      return stopping;
    },
  };
}
