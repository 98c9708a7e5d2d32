// The failed-jobs page: jobs that failed and wait for a retry, and those whose retries ran out (in
// their dead-letter queue), read from pg-boss's job table. System administrators only.
import type { Db, DbTx } from "../../db";
import { DEAD_LETTER_PREFIX } from "../../jobs/define";
import { PGBOSS_SCHEMA } from "../../jobs/queues";
import { parseInput } from "../../validation";
import { loadAdminActor } from "../admin/queries/admin-actor";
import { requireSystemAdmin } from "../admin/policy";
import { ZFailedJobListInputSchema, type TFailedJob, type TFailedJobKind, type TFailedJobListInput, type TFailedJobPage } from "./schema";

/** A row of pgboss.job as the page reads it. */
export interface JobRow {
  id: string;
  name: string;
  state: string;
  data: unknown;
  output: unknown;
  retry_count: number;
  retry_limit: number;
  singleton_key: string | null;
  created_on: Date;
  completed_on: Date | null;
  start_after: Date;
  dead_letter: string | null;
  source_name: string | null;
  source_id: string | null;
  source_output: unknown;
  source_retry_count: number | null;
}

const COLUMNS = `id, name, state::text AS state, data, output, retry_count, retry_limit, singleton_key, created_on, completed_on,
  start_after, dead_letter, source_name, source_id, source_output, source_retry_count`;

const DEAD = `(name LIKE '${DEAD_LETTER_PREFIX}%' AND state = 'created')`;
const RETRYING = `(name NOT LIKE '${DEAD_LETTER_PREFIX}%' AND state = 'retry')`;
// A failed job of a queue with a dead-letter queue is listed through its dead letter instead.
const FAILED = `(name NOT LIKE '${DEAD_LETTER_PREFIX}%' AND state = 'failed' AND dead_letter IS NULL)`;
const WHERE: Record<TFailedJobKind, string> = { DEAD, RETRYING, FAILED };

export function kindOf(row: Pick<JobRow, "name" | "state">): TFailedJobKind | null {
  if (row.name.startsWith(DEAD_LETTER_PREFIX)) return row.state === "created" ? "DEAD" : null;
  if (row.state === "retry") return "RETRYING";
  if (row.state === "failed") return "FAILED";
  return null;
}

export async function listFailedJobs(db: Db, input: { actorUserId: string } & TFailedJobListInput): Promise<TFailedJobPage> {
  const { actorUserId, ...raw } = input;
  const { kind, limit } = parseInput(ZFailedJobListInputSchema, raw);
  requireSystemAdmin(await loadAdminActor(db, { userId: actorUserId }));
  const where = kind ? WHERE[kind] : `(${DEAD} OR ${RETRYING} OR ${FAILED})`;
  const [rows, counts] = await Promise.all([
    db.$queryRawUnsafe<JobRow[]>(
      `SELECT ${COLUMNS} FROM ${PGBOSS_SCHEMA}.job WHERE ${where} ORDER BY coalesce(completed_on, created_on) DESC, id LIMIT $1`,
      limit,
    ),
    db.$queryRawUnsafe<Array<{ dead: number; retrying: number; failed: number }>>(
      `SELECT count(*) FILTER (WHERE ${DEAD})::int AS dead, count(*) FILTER (WHERE ${RETRYING})::int AS retrying,
         count(*) FILTER (WHERE ${FAILED})::int AS failed
       FROM ${PGBOSS_SCHEMA}.job WHERE state IN ('created', 'retry', 'failed') AND (${DEAD} OR ${RETRYING} OR ${FAILED})`,
    ),
  ]);
  const c = counts[0] ?? { dead: 0, retrying: 0, failed: 0 };
  return {
    items: rows.flatMap((row) => {
      const view = toFailedJob(row);
      return view ? [view] : [];
    }),
    counts: { DEAD: c.dead, RETRYING: c.retrying, FAILED: c.failed },
  };
}

/** One job row, locked for a command in `tx` (a worker's fetch skips it meanwhile); null when gone. */
export async function lockJobRow(tx: DbTx, ref: { queue: string; id: string }): Promise<JobRow | null> {
  const rows = await tx.$queryRawUnsafe<JobRow[]>(
    `SELECT ${COLUMNS} FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid FOR UPDATE`,
    ref.queue,
    ref.id,
  );
  return rows[0] ?? null;
}

export function toFailedJob(row: JobRow): TFailedJob | null {
  const kind = kindOf(row);
  if (!kind) return null;
  const dead = kind === "DEAD";
  return {
    queue: row.name,
    id: row.id,
    kind,
    jobName: dead ? (row.source_name ?? row.name.slice(DEAD_LETTER_PREFIX.length)) : row.name,
    key: row.singleton_key,
    data: row.data,
    error: errorOf(dead ? row.source_output : row.output),
    attempts: (dead ? (row.source_retry_count ?? 0) : row.retry_count) + 1,
    maxAttempts: dead ? null : row.retry_limit + 1,
    createdAt: row.created_on,
    at: kind === "RETRYING" ? row.start_after : dead ? row.created_on : row.completed_on,
  };
}

/** The failure a job's output records: our handlers' { name, message }, pg-boss's own, or a plain value. */
export function errorOf(output: unknown): TFailedJob["error"] {
  if (output === null || output === undefined) return null;
  if (typeof output === "string") return { name: null, message: output };
  if (typeof output === "object") {
    const o = output as { name?: unknown; message?: unknown; value?: unknown };
    if (typeof o.message === "string") return { name: typeof o.name === "string" ? o.name : null, message: o.message };
    if (typeof o.value === "string") return { name: null, message: o.value };
  }
  return { name: null, message: JSON.stringify(output).slice(0, 2000) };
}
