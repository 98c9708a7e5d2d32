// Jobs that follow every dossier event (a DossierEvent row: submission, intake, each officer or
// applicant action). The command that writes the event calls enqueueDossierEventJobs in the same
// transaction, so each subscriber gets one job per event, after commit, in event order per dossier
// (key `dossier:<id>`; a subscriber that needs the order sets `queue: { orderedByKey: true }`).
// A subscriber reads the event and the dossier by id and decides what to do (notify, sync, ...).
import { z } from "zod";
import type { DbTx } from "../db";
import { dispatchDossierEventJob } from "../modules/notification/jobs/dispatch-dossier-event";
import type { JobDefinition } from "./define";
import { enqueueJob } from "./enqueue";

export const ZDossierEventJobSchema = z.object({ eventId: z.string().min(1), dossierId: z.string().min(1) });
export type TDossierEventJob = z.infer<typeof ZDossierEventJobSchema>;

/**
 * Every subscriber to dossier events. Add yours here (and only here: the registry includes them).
 * Tests and benchmarks may push a subscriber of their own for the duration of a run.
 */
export const DOSSIER_EVENT_SUBSCRIBERS: JobDefinition<TDossierEventJob>[] = [dispatchDossierEventJob];

export function dossierJobKey(dossierId: string): string {
  return `dossier:${dossierId}`;
}

/** One job per subscriber for this event, in the caller's transaction (the one that wrote the event). */
export async function enqueueDossierEventJobs(tx: DbTx, event: TDossierEventJob): Promise<void> {
  for (const subscriber of DOSSIER_EVENT_SUBSCRIBERS) {
    // The event id makes a replayed enqueue (a retried transaction) a no-op.
    await enqueueJob(tx, subscriber, event, { key: dossierJobKey(event.dossierId), idempotencyKey: event.eventId });
  }
}
