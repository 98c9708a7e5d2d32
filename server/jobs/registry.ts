// Every job of the app: the worker (worker.ts) creates their queues, schedules the cron ones and
// runs their handlers. A job is defined beside its domain (server/modules/<domain>/jobs/<name>.ts)
// and listed here; dossier-event subscribers are listed in dossier-events.ts instead.
import { releaseExpiredReservationsJob } from "../modules/dossier/jobs/release-expired-reservations";
import { officerDigestJob } from "../modules/notification/jobs/officer-digest";
import { sendDeliveryJob } from "../modules/notification/jobs/send-delivery";
import type { JobDefinition } from "./define";
import { DOSSIER_EVENT_SUBSCRIBERS } from "./dossier-events";

/** Jobs other than the dossier-event subscribers. */
export const JOBS: readonly JobDefinition<unknown>[] = [releaseExpiredReservationsJob, sendDeliveryJob, officerDigestJob];

/** Every registered job, subscribers included (read when a worker starts). */
export function allJobs(): readonly JobDefinition<unknown>[] {
  return [...DOSSIER_EVENT_SUBSCRIBERS, ...JOBS];
}
