// `npm start`: everything needed to run motcua from a fresh clone.
//   1. DATABASE_URL unset: start the embedded database (scripts/embedded-db.ts)
//      as a child process and point DATABASE_URL at it.
//   2. Apply migrations (prisma migrate deploy through scripts/prisma.mjs).
//   3. Seed (prisma/seed.ts is idempotent; it runs on every start).
//   4. Build when the build is missing or older than the sources.
//   5. The job worker (scripts/worker.ts) as a child process, unless JOBS_WORKER=0.
//   6. next start on PORT (default 3000); print the URL and demo accounts.
//   Also a local OpenID Provider (scripts/dev-oidc-provider.ts) standing in for VNeID and the
//   organisation's SSO, when no real one is configured (see startDevOidcIfWanted), and local SMTP
//   and SMS gateway stand-ins (scripts/simulators) when no real ones are (startSimulatorsIfWanted).
// Ctrl-C stops the app, then the worker (running jobs finish or are handed back), then the embedded database.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_EMBEDDED_DB_DIR, DEFAULT_EMBEDDED_DB_PORT, lockFileFor, readLiveOwner } from "./lib/embedded-db";
import { isPortFree, run, spawnWithPrefix, stopChild, UserFacingError, waitForPort, type PrefixedChild } from "./lib/process";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const tsxImport = ["--import", "tsx"];
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Pool size for the app against the embedded database (it runs one query at a time). */
const EMBEDDED_POOL_MAX = "3";
/**
 * The worker's pools against the embedded database (pg-boss's and the handlers', each): with the
 * app's they stay well under the connections it accepts (DEFAULT_EMBEDDED_DB_MAX_CONNECTIONS).
 */
const EMBEDDED_JOBS_POOL_MAX = "2";

const say = (line: string) => process.stdout.write(`[start] ${line}\n`);

const children: PrefixedChild[] = [];
let shuttingDown = false;
let embedded = false;
let jobWorker: PrefixedChild | null = null;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new UserFacingError(`${name} must be a port number, got "${raw}"`);
  return value;
}

// ─── embedded database ────────────────────────────────────────────────────

async function startEmbeddedDatabase(): Promise<PrefixedChild> {
  const port = intFromEnv("EMBEDDED_DB_PORT", DEFAULT_EMBEDDED_DB_PORT);
  const dataDir = path.resolve(root, process.env.EMBEDDED_DB_DIR || DEFAULT_EMBEDDED_DB_DIR);
  const owner = readLiveOwner(dataDir);
  if (owner) {
    throw new UserFacingError(
      `The embedded database in ${dataDir} is already running (process ${owner.pid}` +
        (owner.port ? `, port ${owner.port}` : "") +
        `).\nStop it, or use it: DATABASE_URL=postgresql://postgres@127.0.0.1:${owner.port ?? port}/postgres npm start` +
        `\n(If no such process exists, delete ${lockFileFor(dataDir)}.)`,
      3,
    );
  }
  // Checked here, not only by the child: waiting for "something answers on
  // the port" would otherwise find the other server and migrate it.
  if (!(await isPortFree(port))) {
    throw new UserFacingError(
      `Port ${port} (the embedded database) is already in use. Set EMBEDDED_DB_PORT to a free port, or stop what is listening there.`,
      4,
    );
  }
  say(`DATABASE_URL is not set: starting the embedded database (${path.relative(root, dataDir)}, port ${port})`);
  const db = spawnWithPrefix("db", node, [...tsxImport, path.join(root, "scripts", "embedded-db.ts")], {
    cwd: root,
    env: { ...process.env, EMBEDDED_DB_PORT: String(port), EMBEDDED_DB_DIR: dataDir },
    // Own process group: Ctrl-C reaches only this script, which stops the app
    // first and the database last. The IPC channel lets the database notice
    // if this script dies without stopping it.
    detached: true,
    ipc: true,
  });
  children.push(db);
  // The child says when it listens (and its URL) over IPC.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new UserFacingError("The embedded database did not start within 2 minutes.")), 120_000);
    db.child.on("message", (message: { type?: string; url?: string }) => {
      if (message?.type === "ready" && message.url) {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
    void db.exited.then((code) => {
      clearTimeout(timer);
      // The child has printed its own explanation (port taken, directory locked).
      reject(new UserFacingError(`The embedded database did not start (exit code ${code}).`, code || 1));
    });
  });
  void db.exited.then((code) => {
    if (!shuttingDown) void shutdown(`the embedded database exited unexpectedly (code ${code})`, code || 1);
  });
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_MAX ??= EMBEDDED_POOL_MAX;
  embedded = true;
  return db;
}

// ─── build freshness ──────────────────────────────────────────────────────

const SOURCE_DIRS = ["app", "server", "messages", "public"];
const SOURCE_FILES = ["next.config.js", "package.json", "tsconfig.json", "postcss.config.mjs", "postcss.config.js"];
/** Written by the build itself or irrelevant to it. */
const IGNORED = [/^public\/sw\.js(\.map)?$/, /^public\/workbox-[^/]*\.js(\.map)?$/, /(^|\/)\.DS_Store$/, /\.test\.tsx?$/];

function newestSource(): { file: string; mtimeMs: number } {
  let newest = { file: "", mtimeMs: 0 };
  const consider = (rel: string) => {
    if (IGNORED.some((re) => re.test(rel))) return;
    const stat = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (stat && stat.mtimeMs > newest.mtimeMs) newest = { file: rel, mtimeMs: stat.mtimeMs };
  };
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else consider(child);
    }
  };
  SOURCE_DIRS.forEach(walk);
  SOURCE_FILES.forEach(consider);
  return newest;
}

