// The send job: one e-mail or SMS delivery, retried with backoff, then dead-lettered (listed on
// /admin/jobs, where a retry sends it once SMTP or the gateway is back).
import { z } from "zod";
import { defineJob, type JobQueueOptions } from "../../../jobs/define";
import { sendDelivery } from "../commands/send-delivery";

export const SEND_DELIVERY_QUEUE = {
  retryLimit: 6,
  retryDelaySeconds: 15,
  retryBackoff: true,
  // Longer than one SMTP or gateway timeout (20 s / 15 s); a worker that died mid-send hands the
  // job back after this, and the retry's Message-ID / client id makes the repeat harmless.
  expireInSeconds: 90,
} as const satisfies JobQueueOptions;

export const ZSendDeliveryJobSchema = z.object({ deliveryId: z.string().min(1).max(64) });

/** The job with other queue options (tests and benchmarks: short retries); the same queue name. */
export function sendDeliveryJobWith(queue: JobQueueOptions) {
  const retryLimit = queue.retryLimit ?? SEND_DELIVERY_QUEUE.retryLimit;
  return defineJob({
    name: "notification.send",
    schema: ZSendDeliveryJobSchema,
    queue,
    // The attempt after the last retry fails for good: the delivery says so (DEAD) as the job goes to the dead letters.
    handler: (db, data, ctx) => sendDelivery(db, data, { lastAttempt: ctx.attempt > retryLimit }),
  });
}

export const sendDeliveryJob = sendDeliveryJobWith(SEND_DELIVERY_QUEUE);
