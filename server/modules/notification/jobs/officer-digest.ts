// The officers' morning digest: 07:00 Vietnam time every day; the command skips agencies whose
// calendar says today is not a working day, so weekends, holidays and swapped days follow the
// holiday table without a cron expression for each.
import { z } from "zod";
import { defineJob } from "../../../jobs/define";
import { writeOfficerDigests } from "../commands/write-officer-digests";

export const officerDigestJob = defineJob({
  name: "notification.officer-digest",
  schema: z.object({}).passthrough(),
  cron: { schedule: "0 7 * * *", tz: "Asia/Ho_Chi_Minh" },
  queue: { retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 600 },
  handler: async (db) => {
    await writeOfficerDigests(db);
  },
});
