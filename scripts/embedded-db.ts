// `npm run db:embedded`: the embedded database in the foreground.
// One process owns the data directory (EMBEDDED_DB_DIR, default .data/pglite)
// and serves it on 127.0.0.1:EMBEDDED_DB_PORT (default 54329) until Ctrl-C.
// `npm start` runs this same file as a child process.
import {
  DEFAULT_EMBEDDED_DB_DIR,
  DEFAULT_EMBEDDED_DB_MAX_CONNECTIONS,
  DEFAULT_EMBEDDED_DB_PORT,
  startEmbeddedDb,
  type EmbeddedDb,
} from "./lib/embedded-db";
import { UserFacingError } from "./lib/process";

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new UserFacingError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const port = intFromEnv("EMBEDDED_DB_PORT", DEFAULT_EMBEDDED_DB_PORT);
  const maxConnections = intFromEnv("EMBEDDED_DB_MAX_CONNECTIONS", DEFAULT_EMBEDDED_DB_MAX_CONNECTIONS);
  const dataDir = process.env.EMBEDDED_DB_DIR || DEFAULT_EMBEDDED_DB_DIR;

  const started = Date.now();
  const db: EmbeddedDb = await startEmbeddedDb({ dataDir, port, maxConnections, log });
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${db.url} (up to ${db.maxConnections} connections, queries run one at a time)`);
  process.send?.({ type: "ready", url: db.url });

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: closing the database`);
    try {
      await db.stop();
      log("closed cleanly");
      process.exit(0);
    } catch (error) {
      process.stderr.write(`could not close cleanly: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  // Started by `npm start` with an IPC channel: if the parent dies without
  // stopping us, do not keep the data directory locked.
  process.on("disconnect", () => void shutdown("parent process gone"));
}

main().catch((error: unknown) => {
  if (error instanceof UserFacingError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
