// The worker against PostgreSQL: retries with backoff, then the dead-letter queue and the admin's
// retry and discard (audited); SIGTERM mid-job (the job finishes within the grace, or comes back
// and runs once); a cron job run once per occurrence by two workers.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { z } from "zod";
import { discardFailedJob } from "../modules/jobs/commands/discard-failed-job";
import { retryFailedJob } from "../modules/jobs/commands/retry-failed-job";
import { releaseExpiredReservationsJob } from "../modules/dossier/jobs/release-expired-reservations";
import { listFailedJobs } from "../modules/jobs/queries";
import { useTestDb } from "../test/db";
import { createAgency, createUser } from "../test/factories";
import { defineJob } from "./define";
import { enqueueJob } from "./enqueue";
import { PGBOSS_SCHEMA } from "./queues";
import { jobRows, startTestWorker, testJobName, waitFor } from "./test-fixtures";

const db = useTestDb({ max: 4 });
const root = resolve(import.meta.dirname, "../..");

let admin: { id: string };
let agencyAdmin: { id: string };
beforeAll(async () => {
  const ministry = await createAgency(db, { kind: "MINISTRY", provinceName: null });
  const province = await createAgency(db);
  admin = await createUser(db, { memberships: [{ agencyId: ministry.id, role: "SYSTEM_ADMIN" }] });
  agencyAdmin = await createUser(db, { memberships: [{ agencyId: province.id, role: "AGENCY_ADMIN" }] });
  await db.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS test_job_runs (job_id uuid NOT NULL, attempt int NOT NULL, phase text NOT NULL, pid int NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  );
});

async function send<D>(job: Parameters<typeof enqueueJob<D>>[1], data: D): Promise<void> {
  await db.$transaction((tx) => enqueueJob(tx, job, data));
}

