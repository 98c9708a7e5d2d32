// The worker: runs every registered job's handler, and the scheduled ones, on pg-boss with its own
// small pool. Any number of workers, on any number of machines, share the queues: pg-boss hands
// each job to one of them (SELECT … FOR UPDATE SKIP LOCKED), and cron occurrences are sent once
// across all of them. `npm start` runs one (scripts/start.ts), `npm run worker` one more
// (scripts/worker.ts).
//
// Failures: a handler that throws is retried with backoff (the job's queue options), then its job
// is dead-lettered (`dead/<queue>`) and listed on /admin/jobs. Stopping (SIGTERM): no new fetches;
// running handlers get `shutdownTimeoutSeconds` to finish, then their signal aborts and their jobs
// are handed back as failed attempts (retried by whichever worker runs next). A worker that dies
// without stopping leaves its jobs active until they expire (`expireInSeconds`), then they are retried.
import { PgBoss, type JobResult, type WorkOptions } from "pg-boss";
import type { Db } from "../db";
import type { JobDefinition } from "./define";
import { deadLetterQueueOptions, PGBOSS_SCHEMA, queueOptionsOf } from "./queues";
import { allJobs } from "./registry";

export interface WorkerOptions {
  /** The handlers' database. */
  db: Db;
  /** pg-boss's own pool connects here (the same database as `db`). */
  connectionString: string;
  /** The jobs to run. Default: every registered job (registry.ts). */
  jobs?: readonly JobDefinition<unknown>[];
  /** pg-boss's pool size. Default 4 (JOBS_POOL_MAX); keep small on the embedded database. */
  poolMax?: number;
  /** How often an idle queue is polled. Default 1 s (at least 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * Wake on NOTIFY instead of waiting for the poll, and make every enqueue send one (queues.ts says
   * what that costs). Default off; never on the embedded database (NOTIFY does not arrive through it).
   */
  listenNotify?: boolean;
  /** Jobs fetched per poll per queue, run concurrently. Default 5. */
  batchSize?: number;
  /** Grace for running handlers on stop. Default 25 s. */
  shutdownTimeoutSeconds?: number;
  /** Run the cron scheduler in this worker. Default true. */
  schedule?: boolean;
  /**
   * How often the scheduler looks for due occurrences (1 to 45 s). Default: pg-boss's (a pass every
   * 30 s, sent within 5 s), plenty for schedules in minutes.
   */
  cronIntervalSeconds?: number;
  /** Maintenance (expired jobs, retention). Default 60 s. */
  superviseIntervalSeconds?: number;
  /**
   * Unschedule cron jobs no longer in `jobs` (a removed job must stop firing). Default: true when
   * `jobs` is the whole registry.
   */
  pruneSchedules?: boolean;
  /** A name in pg-boss's instance registry. */
  name?: string;
  log?: (line: string) => void;
}

export interface Worker {
  /** Stop fetching, let running handlers finish within the grace, hand the rest back, close the pool. */
  stop(): Promise<void>;
  /** The queues this worker works. */
  readonly queues: readonly string[];
  /** True when the worker listens for NOTIFY (else it polls). */
  readonly listening: boolean;
}

