// How a JobDefinition maps onto pg-boss queues: the queue (with its retry policy and dead-letter
// queue) and the dead-letter queue itself. The worker creates and updates them at start; an
// enqueue that finds its queue missing (a job enqueued before any worker ever ran: the seed, a
// test) creates it in its own transaction with the same options (transaction-boss.ts).
import { createHash } from "node:crypto";
import type { Queue } from "pg-boss";
import type { JobDefinition } from "./define";

/** The PostgreSQL schema pg-boss lives in (created by the migration 20261208000000_job_queue_pgboss). */
export const PGBOSS_SCHEMA = "pgboss";

/** Longest wait between retries when backing off. */
const RETRY_DELAY_MAX_SECONDS = 3600;
/** Dead letters wait a year for an administrator (pg-boss's longest retention). */
const DEAD_LETTER_RETENTION_SECONDS = 365 * 24 * 3600;

export type QueueOptions = Omit<Queue, "name">;

/**
 * `notify`: each enqueue also sends a NOTIFY so listening workers wake at once. Off unless the
 * workers listen (JOBS_LISTEN=1): it costs every enqueueing commit about 1.5 ms (measured on the
 * reference machine, and NOTIFY serialises committing transactions), while polling every second
 * already delivers well within the notifications' two-second goal.
 */
export function queueOptionsOf(job: JobDefinition<unknown>, options: { notify?: boolean } = {}): QueueOptions {
  const q = job.queue;
  return {
    policy: q.orderedByKey ? "key_strict_fifo" : "standard",
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelaySeconds,
    retryBackoff: q.retryBackoff,
    ...(q.retryBackoff ? { retryDelayMax: RETRY_DELAY_MAX_SECONDS } : {}),
    expireInSeconds: q.expireInSeconds,
    deadLetter: job.deadLetterQueue,
    notify: options.notify ?? false,
  };
}

/** The dead-letter queue is never worked: its jobs wait for /admin/jobs (retry or discard). */
export function deadLetterQueueOptions(): QueueOptions {
  return { policy: "standard", retentionSeconds: DEAD_LETTER_RETENTION_SECONDS, notify: false };
}

/**
 * The job id for an idempotency key: a UUID derived from (queue, key), so a second send with the
 * same key hits pg-boss's primary key (name, id) and inserts nothing, for as long as pg-boss keeps
 * the first job (completed jobs 7 days, failed ones until deleted or retried).
 */
export function idempotentJobId(queue: string, idempotencyKey: string): string {
  const hex = createHash("sha256").update(`${queue}\n${idempotencyKey}`).digest("hex");
  // RFC 4122 layout: version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