async function buildIfNeeded(): Promise<void> {
  if (!fs.existsSync(path.join(root, "app"))) throw new UserFacingError("There is no app/ directory to build.");
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (buildId) {
    const newest = newestSource();
    if (newest.mtimeMs <= buildId.mtimeMs) {
      say("the build is up to date");
      return;
    }
    say(`rebuilding: ${newest.file} changed after the last build`);
  } else {
    say("building the app (first start; about a minute)");
  }
  await run(node, [nextBin, "build", "--webpack"], { cwd: root, env: { ...process.env, NODE_ENV: "production" } });
}

// ─── demo accounts ────────────────────────────────────────────────────────

interface DemoAccount {
  email: string;
  password: string;
  roleVi: string;
  roleEn: string;
  agencyVi: string;
}

async function printDemoAccounts(): Promise<void> {
  const file = path.join(root, "prisma", "seed", "accounts.ts");
  if (!fs.existsSync(file)) return;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { demoAccounts?: DemoAccount[] };
    const accounts = mod.demoAccounts ?? [];
    if (accounts.length === 0) return;
    const emailWidth = Math.max(...accounts.map((a) => a.email.length));
    const passwordWidth = Math.max(...accounts.map((a) => a.password.length));
    const lines = accounts.map(
      (a) => `  ${a.email.padEnd(emailWidth)}  ${a.password.padEnd(passwordWidth)}  ${a.roleVi} (${a.roleEn}), ${a.agencyVi}`,
    );
    process.stdout.write(`\nTài khoản dùng thử / demo accounts:\n${lines.join("\n")}\n\n`);
  } catch (error) {
    say(`could not read demo accounts: ${(error as Error).message}`);
  }
}

// ─── dev OpenID Provider ──────────────────────────────────────────────────

interface StartedDevOidc {
  appEnv: Record<string, string>;
  describe: string;
}

/**
 * MOTCUA_DEV_OIDC=1 starts it; =0 never. Unset: started when no real provider is configured
 * (VNEID_ISSUER, ORG_OIDC_ISSUER) outside production. It listens on 127.0.0.1 only (DEV_OIDC_PORT,
 * default 9400), so only this machine's browser can use it: it lets anyone sign in as anyone.
 */
async function startDevOidcIfWanted(appPort: number): Promise<StartedDevOidc | null> {
  const wanted = process.env.MOTCUA_DEV_OIDC;
  const explicit = wanted === "1";
  if (wanted === "0") return null;
  if (!explicit && (process.env.VNEID_ISSUER || process.env.ORG_OIDC_ISSUER || process.env.NODE_ENV === "production")) return null;
  const port = intFromEnv("DEV_OIDC_PORT", 9400);
  if (!(await isPortFree(port))) {
    if (explicit) throw new UserFacingError(`Port ${port} (the dev OpenID Provider) is already in use. Set DEV_OIDC_PORT to a free port.`, 4);
    say(`port ${port} is in use: single sign-on (VNeID) stays off (set DEV_OIDC_PORT to use another port)`);
    return null;
  }
  let mod: typeof import("./dev-oidc-provider");
  try {
    mod = await import("./dev-oidc-provider");
  } catch (error) {
    // A production install without dev dependencies has no oidc-provider.
    if (explicit) throw error;
    say(`dev OpenID Provider unavailable (${(error as Error).message.split("\n")[0]}): single sign-on stays off`);
    return null;
  }
  const provider = await mod.startDevOidcProvider({ port, appOrigins: mod.defaultAppOrigins([appPort]) });
  say(`dev OpenID Provider (VNeID and organisational SSO stand-in) on ${provider.issuer}`);
  // In this process: it stops when `npm start` does.
  return { appEnv: provider.appEnv, describe: mod.describeDevOidc(provider) };
}

