// Helpers for the job backbone's integration tests: a worker on the run's database with test jobs
// only, waiting for a condition, and reading pg-boss's job rows.
import { inject } from "vitest";
import type { Db } from "../db";
import { uniqueToken } from "../test/factories";
import type { JobDefinition } from "./define";
import { PGBOSS_SCHEMA } from "./queues";
import { startWorker, type Worker, type WorkerOptions } from "./worker";

/** A queue name no other test uses: `test.<label>-<token>`. */
export function testJobName(label: string): string {
  return `test.${label}-${uniqueToken().toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

/** A worker for `jobs` (null: the app's registry) on the run's database: fast polling, quiet, no cron unless asked. */
export function startTestWorker(db: Db, jobs: readonly JobDefinition<unknown>[] | null, options: Partial<WorkerOptions> = {}): Promise<Worker> {
  const embedded = inject("databaseEmbedded");
  return startWorker({
    db,
    connectionString: inject("databaseUrl"),
    ...(jobs ? { jobs } : {}),
    poolMax: embedded ? 1 : 2,
    pollingIntervalSeconds: 0.5,
    schedule: false,
    shutdownTimeoutSeconds: 5,
    log: () => {},
    ...options,
  });
}

export async function waitFor<T>(read: () => Promise<T> | T, until: (value: T) => boolean, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface TestJobRow {
  id: string;
  name: string;
  state: string;
  data: Record<string, unknown>;
  singleton_key: string | null;
  retry_count: number;
  output: unknown;
}

/** Every job row of these queues (any state), oldest first. */
export function jobRows(db: Db, ...queues: string[]): Promise<TestJobRow[]> {
  return db.$queryRawUnsafe<TestJobRow[]>(
    `SELECT id, name, state::text AS state, data, singleton_key, retry_count, output FROM ${PGBOSS_SCHEMA}.job WHERE name = ANY($1::text[]) ORDER BY created_on, id`,
    queues,
  );
}
