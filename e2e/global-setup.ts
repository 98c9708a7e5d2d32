/**
 * Prepares one e2e run: a fresh database (migrated and seeded), an up-to-date production build, and
 * `next start` on the e2e port against that database. The server is started here rather than by
 * Playwright's `webServer` because its DATABASE_URL is only known once the database exists.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { startDevOidcProvider } from "../scripts/dev-oidc-provider";
import { startSmsSimulator } from "../scripts/simulators/sms";
import { startSmtpSimulator } from "../scripts/simulators/smtp";
import { e2eAuthSecret, e2eBaseUrl, e2eDistDir, e2ePort, e2eServerLog, e2eStateFile, e2eWorkerLog } from "./support/env";
import {
  cleanUp,
  createDatabase,
  databaseUrlWithName,
  dropAbandonedE2eDatabases,
  e2eDatabaseName,
  findFreePort,
  isPlaywrightRunner,
  portIsFree,
  readState,
  repoRoot,
  runCommand,
  writeState,
  type E2eState,
} from "./support/processes";

const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);

/** The server and the database it uses; embedded PGlite runs one query at a time, so keep the pool small. */
function serverEnv(databaseUrl: string, embedded: boolean, oidcEnv: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...oidcEnv,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: embedded ? "3" : "8",
    AUTH_SECRET: e2eAuthSecret,
    NEXTAUTH_SECRET: e2eAuthSecret,
    AUTH_URL: e2eBaseUrl,
    NEXTAUTH_URL: e2eBaseUrl,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: e2eDistDir,
  };
}

