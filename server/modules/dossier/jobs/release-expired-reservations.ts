// Every 15 minutes: mark offline-intake code reservations that expired unused as released, so the
// outstanding blocks are accurate even at an agency whose devices stopped asking for codes (the
// reserve call also does it, but only for whoever calls next).
import { z } from "zod";
import { defineJob } from "../../../jobs/define";
import { releaseExpiredReservations } from "../commands/release-expired-reservations";

export const releaseExpiredReservationsJob = defineJob({
  name: "dossier.release-expired-reservations",
  schema: z.object({}),
  cron: { schedule: "*/15 * * * *" },
  // Idempotent and cheap: the next occurrence catches up, so a failure needs few retries.
  queue: { retryLimit: 2, expireInSeconds: 120 },
  handler: async (db) => {
    await releaseExpiredReservations(db, { now: new Date() });
  },
});
