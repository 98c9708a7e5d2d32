// A replacement for pglite-socket's query queue that keeps each client's
// extended-protocol exchange together.
//
// PGlite is a single PostgreSQL session. pglite-socket (0.2.17, WRITTEN_FOR) queues client
// messages one by one, so with two connections Parse/Bind/Execute messages of
// different clients interleave and overwrite each other's unnamed statement and
// portal ("unnamed prepared statement does not exist", rows answering the wrong
// query). Every Prisma query uses the extended protocol, so this breaks as soon
// as two connections are busy at once.
//
// Here extended-protocol messages (Parse, Bind, Describe, Execute, Close) are
// held per connection until its Sync or Flush, and the whole unit runs at once.
// While a connection has a transaction open, only its units run (as in
// pglite-socket), and its transaction is rolled back if it disconnects.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { UserFacingError } from "./process";

/**
 * The versions this bridge was written against, and what it relies on in each.
 * scripts/bridge-pins.test.ts compares them with node_modules, and
 * installUnitQueue refuses to start on any other version.
 */
export const WRITTEN_FOR = {
  "@electric-sql/pglite-socket": {
    version: "0.2.17",
    reliesOn: "replaces its private query queue (PGLiteSocketServer.queryQueue, read by each connection's handler)",
  },
  "@electric-sql/pglite": {
    version: "0.5.14",
    reliesOn: "drives its wire protocol itself (execProtocolRawStream, runExclusive, isInTransaction)",
  },
} as const;

const BRIDGE = "scripts/lib/pglite-unit-queue.ts";

/** The message when `name` is installed at another version than the bridge was written for (same text as the test). */
export function movedMessage(name: keyof typeof WRITTEN_FOR, installed: string): string {
  const pin = WRITTEN_FOR[name];
  return `${name} moved from ${pin.version} to ${installed}: ${BRIDGE} ${pin.reliesOn}; re-read its source and update the bridge, then this pin (WRITTEN_FOR)`;
}

function installedVersion(name: string): string {
  const manifest = fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

const QUEUE_METHODS = ["enqueue", "getQueueLength", "clearQueueForHandler", "clearTransactionIfNeeded"] as const;

/**
 * Puts a UnitQueue in place of the server's own queue. Call before start(): handlers read the
 * field when a connection arrives. Refuses (throws) rather than misbehave silently when the
 * package moved or the private field it replaces is not what this bridge was written for.
 */
export function installUnitQueue(server: PGLiteSocketServer, db: PGlite, options: { installedVersion?: (name: string) => string } = {}): UnitQueue {
  const versionOf = options.installedVersion ?? installedVersion;
  for (const name of Object.keys(WRITTEN_FOR) as (keyof typeof WRITTEN_FOR)[]) {
    const installed = versionOf(name);
    if (installed !== WRITTEN_FOR[name].version) throw new UserFacingError(movedMessage(name, installed));
  }
  const holder = server as unknown as { queryQueue?: Record<string, unknown> };
  const current = holder.queryQueue;
  const missing = QUEUE_METHODS.filter((m) => typeof current?.[m] !== "function");
  if (!current || missing.length > 0) {
    throw new UserFacingError(`${BRIDGE}: PGLiteSocketServer has no private queryQueue with ${missing.join(", ")}; the bridge does not fit this pglite-socket, re-read its source`);
  }
  const dbMethods = ["execProtocolRawStream", "runExclusive", "isInTransaction", "exec"] as const;
  const absent = dbMethods.filter((m) => typeof (db as unknown as Record<string, unknown>)[m] !== "function");
  if (absent.length > 0) throw new UserFacingError(`${BRIDGE}: PGlite has no ${absent.join(", ")}; the bridge does not fit this pglite, re-read its source`);
  const queue = new UnitQueue(db);
  (server as unknown as { queryQueue: UnitQueue }).queryQueue = queue;
  return queue;
}

type OnData = (data: Uint8Array) => void;

interface Unit {
  handlerId: number;
  messages: Uint8Array[];
  onData: OnData;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const HELD = new Set(["P", "B", "D", "E", "C"].map((c) => c.charCodeAt(0)));

/** Implements the interface PGLiteSocketHandler expects of its queryQueue. */
export class UnitQueue {
  private queue: Unit[] = [];
  private held = new Map<number, Uint8Array[]>();
  private processing = false;
  /** The connection whose transaction is open, if any. */
  private txOwner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number> {
    const type = message[0]!;
    if (HELD.has(type)) {
      const held = this.held.get(handlerId) ?? [];
      // The handler owns its buffer and reuses nothing, but copy to be safe.
      held.push(message.slice());
      this.held.set(handlerId, held);
      return Promise.resolve(0);
    }
    // Sync, Flush, or anything else (simple Query, Terminate, startup): run
    // it together with whatever this connection has held, in order.
    const messages = [...(this.held.get(handlerId) ?? []), message];
    this.held.delete(handlerId);
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, messages, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        let index = 0;
        if (this.txOwner !== null && this.db.isInTransaction()) {
          index = this.queue.findIndex((u) => u.handlerId === this.txOwner);
          if (index === -1) break; // wait for the transaction's owner
        }
        const unit = this.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(async () => {
            for (let i = 0; i < unit.messages.length; i++) {
              await this.db.execProtocolRawStream(unit.messages[i]!, {
                syncToFs: i === unit.messages.length - 1,
                onRawData: (data) => {
                  bytes += data.length;
                  unit.onData(data);
                },
              });
            }
          });
          unit.resolve(bytes);
        } catch (error) {
          unit.reject(error);
        }
        this.txOwner = this.db.isInTransaction() ? unit.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.held.delete(handlerId);
    this.queue = this.queue.filter((unit) => {
      if (unit.handlerId !== handlerId) return true;
      unit.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.txOwner === handlerId && this.db.isInTransaction()) {
      await this.db.exec("ROLLBACK"); // exec takes PGlite's own lock
      this.txOwner = null;
    }
    await this.process();
  }
}
