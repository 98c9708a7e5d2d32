// Dossier-event jobs are written in the command's own transaction: a committed command has exactly
// one job per subscriber per event, a rolled-back one none; an ordered subscriber runs each
// dossier's jobs in event order, even when one of them fails and is retried.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { act, createDesk, intake, key } from "../test/desk";
import { createDossier } from "../modules/dossier/commands/create-dossier";
import { useTestDb } from "../test/db";
import { dossierInput } from "../test/factories";
import { defineJob, type JobDefinition } from "./define";
import { DOSSIER_EVENT_SUBSCRIBERS, ZDossierEventJobSchema, type TDossierEventJob } from "./dossier-events";
import { jobRows, startTestWorker, testJobName, waitFor } from "./test-fixtures";

const db = useTestDb({ max: 4 });

interface Run {
  dossierId: string;
  eventId: string;
}
const orderedRuns: Run[] = [];
/** Event ids whose first attempt fails (the retry must still keep the dossier's order). */
const failOnce = new Set<string>();

const ordered = defineJob({
  name: testJobName("events-ordered"),
  schema: ZDossierEventJobSchema,
  queue: { orderedByKey: true, retryDelaySeconds: 1, retryBackoff: false },
  handler: async (_db, data, ctx) => {
    // Long enough that jobs of several dossiers overlap in one batch.
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
    if (failOnce.has(data.eventId) && ctx.attempt === 1) throw new Error("first attempt fails");
    orderedRuns.push(data);
  },
});
const plain = defineJob({ name: testJobName("events-plain"), schema: ZDossierEventJobSchema, handler: async () => {} });
/** Its schema refuses every event: enqueueing it throws after the other subscribers' jobs were written. */
const refusing = defineJob({
  name: testJobName("events-refusing"),
  schema: ZDossierEventJobSchema.extend({ never: z.literal(true) }),
  handler: async () => {},
});

function use(...subscribers: JobDefinition<TDossierEventJob>[]) {
  DOSSIER_EVENT_SUBSCRIBERS.splice(0, DOSSIER_EVENT_SUBSCRIBERS.length, ...subscribers);
}

beforeAll(() => use(ordered, plain));
afterAll(() => use());

async function jobsOf(dossierId: string, ...queues: string[]) {
  return (await jobRows(db, ...queues)).filter((j) => j.data.dossierId === dossierId);
}

describe("dossier-event jobs", () => {
  it("a committed intake and officer action have exactly one job per subscriber per event, keyed by dossier", async () => {
    const desk = await createDesk(db);
    const dossier = await intake(db, desk);
    const assignKey = key("assign");
    const assign = { action: "ASSIGN" as const, payload: { assigneeId: desk.specialist.id } };
    const version = (await db.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { version: true } })).version;
    const { applyDossierAction } = await import("../modules/dossier/commands/act");
    const command = { actorUserId: desk.leader.id, dossierId: dossier.id, expectedVersion: version, idempotencyKey: assignKey, ...assign };
    await applyDossierAction(db, command);
    // A replay answers from the first result and enqueues nothing more.
    expect((await applyDossierAction(db, command)).replayed).toBe(true);

    const events = await db.dossierEvent.findMany({ where: { dossierId: dossier.id }, orderBy: { resultingVersion: "asc" }, select: { id: true, action: true } });
    expect(events.map((e) => e.action)).toEqual(["INTAKE", "ASSIGN"]);
    for (const queue of [ordered.name, plain.name]) {
      const jobs = await jobsOf(dossier.id, queue);
      expect(jobs.map((j) => j.data.eventId)).toEqual(events.map((e) => e.id));
      expect(jobs.every((j) => j.singleton_key === `dossier:${dossier.id}` && j.state === "created")).toBe(true);
    }
  });

  it("an online submission has its jobs too", async () => {
    const desk = await createDesk(db);
    const created = await createDossier(db, dossierInput({ procedureVersionId: desk.version.id, agencyId: desk.agency.id }, { channel: 2, status: "NEW" }));
    const event = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: created.id }, select: { id: true, action: true } });
    expect(event.action).toBe("SUBMIT");
    expect((await jobsOf(created.id, plain.name)).map((j) => j.data.eventId)).toEqual([event.id]);
  });

  it("a rolled-back command leaves no job, even of the subscribers enqueued before the failure", async () => {
    const desk = await createDesk(db);
    const dossier = await intake(db, desk);
    const before = await jobsOf(dossier.id, ordered.name, plain.name);
    expect(before).toHaveLength(2);

    use(ordered, plain, refusing);
    try {
      const failed = act(db, desk.leader.id, dossier.id, { action: "COMMENT", payload: { note: "rolled back" } });
      await expect(failed).rejects.toBeInstanceOf(AppError);
      // Creation rolls back the same way: the refusal comes after the dossier's rows, in its transaction.
      const marker = `rolled-back-${key()}`;
      await expect(
        createDossier(db, dossierInput({ procedureVersionId: desk.version.id, agencyId: desk.agency.id }, { applicantName: marker })),
      ).rejects.toBeInstanceOf(AppError);
      expect(await db.dossier.count({ where: { applicantName: marker } })).toBe(0);
    } finally {
      use(ordered, plain);
    }
    expect(await db.dossierEvent.count({ where: { dossierId: dossier.id, action: "COMMENT" } })).toBe(0);
    expect(await jobsOf(dossier.id, ordered.name, plain.name)).toEqual(before);
    // Nothing reached the refusing queue, nor the others for the dossier that was never created.
    expect(await jobRows(db, refusing.name)).toEqual([]);
  });

  it("an ordered subscriber runs each dossier's jobs in event order, across dossiers in parallel, a failed job holding back its successors", async () => {
    const desk = await createDesk(db);
    const dossiers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const d = await intake(db, desk);
      for (let n = 1; n <= 3; n++) await act(db, desk.leader.id, d.id, { action: "COMMENT", payload: { note: `note ${n}` } });
      dossiers.push(d.id);
    }
    const events = await db.dossierEvent.findMany({
      where: { dossierId: { in: dossiers } },
      orderBy: [{ dossierId: "asc" }, { resultingVersion: "asc" }],
      select: { id: true, dossierId: true },
    });
    expect(events).toHaveLength(16);
    // The second event of the first dossier fails once: its third waits for the retry.
    failOnce.add(events.filter((e) => e.dossierId === dossiers[0])[1]!.id);

    // Listening (on PostgreSQL): woken by each enqueue, and by its own settled batches.
    const worker = await startTestWorker(db, [ordered], { batchSize: 8, listenNotify: true });
    try {
      await waitFor(() => orderedRuns.filter((r) => dossiers.includes(r.dossierId)).length, (n) => n >= 16, 30_000, "16 ordered runs");
    } finally {
      await worker.stop();
    }
    const runs = orderedRuns.filter((r) => dossiers.includes(r.dossierId));
    for (const id of dossiers) {
      expect(runs.filter((r) => r.dossierId === id).map((r) => r.eventId)).toEqual(events.filter((e) => e.dossierId === id).map((e) => e.id));
    }
    // Not one dossier after another: the worker interleaved them.
    const firstOfEach = dossiers.map((id) => runs.findIndex((r) => r.dossierId === id));
    expect(Math.max(...firstOfEach)).toBeLessThan(12);
  });
});
