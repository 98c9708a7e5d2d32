// What enqueueing a dossier event's jobs adds to an officer action: applyDossierAction with the
// dossier-event subscribers on and off, alternating command by command in one run so both modes see
// the same machine. Two actions: COMMENT (the cheapest, so the jobs' share is the largest) and
// ASSIGN (a leader assigning the appraisal, a typical state change). Goal (issue): p50 and p95 with
// jobs at most 1.15 times without. No worker runs: the cost measured is writing the jobs inside the
// command's transaction.
//
// Env: BENCH_ACTIONS (commands per mode; default 400, 100 on the embedded database), BENCH_SUBSCRIBERS
// (stand-in subscribers when none is registered yet; default 1).
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { createDb } from "../server/db";
import { defineJob, type JobDefinition } from "../server/jobs/define";
import { DOSSIER_EVENT_SUBSCRIBERS, type TDossierEventJob } from "../server/jobs/dossier-events";
import { act, createDesk, intake } from "../server/test/desk";
import { percentile, type Bench, type BenchFigure } from "./types";

const GOAL_RATIO = 1.15;

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

const bench: Bench = async ({ databaseUrl, embedded, log }) => {
  const perMode = envInt("BENCH_ACTIONS", embedded ? 100 : 400);
  const db = createDb({ url: databaseUrl, max: 2 });
  const registered = [...DOSSIER_EVENT_SUBSCRIBERS];
  // Until the notifications exist, stand-ins with the shape a notification subscriber has (ordered per dossier).
  const subscribers: JobDefinition<TDossierEventJob>[] =
    registered.length > 0
      ? registered
      : Array.from({ length: envInt("BENCH_SUBSCRIBERS", 1) }, (_, i) =>
          defineJob({ name: `bench.dossier-event-${i + 1}`, schema: z.object({ eventId: z.string(), dossierId: z.string() }), queue: { orderedByKey: true }, handler: async () => {} }),
        );
  const use = (on: boolean) => DOSSIER_EVENT_SUBSCRIBERS.splice(0, DOSSIER_EVENT_SUBSCRIBERS.length, ...(on ? subscribers : []));
  try {
    log(`${subscribers.length} subscriber(s)${registered.length > 0 ? "" : " (stand-ins: none is registered)"}; ${perMode} commands per mode and action`);
    use(false);
    const desk = await createDesk(db);
    const dossiers: string[] = [];
    for (let i = 0; i < 20; i++) dossiers.push((await intake(db, desk)).id);
    const specialists = [desk.specialist.id, desk.specialist2.id];
    const commands = {
      comment: (i: number) => act(db, desk.leader.id, dossiers[i % dossiers.length]!, { action: "COMMENT", payload: { note: `Ghi chú ${i}` } }),
      // Each dossier's assignee alternates between the two specialists.
      assign: (i: number) =>
        act(db, desk.leader.id, dossiers[i % dossiers.length]!, { action: "ASSIGN", payload: { assigneeId: specialists[Math.floor(i / dossiers.length) % 2]! } }),
    };

    const figures: BenchFigure[] = [{ name: "job_enqueue_subscribers", value: subscribers.length, unit: "" }];
    for (const [label, command] of Object.entries(commands)) {
      // Warm up both modes: the pool, Prisma's plans, pg-boss's producer and its queues.
      for (let i = 0; i < 40; i++) {
        use(i % 2 === 0);
        await command(i);
      }
      const timings = { on: [] as number[], off: [] as number[] };
      for (let i = 40; i < 40 + 2 * perMode; i++) {
        const on = i % 2 === 0;
        use(on);
        const t0 = performance.now();
        await command(i);
        (on ? timings.on : timings.off).push(performance.now() - t0);
      }
      const p = (values: number[], q: number) => percentile(values, q);
      const ratio50 = p(timings.on, 50) / p(timings.off, 50);
      const ratio95 = p(timings.on, 95) / p(timings.off, 95);
      log(`${label}: p50 ratio ${ratio50.toFixed(3)}, p95 ratio ${ratio95.toFixed(3)} (goal <= ${GOAL_RATIO})`);
      figures.push(
        { name: `act_${label}_jobs_off_p50`, value: p(timings.off, 50), unit: "ms" },
        { name: `act_${label}_jobs_off_p95`, value: p(timings.off, 95), unit: "ms" },
        { name: `act_${label}_jobs_on_p50`, value: p(timings.on, 50), unit: "ms" },
        { name: `act_${label}_jobs_on_p95`, value: p(timings.on, 95), unit: "ms" },
        { name: `act_${label}_jobs_ratio_p50`, value: ratio50, unit: "" },
        { name: `act_${label}_jobs_ratio_p95`, value: ratio95, unit: "" },
      );
    }
    return figures;
  } finally {
    use(false);
    DOSSIER_EVENT_SUBSCRIBERS.splice(0, DOSSIER_EVENT_SUBSCRIBERS.length, ...registered);
    await db.$disconnect();
  }
};

export default bench;
