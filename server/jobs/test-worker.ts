// A worker process for server/jobs/worker.int.test.ts: scripts/worker.ts's own process (signals,
// grace, exit) with one test job. Its handler records each attempt in test_job_runs (the test
// creates the table), then works for TEST_JOB_MS unless aborted.
import { z } from "zod";
import { exitOnError, runWorkerProcess } from "../../scripts/worker";
import { defineJob } from "./define";

const name = process.env.TEST_JOB_NAME;
const workMs = Number(process.env.TEST_JOB_MS ?? 1000);
if (!name) throw new Error("TEST_JOB_NAME is not set");

const job = defineJob({
  name,
  schema: z.object({ label: z.string() }),
  queue: { retryDelaySeconds: 1, retryBackoff: false },
  handler: async (db, data, ctx) => {
    await db.$executeRawUnsafe(`INSERT INTO test_job_runs (job_id, attempt, phase, pid) VALUES ($1::uuid, $2, 'started', $3)`, ctx.jobId, ctx.attempt, process.pid);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, workMs);
      ctx.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new Error(`aborted: ${data.label}`));
      });
    });
    await db.$executeRawUnsafe(`INSERT INTO test_job_runs (job_id, attempt, phase, pid) VALUES ($1::uuid, $2, 'finished', $3)`, ctx.jobId, ctx.attempt, process.pid);
  },
});

runWorkerProcess({ jobs: [job] }).catch(exitOnError);