describe("failures", () => {
  const attempts: Array<{ n: number; attempt: number; at: number }> = [];
  let refuse = true;
  const flaky = defineJob({
    name: testJobName("flaky"),
    schema: z.object({ n: z.number() }),
    queue: { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true },
    handler: async (_db, data, ctx) => {
      attempts.push({ n: data.n, attempt: ctx.attempt, at: Date.now() });
      if (refuse) throw new Error(`refused ${data.n}`);
    },
  });
  const slowRetry = defineJob({
    name: testJobName("slow-retry"),
    schema: z.object({ n: z.number() }),
    queue: { retryLimit: 3, retryDelaySeconds: 3600, retryBackoff: false },
    handler: async (_db, data, ctx) => {
      attempts.push({ n: data.n, attempt: ctx.attempt, at: Date.now() });
      if (ctx.attempt === 1) throw new Error(`not yet ${data.n}`);
    },
  });
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  // Polling only, every half second: the gaps between attempts are the retry delays.
  beforeAll(async () => {
    worker = await startTestWorker(db, [flaky, slowRetry], { listenNotify: false });
  });
  afterAll(() => worker.stop());
  const of = (n: number) => attempts.filter((a) => a.n === n);

  it("retries with backoff, then dead-letters the job; the administrator sees its error and retries it; it runs again", async () => {
    await send(flaky, { n: 1 });
    await waitFor(() => jobRows(db, flaky.deadLetterQueue), (rows) => rows.length === 1, 30_000, "the dead letter");
    expect(of(1).map((a) => a.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = of(1);
    // Backoff: the second wait is at least twice the base delay (a fixed delay would be ~1 s again).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(1950);
    const [original] = await jobRows(db, flaky.name);
    expect(original).toMatchObject({ state: "failed" });

    await expect(listFailedJobs(db, { actorUserId: agencyAdmin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page = await listFailedJobs(db, { actorUserId: admin.id, kind: "DEAD" });
    const dead = page.items.find((j) => j.jobName === flaky.name)!;
    expect(dead).toMatchObject({ kind: "DEAD", queue: flaky.deadLetterQueue, attempts: 3, data: { n: 1 }, error: { message: "refused 1" } });
    expect(page.counts.DEAD).toBeGreaterThanOrEqual(1);

    refuse = false;
    expect(await retryFailedJob(db, { actorUserId: admin.id, queue: dead.queue, id: dead.id })).toEqual({ outcome: "retried" });
    await waitFor(() => jobRows(db, flaky.name), (rows) => rows[0]?.state === "completed", 20_000, "the retried job to complete");
    expect(of(1).map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(await jobRows(db, flaky.deadLetterQueue)).toEqual([]);
    expect((await listFailedJobs(db, { actorUserId: admin.id })).items.some((j) => j.jobName === flaky.name)).toBe(false);
    const audit = await db.auditLog.findMany({ where: { entity: "Job", entityId: dead.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: "retry", before: { jobName: flaky.name, kind: "DEAD" } });
    // Retried already: a second retry of the same dead letter finds nothing.
    await expect(retryFailedJob(db, { actorUserId: admin.id, queue: dead.queue, id: dead.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a discarded dead letter is gone, with its original job, and the discard is audited", async () => {
    refuse = true;
    await send(flaky, { n: 2 });
    const [row] = await waitFor(() => jobRows(db, flaky.deadLetterQueue), (rows) => rows.length === 1, 30_000, "the dead letter");
    expect(await discardFailedJob(db, { actorUserId: admin.id, queue: row!.name, id: row!.id })).toEqual({ outcome: "discarded" });
    expect(await jobRows(db, flaky.deadLetterQueue)).toEqual([]);
    expect((await jobRows(db, flaky.name)).filter((j) => j.data.n === 2)).toEqual([]);
    expect(await db.auditLog.count({ where: { entity: "Job", entityId: row!.id, action: "discard" } })).toBe(1);
    expect(of(2)).toHaveLength(3);
  });

  it("a job waiting for its next attempt is listed with its error and can be retried now", async () => {
    await send(slowRetry, { n: 3 });
    const page = await waitFor(
      () => listFailedJobs(db, { actorUserId: admin.id, kind: "RETRYING" }),
      (p) => p.items.some((j) => j.jobName === slowRetry.name),
      20_000,
      "the retrying job",
    );
    const retrying = page.items.find((j) => j.jobName === slowRetry.name)!;
    expect(retrying).toMatchObject({ kind: "RETRYING", attempts: 1, maxAttempts: 4, error: { message: "not yet 3" } });
    expect(retrying.at!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
    await retryFailedJob(db, { actorUserId: admin.id, queue: retrying.queue, id: retrying.id });
    await waitFor(() => jobRows(db, slowRetry.name), (rows) => rows[0]?.state === "completed", 20_000, "the job to complete");
    expect(of(3).map((a) => a.attempt)).toEqual([1, 2]);
  });
});

describe("SIGTERM", () => {
  interface RunRow {
    job_id: string;
    attempt: number;
    phase: string;
    pid: number;
  }
  const runsOf = (jobId: string) =>
    db.$queryRawUnsafe<RunRow[]>(`SELECT job_id::text, attempt, phase, pid FROM test_job_runs WHERE job_id = $1::uuid ORDER BY at`, jobId);

  function startWorkerProcess(name: string, workMs: number, graceSeconds: number): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
    const child = spawn(process.execPath, ["--import", "tsx", resolve(root, "server/jobs/test-worker.ts")], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: inject("databaseUrl"),
        JOBS_POOL_MAX: inject("databaseEmbedded") ? "1" : "2",
        JOBS_POLL_SECONDS: "0.5",
        JOBS_SHUTDOWN_SECONDS: String(graceSeconds),
        TEST_JOB_NAME: name,
        TEST_JOB_MS: String(workMs),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    return { child, exited, output: () => output };
  }

  async function sendAndWaitForStart(name: string, label: string) {
    const job = defineJob({ name, schema: z.object({ label: z.string() }), queue: { retryDelaySeconds: 1, retryBackoff: false }, handler: async () => {} });
    await send(job, { label });
    const [row] = await waitFor(() => jobRows(db, name), (rows) => rows.length === 1, 10_000, "the job row");
    await waitFor(() => runsOf(row!.id), (runs) => runs.some((r) => r.phase === "started"), 60_000, "the job to start");
    return { job, jobId: row!.id };
  }

  it("a job running when the worker gets SIGTERM finishes within the grace; the worker then exits 0", async () => {
    const name = testJobName("sigterm-finish");
    const worker = startWorkerProcess(name, 1500, 20);
    try {
      const { jobId } = await sendAndWaitForStart(name, "finish");
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      const runs = await runsOf(jobId);
      expect(runs.map((r) => `${r.attempt}:${r.phase}`)).toEqual(["1:started", "1:finished"]);
      expect((await jobRows(db, name))[0]).toMatchObject({ state: "completed" });
    } finally {
      worker.child.kill("SIGKILL");
    }
  });

  it("a job still running when the grace ends is handed back and runs once, on the next worker", async () => {
    const name = testJobName("sigterm-handback");
    const first = startWorkerProcess(name, 120_000, 1);
    let second: ReturnType<typeof startWorkerProcess> | undefined;
    try {
      const { jobId } = await sendAndWaitForStart(name, "hand back");
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      const handedBack = (await jobRows(db, name))[0]!;
      expect(handedBack.state).toBe("retry");
      // The next worker (restarted) finishes it.
      second = startWorkerProcess(name, 200, 20);
      await waitFor(() => jobRows(db, name), (rows) => rows[0]?.state === "completed", 60_000, "the handed-back job to complete");
      const runs = await runsOf(jobId);
      expect(runs.filter((r) => r.phase === "finished")).toHaveLength(1);
      expect(runs.map((r) => `${r.attempt}:${r.phase}`)).toEqual(["1:started", "2:started", "2:finished"]);
      expect(new Set(runs.map((r) => r.pid)).size).toBe(2);
    } finally {
      first.child.kill("SIGKILL");
      second?.child.kill("SIGTERM");
      await second?.exited;
    }
  });
});

describe("cron", () => {
  it("sends a scheduled occurrence once, however many workers look for it", async () => {
    const ran: string[] = [];
    // Due every second; pg-boss sends one job per minute slot, so in a minute only one is due.
    const tick = defineJob({
      name: testJobName("cron"),
      schema: z.object({}),
      cron: { schedule: "* * * * * *", tz: "Asia/Ho_Chi_Minh" },
      handler: async (_db, _data, ctx) => {
        ran.push(ctx.jobId);
      },
    });
    // Two workers, each looking every second: a dozen passes find the same occurrence due.
    const options = { schedule: true, cronIntervalSeconds: 1 } as const;
    const [a, b] = await Promise.all([startTestWorker(db, [tick], { ...options, name: "cron-a" }), startTestWorker(db, [tick], { ...options, name: "cron-b" })]);
    try {
      await waitFor(() => ran.length, (n) => n >= 1, 30_000, "the first occurrence");
      await new Promise((r) => setTimeout(r, 6000));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.$executeRawUnsafe(`DELETE FROM ${PGBOSS_SCHEMA}.schedule WHERE name = $1`, tick.name);
    }
    const rows = await db.$queryRawUnsafe<Array<{ id: string; state: string; created_on: Date }>>(
      `SELECT id::text, state::text, created_on FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 ORDER BY created_on`,
      tick.name,
    );
    // One job per minute slot (the run may straddle a minute), each run exactly once.
    const minutes = rows.map((r) => Math.floor(r.created_on.getTime() / 60_000));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(new Set(minutes).size).toBe(rows.length);
    expect(rows.every((r) => r.state === "completed")).toBe(true);
    expect([...ran].sort()).toEqual(rows.map((r) => r.id).sort());
  });
});

describe("the app's jobs", () => {
  it("a worker with the registry schedules its cron jobs in Vietnam time and unschedules those no longer defined", async () => {
    const gone = testJobName("gone");
    await db.$executeRawUnsafe(`SELECT ${PGBOSS_SCHEMA}.create_queue($1, '{"policy":"standard"}'::jsonb)`, gone);
    await db.$executeRawUnsafe(
      `INSERT INTO ${PGBOSS_SCHEMA}.schedule (name, key, cron, timezone) VALUES ($1, '', '0 0 1 1 *', 'UTC')`,
      gone,
    );
    // Scheduling only: the cron passes (every 30 s) would not fire within the test anyway.
    const worker = await startTestWorker(db, null, { schedule: true, batchSize: 1 });
    try {
      const schedules = await db.$queryRawUnsafe<Array<{ name: string; cron: string; timezone: string }>>(
        `SELECT name, cron, timezone FROM ${PGBOSS_SCHEMA}.schedule WHERE name = ANY($1::text[])`,
        [releaseExpiredReservationsJob.name, gone],
      );
      expect(schedules).toEqual([{ name: releaseExpiredReservationsJob.name, cron: "*/15 * * * *", timezone: "Asia/Ho_Chi_Minh" }]);
      expect(worker.queues).toContain(releaseExpiredReservationsJob.name);
    } finally {
      await worker.stop();
      await db.$executeRawUnsafe(`DELETE FROM ${PGBOSS_SCHEMA}.schedule WHERE name = $1`, releaseExpiredReservationsJob.name);
    }
    // Its handler is the existing bookkeeping, callable as the worker calls it.
    await releaseExpiredReservationsJob.handler(db, {}, { jobId: "manual", attempt: 1, signal: new AbortController().signal });
  });
});
