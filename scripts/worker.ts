// `npm run worker`: a job worker on its own (scale-out: run as many as you like, on any machine
// that reaches DATABASE_URL). `npm start` runs one beside the app through this same file.
// SIGTERM / SIGINT: stop fetching, let running jobs finish (JOBS_SHUTDOWN_SECONDS), hand the rest
// back, exit 0.
//
// Settings: DATABASE_URL (required); JOBS_POOL_MAX (connections of pg-boss's pool and of the
// handlers' pool, each; default 4); JOBS_POLL_SECONDS (default 1); JOBS_BATCH_SIZE (default 5);
// JOBS_SHUTDOWN_SECONDS (default 25); JOBS_LISTEN (1: wake on NOTIFY instead of polling; default 0;
// ignored on the embedded database).
import { pathToFileURL } from "node:url";
import { createDb } from "../server/db";
import type { JobDefinition } from "../server/jobs/define";
import { startWorker } from "../server/jobs/worker";
import { UserFacingError } from "./lib/process";

function numberFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new UserFacingError(`${name} must be a number of at least ${min}, got "${raw}"`);
  return value;
}

function flagFromEnv(name: string): boolean | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "" || raw === "auto") return undefined;
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  throw new UserFacingError(`${name} must be 1 or 0, got "${raw}"`);
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The worker process: starts, says "ready" (over IPC when a parent listens), stops on a signal. */
export async function runWorkerProcess(options: { jobs?: readonly JobDefinition<unknown>[] } = {}): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UserFacingError("DATABASE_URL is not set: the worker needs the app's database (npm start sets it for its own worker).");
  const poolMax = Math.floor(numberFromEnv("JOBS_POOL_MAX", 4, 1));
  const shutdownSeconds = numberFromEnv("JOBS_SHUTDOWN_SECONDS", 25, 1);
  const db = createDb({ url, max: poolMax });
  const listen = flagFromEnv("JOBS_LISTEN");
  const worker = await startWorker({
    db,
    connectionString: url,
    ...(options.jobs ? { jobs: options.jobs } : {}),
    poolMax,
    pollingIntervalSeconds: numberFromEnv("JOBS_POLL_SECONDS", 1, 0.5),
    batchSize: Math.floor(numberFromEnv("JOBS_BATCH_SIZE", 5, 1)),
    shutdownTimeoutSeconds: shutdownSeconds,
    ...(listen === undefined ? {} : { listenNotify: listen }),
    log,
  });
  log(`ready: ${worker.queues.join(", ")}`);
  process.send?.({ type: "ready" });

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping (running jobs get ${shutdownSeconds} s)`);
    try {
      await worker.stop();
      await db.$disconnect();
      log("stopped");
      process.exit(0);
    } catch (error) {
      process.stderr.write(`could not stop cleanly: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
  // Started by `npm start` with an IPC channel: if it dies without stopping us, stop too.
  if (process.send) process.on("disconnect", () => void stop("parent process gone"));
}

export function exitOnError(error: unknown): never {
  if (error instanceof UserFacingError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runWorkerProcess().catch(exitOnError);
}