// ─── local SMTP and SMS stand-ins ─────────────────────────────────────────

interface StartedSimulators {
  appEnv: Record<string, string>;
  describe: string[];
}

/**
 * MOTCUA_DEV_MAIL=1 starts them; =0 never. Unset: the SMTP stand-in when no SMTP server is
 * configured (SMTP_URL, SMTP_HOST), the SMS one when no gateway is (SMS_GATEWAY_URL), outside
 * production. On 127.0.0.1 only (DEV_SMTP_PORT 2525, DEV_SMTP_CONTROL_PORT 2580, DEV_SMS_PORT 2590);
 * what they receive is at /dev/mail.
 */
async function startSimulatorsIfWanted(): Promise<StartedSimulators> {
  const out: StartedSimulators = { appEnv: {}, describe: [] };
  const wanted = process.env.MOTCUA_DEV_MAIL;
  if (wanted === "0" || (wanted !== "1" && process.env.NODE_ENV === "production")) return out;
  const wantSmtp = wanted === "1" || !(process.env.SMTP_URL || process.env.SMTP_HOST);
  const wantSms = wanted === "1" || !process.env.SMS_GATEWAY_URL;
  try {
    if (wantSmtp) {
      const { startSmtpSimulator } = await import("./simulators/smtp");
      const smtp = await startSmtpSimulator({ smtpPort: intFromEnv("DEV_SMTP_PORT", 2525), controlPort: intFromEnv("DEV_SMTP_CONTROL_PORT", 2580), unref: true });
      Object.assign(out.appEnv, smtp.appEnv);
      out.describe.push(`SMTP stand-in on 127.0.0.1:${smtp.smtpPort}`);
    }
    if (wantSms) {
      const { startSmsSimulator } = await import("./simulators/sms");
      const sms = await startSmsSimulator({ port: intFromEnv("DEV_SMS_PORT", 2590), unref: true });
      Object.assign(out.appEnv, sms.appEnv);
      out.describe.push(`SMS gateway stand-in on ${sms.url}`);
    }
  } catch (error) {
    // A production install without dev dependencies, or a port in use: notifications by e-mail/SMS stay off.
    say(`local SMTP/SMS stand-ins unavailable (${(error as Error).message.split("\n")[0]}): e-mail and SMS notifications stay off`);
  }
  return out;
}

// ─── job worker ───────────────────────────────────────────────────────────

function shutdownSeconds(): number {
  const value = Number(process.env.JOBS_SHUTDOWN_SECONDS || 25);
  return Number.isFinite(value) && value > 0 ? value : 25;
}

/**
 * The job worker beside the app, in its own process (scripts/worker.ts, the same as `npm run
 * worker`): a crash or a long job never touches the app's process, and SIGTERM gives running jobs
 * their grace. JOBS_WORKER=0 leaves the jobs to workers run elsewhere.
 */
async function startJobWorker(env: NodeJS.ProcessEnv): Promise<void> {
  if (process.env.JOBS_WORKER === "0") {
    say("JOBS_WORKER=0: no job worker here (run `npm run worker` where the jobs should run)");
    return;
  }
  say("starting the job worker");
  const worker = spawnWithPrefix("worker", node, [...tsxImport, path.join(root, "scripts", "worker.ts")], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", ...(embedded ? { JOBS_POOL_MAX: env.JOBS_POOL_MAX ?? EMBEDDED_JOBS_POOL_MAX } : {}) },
    detached: true,
    ipc: true,
  });
  children.push(worker);
  jobWorker = worker;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new UserFacingError("The job worker did not start within 2 minutes.")), 120_000);
    worker.child.on("message", (message: { type?: string }) => {
      if (message?.type === "ready") {
        clearTimeout(timer);
        resolve();
      }
    });
    void worker.exited.then((code) => {
      clearTimeout(timer);
      reject(new UserFacingError(`The job worker did not start (exit code ${code}).`, code || 1));
    });
  });
  void worker.exited.then((code) => {
    if (!shuttingDown) void shutdown(`the job worker exited unexpectedly (code ${code})`, code || 1);
  });
}

