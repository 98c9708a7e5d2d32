// The built app under `next start` against the bench database, for the benchmarks that measure it
// over HTTP (lighthouse, tracking). Built once into its own directory (.next-bench, so a developer's
// .next and the e2e build are left alone) and rebuilt only when a source file is newer than it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "..");
const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);

/** Where the bench build goes (next.config.js reads NEXT_DIST_DIR). */
export const benchDistDir = process.env.BENCH_DIST_DIR || ".next-bench";
const BENCH_SECRET = "motcua-bench-auth-secret-not-for-production-0000";

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else {
        log(tail);
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      }
    });
  });
}

// What does not change the built app.
const ignoredDirs = new Set(["node_modules", ".git", "e2e", "test-results", "playwright-report", "bench", "docs", "storage"]);
const ignoredFiles = /(\.test\.tsx?|\.md|\.tsbuildinfo|^next-env\.d\.ts|^public\/sw\.js(\.map)?|^public\/workbox-.*|^public\/bench-static.*)$/;

function newestSource(dir = repoRoot): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    const rel = relative(repoRoot, path);
    if (entry.isDirectory()) {
      if (!ignoredDirs.has(rel)) newest = Math.max(newest, newestSource(path));
    } else if (entry.isFile() && !ignoredFiles.test(rel)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** `next build --webpack` into benchDistDir unless that build is newer than every source file. */
export async function buildApp(log: (line: string) => void): Promise<void> {
  const dist = join(repoRoot, benchDistDir);
  const stamp = join(dist, "bench-sources-mtime");
  const newest = newestSource();
  if (existsSync(join(dist, "BUILD_ID")) && existsSync(stamp) && Number(readFileSync(stamp, "utf8")) >= newest) {
    log(`reusing the build in ${benchDistDir}`);
    return;
  }
  log(`building the app into ${benchDistDir} (a few minutes on a busy machine)`);
  const started = Date.now();
  await run(bin("next"), ["build", "--webpack"], { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: benchDistDir, NEXT_TELEMETRY_DISABLED: "1" }, log);
  writeFileSync(stamp, String(newest));
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The demo seed (catalogue, accounts, 300 dossiers) on the bench database, once per run. */
export async function seedDatabase(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const { isSeeded } = await import("../prisma/seed");
  if (await isSeeded(databaseUrl)) return;
  log("seeding the bench database (demo data)");
  await run(bin("tsx"), ["prisma/seed.ts"], { ...process.env, DATABASE_URL: databaseUrl }, log);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once("error", () => resolvePromise(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolvePromise(true)));
  });
}

export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}-${to}`);
}

export interface AppServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** `next start` on 127.0.0.1 (ports 3900-3999) against `databaseUrl`; resolves once /api/health answers. */
export async function startApp(options: { databaseUrl: string; env?: Record<string, string>; log: (line: string) => void }): Promise<AppServer> {
  const port = await freePort(3900, 3999);
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: benchDistDir,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_SECRET: BENCH_SECRET,
      AUTH_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      ...options.env,
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const deadline = Date.now() + 10_000;
    while (child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not become healthy within 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  options.log(`app on ${baseUrl} (pid ${child.pid})`);
  return { baseUrl, pid: child.pid!, stop };
}
