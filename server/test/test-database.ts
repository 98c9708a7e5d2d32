// A throwaway database on a PostgreSQL server, migrated like production: used by the integration
// tests' global setup and by the benchmarks. Names always start with a caller-given prefix
// (motcua_it_, motcua_bench_) so they can never be mistaken for a real database.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";

const root = resolve(import.meta.dirname, "../..");

export interface TestDatabase {
  /** Connection URL of the fresh, migrated database. */
  url: string;
  /** True when running on the embedded database (one query at a time, few connections). */
  embedded: boolean;
  /** The embedded server refuses connections past this; null on a real server. */
  maxConnections: number | null;
  /** Drops the database (or stops the embedded server). Safe to call twice. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Database name prefix, e.g. "motcua_it_". Must match /^motcua_[a-z]+_$/. */
  prefix: string;
  /** A PostgreSQL server URL; when absent the embedded database is started instead. */
  serverUrl?: string;
  log?: (line: string) => void;
}

export async function createTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  if (!/^motcua_[a-z]+_$/.test(options.prefix)) throw new Error(`Unsafe test database prefix: ${options.prefix}`);
  const log = options.log ?? (() => {});
  if (options.serverUrl) return createOnServer(options.serverUrl, options.prefix, log);
  return createEmbedded(log);
}

async function createOnServer(serverUrl: string, prefix: string, log: (line: string) => void): Promise<TestDatabase> {
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`dropped database ${name}`);
  };
  try {
    log(`created database ${name}; applying migrations`);
    await migrate(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, embedded: false, maxConnections: null, drop };
}

async function createEmbedded(log: (line: string) => void): Promise<TestDatabase> {
  const tempDir = await mkdtemp(join(tmpdir(), "motcua-embedded-"));
  log("no DATABASE_URL: starting a throwaway embedded database (one query at a time)");
  // Port 0: a free port, so parallel runs never collide.
  const server = await startEmbeddedDb({ port: 0, dataDir: join(tempDir, "pglite") });
  let stopped = false;
  const drop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    await rm(tempDir, { recursive: true, force: true });
    log("stopped the embedded database");
  };
  try {
    await migrate(server.url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: server.url, embedded: true, maxConnections: server.maxConnections, drop };
}

/** `node scripts/prisma.mjs migrate deploy` against `url`, exactly as a deployment would. */
async function migrate(url: string): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, "scripts/prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
    child.on("error", reject);
    child.on("close", (c) => resolvePromise(c ?? 1));
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output.join("")}`);
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