// ─── main ─────────────────────────────────────────────────────────────────

let stopped: Promise<void> | undefined;

/** Stop the children (the app first, then the database it uses) and exit. The first caller's exit code wins. */
async function shutdown(reason: string, exitCode: number): Promise<never> {
  if (!stopped) {
    shuttingDown = true;
    if (reason) say(`${reason}: stopping`);
    stopped = (async () => {
      // The worker's running jobs get their grace (JOBS_SHUTDOWN_SECONDS) before it is killed.
      for (const child of [...children].reverse()) {
        await stopChild(child, "SIGTERM", child === jobWorker ? (shutdownSeconds() + 10) * 1000 : 15_000);
      }
      process.exit(exitCode);
    })();
  }
  await stopped;
  return process.exit(exitCode);
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(signal, signal === "SIGINT" ? 130 : 143));
  }
  // Last resort if this script exits some other way: never leave children behind.
  process.on("exit", () => {
    for (const child of children) if (child.exitCode() === undefined) child.child.kill("SIGTERM");
  });

  const port = intFromEnv("PORT", 3000);
  if (!(await isPortFree(port, "0.0.0.0"))) {
    throw new UserFacingError(`Port ${port} is already in use. Stop what is listening there, or choose another: PORT=3001 npm start`, 4);
  }

  if (process.env.DATABASE_URL) {
    say("using DATABASE_URL (the embedded database is not started)");
  } else {
    await startEmbeddedDatabase();
  }
  // No internet here, and nothing to report: keep Next from phoning home.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const env = { ...process.env };

  if (!fs.existsSync(path.join(root, "server", "db", "generated"))) {
    say("generating the Prisma client");
    await run(node, [path.join(root, "scripts", "prisma.mjs"), "generate"], { cwd: root, env });
  }

  say("applying migrations");
  await run(node, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], { cwd: root, env });

  const seed = path.join(root, "prisma", "seed.ts");
  if (fs.existsSync(seed)) {
    say("seeding (idempotent)");
    await run(node, [...tsxImport, seed], { cwd: root, env });
  } else {
    say("prisma/seed.ts does not exist yet: skipping the seed");
  }

  await buildIfNeeded();
  if (shuttingDown) return;

  const devOidc = await startDevOidcIfWanted(port);
  const simulators = await startSimulatorsIfWanted();
  for (const line of simulators.describe) say(line);
  // Links in e-mails and SMS: the worker has no request to read the host from.
  const publicUrl = { APP_BASE_URL: env.APP_BASE_URL || env.NEXTAUTH_URL || `http://localhost:${port}` };
  await startJobWorker({ ...env, ...devOidc?.appEnv, ...simulators.appEnv, ...publicUrl });
  if (shuttingDown) return;

  say(`starting the app on port ${port}`);
  const app = spawnWithPrefix("app", node, [nextBin, "start", "-p", String(port)], {
    cwd: root,
    env: { ...env, ...devOidc?.appEnv, ...simulators.appEnv, ...publicUrl, NODE_ENV: "production", PORT: String(port) },
    detached: true,
  });
  children.push(app);
  await waitForPort(port, {
    timeoutMs: 60_000,
    abort: () => (app.exitCode() === undefined ? undefined : `The app exited during start-up (exit code ${app.exitCode()}).`),
  });
  process.stdout.write(`\nmotcua is running: http://localhost:${port}\n`);
  await printDemoAccounts();
  if (devOidc) process.stdout.write(`${devOidc.describe}\n\n`);
  if (simulators.describe.length > 0) process.stdout.write(`E-mails and SMS sent by the app: http://localhost:${port}/dev/mail\n\n`);
  process.stdout.write("Press Ctrl-C to stop.\n");

  const code = await app.exited;
  if (!shuttingDown) await shutdown(`the app exited (code ${code})`, code || 1);
}

main().catch(async (error: unknown) => {
  if (error instanceof UserFacingError) {
    process.stderr.write(`\n[start] ${error.message}\n`);
    await shutdown("", error.exitCode);
  }
  process.stderr.write(`\n[start] ${(error as Error)?.stack ?? String(error)}\n`);
  await shutdown("", 1);
});
