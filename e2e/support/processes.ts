import { spawn, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import pg from "pg";
import { e2eStateFile } from "./env";

export const repoRoot = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** What one e2e run started; written as soon as each piece exists so a crash leaves a trail to clean. */
export interface E2eState {
  /** The Playwright runner that owns this run: while it lives, nobody else may clean up after it. */
  ownerPid?: number;
  databaseUrl?: string;
  /** Set when the database was created on a PostgreSQL server: connect here to drop it. */
  adminUrl?: string;
  databaseName?: string;
  /** Set when an embedded database process was started for this run. */
  embeddedPid?: number;
  embeddedDataDir?: string;
  serverPid?: number;
  /** The job worker (scripts/worker.ts) beside the server. */
  workerPid?: number;
}

export function readState(): E2eState | undefined {
  if (!existsSync(e2eStateFile)) return undefined;
  try {
    return JSON.parse(readFileSync(e2eStateFile, "utf8")) as E2eState;
  } catch {
    return undefined;
  }
}

export function writeState(state: E2eState): void {
  writeFileSync(e2eStateFile, JSON.stringify(state, null, 2));
}

/** Runs a command to completion with its output shown; rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(" ")}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is still a Playwright runner: alive, and (where /proc tells) running Playwright.
 * A state file left behind by a run that died names a pid the system may since have given to any
 * other process; without the command-line check that stranger would block every later run.
 */
export function isPlaywrightRunner(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    return readFileSync(cmdline, "utf8").includes("playwright");
  } catch {
    return true;
  }
}

/** Stops a process group started with `detached: true` (the group id is the leader's pid). */
export async function stopProcessGroup(pid: number, timeoutMs = 10_000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) signal("SIGKILL");
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function findFreePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port in ${from}-${to}`);
}

export function databaseUrlWithName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function createDatabase(adminUrl: string, name: string): Promise<void> {
  return withClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export function dropDatabase(adminUrl: string, name: string, force = true): Promise<void> {
  return withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}"${force ? " WITH (FORCE)" : ""}`);
  });
}

/** `motcua_e2e_<unix seconds>_<random>`: the creation time lets a later run tell abandoned databases apart. */
export function e2eDatabaseName(now = Date.now()): string {
  return `motcua_e2e_${Math.floor(now / 1000)}_${randomBytes(3).toString("hex")}`;
}

const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * e2e databases left by crashed runs: older than any run could last and with nobody connected.
 * Younger ones may belong to a run in another checkout on the same server, so they are left alone.
 */
export async function dropAbandonedE2eDatabases(adminUrl: string, now = Date.now()): Promise<void> {
  const names = await withClient(adminUrl, async (client) => {
    const result = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'motcua\\_e2e\\_%'",
    );
    return result.rows.map((row) => row.datname);
  });
  for (const name of names) {
    const createdAt = Number(/^motcua_e2e_(\d+)_/.exec(name)?.[1] ?? 0) * 1000;
    if (now - createdAt < ABANDONED_AFTER_MS) continue;
    await dropDatabase(adminUrl, name, false).catch(() => undefined);
  }
}

/** Stops whatever a run left behind, in reverse order of starting it. Safe to call twice. */
export async function cleanUp(state: E2eState): Promise<void> {
  if (state.serverPid) await stopProcessGroup(state.serverPid);
  if (state.workerPid) await stopProcessGroup(state.workerPid);
  if (state.adminUrl && state.databaseName) {
    await dropDatabase(state.adminUrl, state.databaseName).catch((error: unknown) => {
      console.warn(`Could not drop ${state.databaseName}: ${String(error)}`);
    });
  }
  if (state.embeddedPid) await stopProcessGroup(state.embeddedPid);
  if (state.embeddedDataDir) rmSync(state.embeddedDataDir, { recursive: true, force: true });
  rmSync(e2eStateFile, { force: true });
}
