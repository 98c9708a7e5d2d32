// pg-boss inside the caller's Prisma interactive transaction. Enqueueing (and the admin page's
// retry and discard) must write to the same transaction as the change they belong to, so every
// statement pg-boss issues for them goes through that transaction: the job row itself (pg-boss's
// `db` option, over `$queryRawUnsafe`, which is what pg-boss's own fromPrisma does), and also the
// few reads it makes first (is its schema installed, which table a queue's jobs live in). For the
// latter, one process-wide PgBoss "producer" is started with a database adapter that forwards to
// whichever transaction is current (AsyncLocalStorage). It never polls, supervises or schedules:
// that is the worker's job (worker.ts), with its own pool.
//
// Why not a producer with its own pool: a transaction does not say which database (and so which
// pool) it belongs to, and a process may hold several clients (tests, benchmarks); through the
// transaction, the job always lands in the transaction's own database.
import { AsyncLocalStorage } from "node:async_hooks";
import { PgBoss, type Clock, type Db as BossDatabase } from "pg-boss";
import type { DbTx } from "../db";
import type { JobDefinition } from "./define";
import { deadLetterQueueOptions, PGBOSS_SCHEMA, queueOptionsOf } from "./queues";

const current = new AsyncLocalStorage<BossDatabase>();

/** pg-boss's statements on a Prisma transaction (as pg-boss's fromPrisma, typed for our client). */
export function bossDatabaseOf(tx: DbTx): BossDatabase {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? []));
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

/** A read whose rows can be wrapped in a subquery (no data-modifying statement inside). */
const PLAIN_READ = /^\s*(SELECT|WITH)\b/i;
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE)\b/i;

/**
 * The producer's own reads (schema version, queue lookups) through the current transaction. Prisma
 * cannot decode some catalog types pg-boss selects (regclass, name), so a plain read comes back as
 * one JSON array: the same rows, with timestamps as strings, which the producer never reads.
 */
const routed: BossDatabase = {
  async executeSql(text, values) {
    const store = current.getStore();
    if (!store) throw new Error("pg-boss producer: a statement outside a transaction (only enqueue and the admin commands use it)");
    if (!PLAIN_READ.test(text) || WRITES.test(text)) return store.executeSql(text, values);
    const { rows } = await store.executeSql(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM (${text}) t`, values);
    return { rows: ((rows[0] as { rows?: unknown[] } | undefined)?.rows ?? []) as unknown[] };
  },
};

/** Timers that never keep a process alive (a seed script must exit when its work is done). */
const unrefClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(() => current.exit(fn), ms).unref(),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  setInterval: (fn, ms) => setInterval(() => current.exit(fn), ms).unref(),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
};

let producer: Promise<PgBoss> | null = null;

function startProducer(): Promise<PgBoss> {
  const boss = new PgBoss({
    db: routed,
    schema: PGBOSS_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: false,
    registerInstance: false,
    // Its queue cache would refresh outside any transaction: once a day is plenty (a miss reads the
    // queue through the transaction anyway).
    queueCacheIntervalSeconds: 86_400,
    openTelemetry: { enabled: false },
    clock: unrefClock,
  });
  // Errors of its own timers (there is no transaction to run them in); calls report theirs.
  boss.on("error", () => {});
  return boss.start();
}

/**
 * Queues this process created inside a transaction that may have rolled back, with the transactions
 * that created them. The producer now believes they exist; until another transaction sees one, each
 * use checks it (and creates it again if that transaction had rolled back).
 */
const tentativeQueues = new Map<string, WeakSet<DbTx>>();

async function confirmTentativeQueue(tx: DbTx, job: JobDefinition<unknown>): Promise<void> {
  const creators = tentativeQueues.get(job.name);
  if (!creators || creators.has(tx)) return;
  const found = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${PGBOSS_SCHEMA}.queue WHERE name = $1`, job.name);
  // Seen from another transaction: it was committed.
  if (found.length > 0) tentativeQueues.delete(job.name);
  else {
    await createQueuesIn(tx, job);
    creators.add(tx);
  }
}

const QUEUE_NOT_FOUND = "PGBOSS_QUEUE_NOT_FOUND";

function isQueueNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === QUEUE_NOT_FOUND || /^Queue \S+ does not exist$/.test((error as Error)?.message ?? "");
}

/** Creates a job's dead-letter queue and queue inside `tx` (pg-boss's create_queue: a no-op when they exist). */
async function createQueuesIn(tx: DbTx, job: JobDefinition<unknown>): Promise<void> {
  const create = `SELECT ${PGBOSS_SCHEMA}.create_queue($1, $2::jsonb)`;
  await tx.$executeRawUnsafe(create, job.deadLetterQueue, JSON.stringify(deadLetterQueueOptions()));
  await tx.$executeRawUnsafe(create, job.name, JSON.stringify(queueOptionsOf(job)));
}

/**
 * Runs `fn` with the producer and pg-boss's adapter over `tx`; every statement of the call (pass
 * `{ db }` to it) runs in `tx`. A call on a queue that does not exist yet creates it in `tx` and runs again.
 */
export async function withTransactionBoss<T>(
  tx: DbTx,
  fn: (boss: PgBoss, db: BossDatabase) => Promise<T>,
  job?: JobDefinition<unknown>,
): Promise<T> {
  const db = bossDatabaseOf(tx);
  return current.run(db, async () => {
    const started = (producer ??= startProducer().catch((error: unknown) => {
      producer = null;
      throw error;
    }));
    const boss = await started;
    if (job) await confirmTentativeQueue(tx, job);
    try {
      return await fn(boss, db);
    } catch (error) {
      // Nothing has failed inside the transaction: pg-boss looked the queue up and found none.
      if (!job || !isQueueNotFound(error)) throw error;
      await createQueuesIn(tx, job);
      const creators = tentativeQueues.get(job.name) ?? new WeakSet<DbTx>();
      creators.add(tx);
      tentativeQueues.set(job.name, creators);
      return fn(boss, db);
    }
  });
}