const DEFAULTS = { poolMax: 4, pollingIntervalSeconds: 1, batchSize: 5, shutdownTimeoutSeconds: 25, superviseIntervalSeconds: 60 };

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const jobs = options.jobs ?? allJobs();
  assertUniqueNames(jobs);
  const listenNotify = (options.listenNotify ?? false) && !(await isEmbeddedDatabase(options.db));
  const polling = Math.max(0.5, options.pollingIntervalSeconds ?? DEFAULTS.pollingIntervalSeconds);
  const scheduling = options.schedule ?? true;

  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: PGBOSS_SCHEMA,
    max: options.poolMax ?? DEFAULTS.poolMax,
    application_name: "motcua-worker",
    // The migration installed the schema; a newer pg-boss migrates it here.
    migrate: true,
    supervise: true,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? DEFAULTS.superviseIntervalSeconds,
    schedule: scheduling,
    ...(options.cronIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronIntervalSeconds, cronWorkerIntervalSeconds: options.cronIntervalSeconds } : {}),
    useListenNotify: listenNotify,
    instanceName: options.name ?? "motcua-worker",
    openTelemetry: { enabled: false },
  });
  boss.on("error", (error) => log(`pg-boss error: ${error.message}`));
  boss.on("warning", (warning) => log(`pg-boss warning: ${warning.message}`));
  await boss.start({ attempts: 5 });

  try {
    for (const job of jobs) await ensureQueues(boss, job, listenNotify, log);
    if (scheduling) await ensureSchedules(boss, jobs, options.pruneSchedules ?? options.jobs === undefined, log);

    const workOptions = {
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      pollingIntervalSeconds: polling,
      // Listening: the poll is only a backstop for a missed NOTIFY and for jobs that become due
      // without one (retries, startAfter).
      notifyPollingIntervalSeconds: Math.max(polling, 2),
      // A full batch: more are waiting, fetch again at once.
      burstWhenBatchFull: true,
      perJobResults: true,
    } as const satisfies WorkOptions;
    for (const job of jobs) {
      // Known once work() returns; a batch fetched before that just waits for the next poll.
      const work: { id?: string } = {};
      work.id = await boss.work<unknown, unknown, typeof workOptions>(job.name, workOptions, async (batch) => {
        const results = await Promise.all(batch.map((entry) => runOne(options.db, job, entry, log)));
        // Fetch again as soon as this batch is settled instead of waiting for the poll: finishing a
        // job makes the next one of its key runnable (ordered queues) without any NOTIFY.
        if (work.id) boss.notifyWorker(work.id);
        return results;
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  log(`working ${jobs.length} queue(s)${listenNotify ? " (listening)" : ` (polling every ${polling} s)`}`);

  let stopping: Promise<void> | undefined;
  return {
    queues: jobs.map((j) => j.name),
    listening: listenNotify,
    stop() {
      stopping ??= boss.stop({ graceful: true, timeout: 1000 * (options.shutdownTimeoutSeconds ?? DEFAULTS.shutdownTimeoutSeconds) });
      return stopping;
    },
  };
}

async function runOne(
  db: Db,
  job: JobDefinition<unknown>,
  entry: { id: string; data: unknown; retryCount: number; signal: AbortSignal },
  log: (line: string) => void,
): Promise<JobResult> {
  try {
    const parsed = job.schema.safeParse(entry.data);
    if (!parsed.success) throw new Error(`job data does not match ${job.name}'s schema: ${parsed.error.message}`);
    await job.handler(db, parsed.data, { jobId: entry.id, attempt: entry.retryCount + 1, signal: entry.signal });
    return { id: entry.id, status: "completed" };
  } catch (error) {
    const failure = describeError(error);
    log(`${job.name} ${entry.id} attempt ${entry.retryCount + 1} failed: ${failure.message}`);
    return { id: entry.id, status: "failed", output: failure };
  }
}

/** What a failed attempt leaves on the job (pg-boss's output): shown on /admin/jobs. */
export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: typeof code === "string" ? `${error.name} ${code}` : error.name,
      message: error.message,
      ...(error.stack ? { stack: error.stack.split("\n").slice(0, 12).join("\n") } : {}),
    };
  }
  return { name: "Error", message: String(error) };
}

async function ensureQueues(boss: PgBoss, job: JobDefinition<unknown>, notify: boolean, log: (line: string) => void): Promise<void> {
  await boss.createQueue(job.deadLetterQueue, deadLetterQueueOptions());
  const options = queueOptionsOf(job, { notify });
  await boss.createQueue(job.name, options);
  const existing = await boss.getQueue(job.name);
  if (existing && existing.policy !== options.policy) {
    log(`queue ${job.name} has policy ${existing.policy}, the job asks for ${options.policy}: a policy is fixed when the queue is created (delete the queue to change it)`);
  }
  // Options other than the policy follow the definition (retries, expiry, dead letters).
  const { policy: _policy, partition: _partition, ...changeable } = options;
  await boss.updateQueue(job.name, changeable);
}

async function ensureSchedules(boss: PgBoss, jobs: readonly JobDefinition<unknown>[], prune: boolean, log: (line: string) => void): Promise<void> {
  const cron = jobs.filter((j) => j.cron);
  for (const job of cron) await boss.schedule(job.name, job.cron!.schedule, {}, { tz: job.cron!.tz });
  if (!prune) return;
  const wanted = new Set(cron.map((j) => j.name));
  for (const schedule of await boss.getSchedules()) {
    if (!wanted.has(schedule.name)) {
      log(`unscheduling ${schedule.name} (no such cron job any more)`);
      await boss.unschedule(schedule.name, schedule.key);
    }
  }
}

function assertUniqueNames(jobs: readonly JobDefinition<unknown>[]): void {
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new Error(`two jobs are named ${job.name}`);
    seen.add(job.name);
  }
}

/** PGlite behind pglite-socket (the embedded database) says so in version(). */
async function isEmbeddedDatabase(db: Db): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ version: string }>>`SELECT version() AS version`;
  return /PGlite/i.test(rows[0]?.version ?? "");
}
