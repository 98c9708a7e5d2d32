// A job: a named queue on pg-boss, the zod schema of its data, and the handler the worker runs
// after the enqueueing transaction commits. Domain jobs live in server/modules/<domain>/jobs/<name>.ts
// and are listed in server/jobs/registry.ts (dossier-event subscribers in server/jobs/dossier-events.ts).
import type { z } from "zod";
import type { Db } from "../db";

/** What a handler knows about the run it is in. */
export interface JobContext {
  /** pg-boss's id of the job (stable across retries of one job). */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  /** Aborted when the job expires or the worker's shutdown grace runs out: stop and throw. */
  signal: AbortSignal;
}

export interface JobQueueOptions {
  /** Retries after the first failure before the job is dead-lettered. Default 5. */
  retryLimit?: number;
  /** Delay before the first retry. Default 10 s. */
  retryDelaySeconds?: number;
  /** Double the delay on each retry (with jitter), capped at 1 hour. Default true. */
  retryBackoff?: boolean;
  /** A run taking longer fails (and is retried). Default 300 s. */
  expireInSeconds?: number;
  /**
   * Strict FIFO per key (pg-boss `key_strict_fifo`): jobs with the same `key` run one at a time in
   * the order they were enqueued; a failing job holds back its successors until it succeeds, or is
   * retried or discarded from /admin/jobs. Every enqueue then needs a key. Fixed when the queue is
   * first created.
   */
  orderedByKey?: boolean;
}

export interface JobCron {
  /** Cron expression (5 fields). pg-boss sends at most one job a minute per schedule. */
  schedule: string;
  /** Default Asia/Ho_Chi_Minh. */
  tz?: string;
}

export interface JobDefinitionInput<D> {
  /** The queue name: `<domain>.<verb-noun>`, letters, digits, `.`, `-`, `_` only. */
  name: string;
  schema: z.ZodType<D>;
  /**
   * Runs after commit, at least once: a retry after a crash may repeat work already done, so the
   * handler must be idempotent (key its writes by the job's data, check before sending).
   */
  // A method, so a JobDefinition<D> is also a JobDefinition<unknown> (lists of jobs).
  handler(db: Db, data: D, ctx: JobContext): Promise<void>;
  queue?: JobQueueOptions;
  /** Run on a schedule, once per occurrence across every worker. The job's data is then `{}`. */
  cron?: JobCron;
}

export interface JobDefinition<D = unknown> extends JobDefinitionInput<D> {
  readonly queue: Readonly<Required<JobQueueOptions>>;
  /** The queue that keeps this job's dead letters (pg-boss deadLetter). */
  readonly deadLetterQueue: string;
}

export const DEFAULT_JOB_QUEUE: Readonly<Required<JobQueueOptions>> = {
  retryLimit: 5,
  retryDelaySeconds: 10,
  retryBackoff: true,
  expireInSeconds: 300,
  orderedByKey: false,
};

export const DEFAULT_CRON_TZ = "Asia/Ho_Chi_Minh";

const NAME = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/;

/** Dead letters of every queue live in `dead/<queue>`: one prefix lists them all. */
export const DEAD_LETTER_PREFIX = "dead/";

export function deadLetterQueueOf(name: string): string {
  return `${DEAD_LETTER_PREFIX}${name}`;
}

export function defineJob<D>(input: JobDefinitionInput<D>): JobDefinition<D> {
  if (!NAME.test(input.name)) throw new Error(`defineJob: "${input.name}" is not a job name like "dossier.release-expired-reservations"`);
  if (input.cron && !input.cron.schedule.trim()) throw new Error(`defineJob ${input.name}: empty cron schedule`);
  return {
    ...input,
    queue: { ...DEFAULT_JOB_QUEUE, ...definedOnly(input.queue ?? {}) },
    deadLetterQueue: deadLetterQueueOf(input.name),
    ...(input.cron ? { cron: { schedule: input.cron.schedule, tz: input.cron.tz ?? DEFAULT_CRON_TZ } } : {}),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
