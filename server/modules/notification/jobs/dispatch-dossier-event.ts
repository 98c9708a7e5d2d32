// The dispatcher: a subscriber to every dossier event (server/jobs/dossier-events.ts), in event
// order per dossier, writing what the event tells whom (commands/notify-dossier-event.ts).
import { defineJob } from "../../../jobs/define";
import { z } from "zod";
import { notifyDossierEvent } from "../commands/notify-dossier-event";

// The subscribers' data shape (server/jobs/dossier-events.ts), spelled here: that file lists this job,
// and importing it back would be a cycle.
const ZEventJob = z.object({ eventId: z.string().min(1), dossierId: z.string().min(1) });

export const dispatchDossierEventJob = defineJob({
  name: "notification.dossier-event",
  schema: ZEventJob,
  queue: { orderedByKey: true, retryLimit: 8, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 120 },
  handler: async (db, data) => {
    await notifyDossierEvent(db, { eventId: data.eventId });
  },
});
