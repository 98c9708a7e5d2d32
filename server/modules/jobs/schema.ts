// The failed-jobs page (/admin/jobs): what it lists and what it asks. Isomorphic.
import { z } from "zod";

/**
 * DEAD: retries used up; the job waits in its dead-letter queue (`dead/<queue>`).
 * RETRYING: failed at least once, another attempt is scheduled.
 * FAILED: retries used up on a queue without a dead-letter queue.
 */
export const FAILED_JOB_KINDS = ["DEAD", "RETRYING", "FAILED"] as const;
export type TFailedJobKind = (typeof FAILED_JOB_KINDS)[number];

/** A job as the page names it: the pg-boss queue its row is in, and its id there. */
export const ZJobRefSchema = z.object({
  queue: z.string().trim().min(1).max(200).regex(/^[\w.\-/]+$/),
  id: z.uuid(),
});
export type TJobRef = z.infer<typeof ZJobRefSchema>;

export const ZFailedJobSchema = z.object({
  queue: z.string(),
  id: z.string(),
  kind: z.enum(FAILED_JOB_KINDS),
  /** The queue the job belongs to (for a dead letter, the one it failed on). */
  jobName: z.string(),
  key: z.string().nullable(),
  data: z.unknown(),
  error: z.object({ name: z.string().nullable(), message: z.string() }).nullable(),
  /** Runs so far. */
  attempts: z.number().int(),
  /** Runs allowed (the first one and its retries). */
  maxAttempts: z.number().int().nullable(),
  createdAt: z.date(),
  /** When it last failed (DEAD, FAILED), or when it next runs (RETRYING). */
  at: z.date().nullable(),
});
export type TFailedJob = z.infer<typeof ZFailedJobSchema>;

export const ZFailedJobListInputSchema = z.object({
  kind: z.enum(FAILED_JOB_KINDS).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TFailedJobListInput = z.input<typeof ZFailedJobListInputSchema>;

export const ZFailedJobPageSchema = z.object({
  items: z.array(ZFailedJobSchema),
  counts: z.object({ DEAD: z.number().int(), RETRYING: z.number().int(), FAILED: z.number().int() }),
});
export type TFailedJobPage = z.infer<typeof ZFailedJobPageSchema>;

export const ZJobActionResultSchema = z.object({
  /** retried: runs again (in place, or moved back from the dead-letter queue); discarded: gone. */
  outcome: z.enum(["retried", "discarded"]),
});
export type TJobActionResult = z.infer<typeof ZJobActionResultSchema>;