async function startEmbeddedDatabase(state: E2eState): Promise<string> {
  const port = await findFreePort(54400, 54499);
  const dataDir = mkdtempSync(join(tmpdir(), "motcua-e2e-pglite-"));
  state.embeddedDataDir = dataDir;
  writeState(state);
  const child = spawn(bin("tsx"), ["e2e/support/embedded-db-process.ts", String(port), dataDir], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  state.embeddedPid = child.pid;
  writeState(state);
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The embedded database did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^READY (\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners("data");
        child.stdout!.resume();
        resolve(match[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

async function prepareDatabase(state: E2eState): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log("[e2e] DATABASE_URL is unset: starting an embedded database");
    return startEmbeddedDatabase(state);
  }
  await dropAbandonedE2eDatabases(serverUrl);
  const name = e2eDatabaseName();
  await createDatabase(serverUrl, name);
  state.adminUrl = serverUrl;
  state.databaseName = name;
  writeState(state);
  console.log(`[e2e] created database ${name}`);
  return databaseUrlWithName(serverUrl, name);
}

// What does not change the built app: tests, docs, tooling output.
const ignoredDirs = new Set([
  "node_modules", ".next", ".git", ".data", ".ci", "e2e", "test-results", "playwright-report", "storage", "bench", "docs",
]);
const ignoredFiles = /(\.test\.tsx?|\.md|\.tsbuildinfo|^next-env\.d\.ts|^public\/sw\.js(\.map)?|^public\/workbox-.*)$/;

function newestSourceMtime(dir = repoRoot): { mtime: number; file: string } {
  let newest = { mtime: 0, file: "" };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(repoRoot, path);
    if (entry.isDirectory()) {
      if (ignoredDirs.has(rel) || entry.name.startsWith(".")) continue; // .next*, .data, scratch dirs
      const sub = newestSourceMtime(path);
      if (sub.mtime > newest.mtime) newest = sub;
    } else if (entry.isFile() && !ignoredFiles.test(rel) && !entry.name.startsWith(".")) {
      const mtime = statSync(path).mtimeMs;
      if (mtime > newest.mtime) newest = { mtime, file: rel };
    }
  }
  return newest;
}

/** Builds once: the build is reused while no source file is newer than the sources it was built from. */
async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  const distDir = join(repoRoot, e2eDistDir);
  const buildId = join(distDir, "BUILD_ID");
  const stamp = join(distDir, "e2e-sources-mtime");
  const newest = newestSourceMtime();
  // Without our stamp (someone else's build), the BUILD_ID's own time stands in for it.
  const builtFrom = !existsSync(buildId) ? undefined : existsSync(stamp) ? Number(readFileSync(stamp, "utf8")) : statSync(buildId).mtimeMs;
  if (builtFrom !== undefined && newest.mtime <= builtFrom) {
    console.log(`[e2e] reusing the build in ${e2eDistDir} (${readFileSync(buildId, "utf8").trim()})`);
    return;
  }
  console.log(`[e2e] building the app into ${e2eDistDir} (${builtFrom === undefined ? "no build yet" : `${newest.file} changed`})`);
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  if (pkg.scripts?.build) await runCommand("npm", ["run", "--silent", "build"], { env });
  else await runCommand(bin("next"), ["build", "--webpack"], { env });
  // The sources as they were when the build began: a file edited during the build triggers the next one.
  writeFileSync(stamp, String(newest.mtime));
}

/** scripts/worker.ts against the e2e database (recorded in the state at once); resolves once it says it is ready. */
async function startWorker(env: NodeJS.ProcessEnv, state: E2eState): Promise<void> {
  const embedded = !state.adminUrl;
  const log = openSync(e2eWorkerLog, "w");
  const worker = spawn(bin("tsx"), ["scripts/worker.ts"], {
    cwd: repoRoot,
    // Against the embedded database the pools stay small (it refuses connections past its limit).
    env: { ...env, JOBS_POOL_MAX: embedded ? "2" : "4", JOBS_SHUTDOWN_SECONDS: "5" },
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  state.workerPid = worker.pid;
  writeState(state);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null) throw new Error(`The e2e job worker exited (code ${worker.exitCode}); its log:\n${tail(e2eWorkerLog)}`);
    if (/^ready: /m.test(readFileSync(e2eWorkerLog, "utf8"))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The e2e job worker was not ready within 60 s; its log:\n${tail(e2eWorkerLog)}`);
}

async function waitForHealth(serverPid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      process.kill(serverPid, 0);
    } catch {
      throw new Error(`The e2e server exited before it was healthy; its log:\n${tail(e2eServerLog)}`);
    }
    try {
      const response = await fetch(`${e2eBaseUrl}/api/health`);
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${e2eBaseUrl}/api/health was not healthy within ${timeoutMs / 1000} s (last: ${last}); server log:\n${tail(e2eServerLog)}`);
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

export default async function globalSetup(): Promise<void> {
  const previous = readState();
  // The state file is per port and machine-wide: a live owner means another run (another checkout, maybe) is busy.
  if (previous?.ownerPid && previous.ownerPid !== process.pid && isPlaywrightRunner(previous.ownerPid)) {
    throw new Error(`Another e2e run (process ${previous.ownerPid}) is using port ${e2ePort} (${e2eStateFile}): wait for it to finish.`);
  }
  if (previous) {
    console.log("[e2e] cleaning up after an earlier run that did not finish");
    await cleanUp(previous);
  }
  if (!(await portIsFree(e2ePort))) {
    throw new Error(`Port ${e2ePort} is in use: another e2e run or server is listening there. Stop it and retry.`);
  }

  const state: E2eState = { ownerPid: process.pid };
  writeState(state);
  // A crash or Ctrl-C in the runner must not leave the server or the database process behind;
  // after a normal teardown the state file is gone and there is nothing to do.
  const onExit = () => {
    const left = readState();
    for (const pid of [left?.serverPid, left?.workerPid, left?.embeddedPid]) {
      if (pid) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
  };
  process.once("exit", onExit);

  try {
    const started = Date.now();
    const databaseUrl = await prepareDatabase(state);
    state.databaseUrl = databaseUrl;
    writeState(state);
    // A real OpenID Provider for the SSO tests, in this (the runner's) process: it lives exactly as
    // long as the run, so nothing is left behind to clean up.
    const oidc = await startDevOidcProvider({
      port: Number(process.env.E2E_OIDC_PORT) || (await findFreePort(9450, 9499)),
      appOrigins: [e2eBaseUrl, `http://localhost:${e2ePort}`],
      unref: true,
    });
    console.log(`[e2e] dev OpenID Provider on ${oidc.issuer}`);
    // The local SMTP server and SMS gateway stand-ins, likewise in this process: the worker sends
    // to them, /dev/mail and the tests read what they received (DEV_MAIL_URL, DEV_SMS_URL).
    const smtp = await startSmtpSimulator({ smtpPort: 0, controlPort: 0, unref: true });
    const sms = await startSmsSimulator({ port: 0, unref: true });
    console.log(`[e2e] SMTP stand-in on 127.0.0.1:${smtp.smtpPort} (${smtp.controlUrl}), SMS gateway stand-in on ${sms.url}`);
    const env = serverEnv(databaseUrl, !state.adminUrl, { ...oidc.appEnv, ...smtp.appEnv, ...sms.appEnv, APP_BASE_URL: e2eBaseUrl });

    console.log("[e2e] migrating");
    await runCommand("node", ["scripts/prisma.mjs", "migrate", "deploy"], { env });
    // Seeding waits on the database and building on the CPU: together they take the time of the longer.
    console.log("[e2e] seeding and building");
    const results = await Promise.allSettled([runCommand(bin("tsx"), ["prisma/seed.ts"], { env }), buildIfStale(env)]);
    for (const result of results) if (result.status === "rejected") throw result.reason;

    // The job worker, as `npm start` runs it: the e-mails and other side effects the tests follow.
    const workerReady = startWorker(env, state);

    const log = openSync(e2eServerLog, "w");
    const server = spawn(bin("next"), ["start", "-p", String(e2ePort), "-H", "127.0.0.1"], {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ["ignore", log, log],
    });
    closeSync(log);
    state.serverPid = server.pid;
    writeState(state);
    await Promise.all([waitForHealth(server.pid!, 90_000), workerReady]);
    console.log(`[e2e] server ready on ${e2eBaseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${e2eServerLog})`);

    // Playwright hands the setup's environment on to the test workers.
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_EMBEDDED_DB = state.adminUrl ? "" : "1";
    process.env.DEV_MAIL_URL = smtp.controlUrl;
    process.env.DEV_SMS_URL = sms.url;
  } catch (error) {
    await cleanUp(state);
    throw error;
  }
}
