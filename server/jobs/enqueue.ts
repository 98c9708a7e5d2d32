// enqueueJob: a job written in the caller's transaction. A transaction that rolls back leaves no
// job; one that commits always has it, and a worker runs it after the commit.
import type { DbTx } from "../db";
import { parseInput } from "../validation";
import type { JobDefinition } from "./define";
import { idempotentJobId } from "./queues";
import { withTransactionBoss } from "./transaction-boss";

export interface EnqueueOptions {
  /**
   * The ordering key, e.g. `dossier:<id>`: on a queue with `orderedByKey`, jobs with the same key
   * run one at a time in enqueue order (required there); elsewhere a label.
   */
  key?: string;
  /** Not before this time. */
  startAfter?: Date;
  /** A second enqueue of this job with the same key is a no-op (while pg-boss keeps the first). */
  idempotencyKey?: string;
}

export async function enqueueJob<D>(tx: DbTx, job: JobDefinition<D>, data: D, options: EnqueueOptions = {}): Promise<void> {
  const value = parseInput(job.schema, data);
  if (job.queue.orderedByKey && !options.key) throw new Error(`enqueueJob ${job.name}: an ordered queue needs a key`);
  await withTransactionBoss(
    tx,
    (boss, db) =>
      boss.send(job.name, asObject(job.name, value), {
        db,
        ...(options.key ? { singletonKey: options.key } : {}),
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.idempotencyKey ? { id: idempotentJobId(job.name, options.idempotencyKey) } : {}),
      }),
    job,
  );
}

/** pg-boss stores an object: a job's schema describes one (z.object). */
function asObject(name: string, value: unknown): object {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`enqueueJob ${name}: job data must be an object`);
  return value;
}
