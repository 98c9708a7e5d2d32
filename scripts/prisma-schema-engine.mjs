#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which cannot be
// downloaded here. The prisma CLI spawns it (PRISMA_SCHEMA_ENGINE_BINARY) in
// two ways, both read from node_modules/prisma/build/cli.js:
//   1. `--datasource <json> cli <command>`: one-shot commands
//      (can-connect-to-database, create-database, drop-database); errors go to
//      stderr as JSON log lines; the CLI skips stderr's first line.
//   2. `[--datamodels <file>...] [--datasource <json>]`: a JSON-RPC 2.0 server,
//      one request per stdin line, one response per stdout line, until stdin
//      closes.
// Requests are served by the official WASM schema engine from npm
// (@prisma/schema-engine-wasm) through a driver adapter: @prisma/adapter-pg for
// the database, and an in-memory PGlite (behind pglite-socket) as the shadow
// database, created per engine process and thrown away at exit.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const ENGINE_VERSION_LABEL = "schema-engine-wasm (motcua stdio bridge)";

// The versions this bridge was written against, and what it relies on in each (JSON: the unit
// test scripts/bridge-pins.test.ts reads it from this file). On any other version the bridge
// refuses to start (checkWrittenFor) instead of misbehaving silently.
const WRITTEN_FOR = {
  "prisma": { "version": "7.10.1", "reliesOn": "is spawned by its CLI and speaks the stdio protocol read from prisma/build/cli.js (JSON-RPC methods and params, cli commands, stderr log lines)" },
  "@prisma/schema-engine-wasm": { "version": "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323", "reliesOn": "instantiates its wasm-bindgen module by hand (__wbg_set_wasm, __wbindgen_start) and calls SchemaEngine.new and diff with that build's shapes" },
  "@prisma/adapter-pg": { "version": "7.10.1", "reliesOn": "patches its adapter (queryRaw, startTransaction, executeScript, onError, dispose) to send scripts whole and read \"char\" columns" },
  "@prisma/driver-adapter-utils": { "version": "7.10.1", "reliesOn": "uses bindMigrationAwareSqlAdapterFactory and the value of ColumnTypeEnum.Character (6)" }
};

const BRIDGE = "scripts/prisma-schema-engine.mjs";
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Same text as the test's. */
function movedMessage(name, installed) {
  const pin = WRITTEN_FOR[name];
  return `${name} moved from ${pin.version} to ${installed}: ${BRIDGE} ${pin.reliesOn}; re-read its source and update the bridge, then this pin (WRITTEN_FOR)`;
}

/** The problems with the installed packages, empty when they are the ones this bridge was written for. */
function writtenForProblems() {
  return Object.keys(WRITTEN_FOR).flatMap((name) => {
    const manifest = path.join(projectRoot, "node_modules", name, "package.json");
    const installed = JSON.parse(readFileSync(manifest, "utf8")).version;
    return installed === WRITTEN_FOR[name].version ? [] : [movedMessage(name, installed)];
  });
}

// PostgreSQL's internal "char" type (oid 18) appears in catalog queries the
// engine runs during introspection (pg_constraint.contype, ...); adapter-pg
// refuses it, and the engine reads some of those columns strictly as a char.
// So the pool reports such columns as text (oid 25, same text parser), and
// queryRaw then labels them Character for the engine.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
/** result.rows -> indexes of the columns that were "char" */
const charColumnsByRows = new WeakMap();

// ─── arguments ────────────────────────────────────────────────────────────

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) out.datamodels.push(argv[++i]);
    } else if (arg === "--datasource") {
      out.datasource = JSON.parse(argv[++i]);
    } else if (arg === "--version" || arg === "-V") {
      out.version = true;
    } else if (arg === "cli") {
      out.cli = argv[++i];
    } else if (arg === "--enabled-preview-features" || arg === "--extension-types") {
      i++; // accepted and ignored: the WASM engine takes neither
    }
  }
  return out;
}

// ─── logging in the native engine's format (tracing JSON on stderr) ────────

function logLine(level, message, extra = {}) {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: "schema_engine::logger",
  });
}

// ─── database connections ─────────────────────────────────────────────────

/** A pg pool whose results report "char" columns as text (see PG_CHAR_OID). */
function createPool(config) {
  const pool = new pg.Pool(config);
  const patchResult = (result) => {
    for (const r of Array.isArray(result) ? result : [result]) {
      const charColumns = [];
      (r?.fields ?? []).forEach((field, i) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          charColumns.push(i);
        }
      });
      if (charColumns.length > 0 && Array.isArray(r.rows)) charColumnsByRows.set(r.rows, charColumns);
    }
    return result;
  };
  const wrapQuery = (target) => {
    if (target.__motcuaPatched) return target;
    const query = target.query.bind(target);
    target.query = (...args) => {
      if (typeof args[args.length - 1] === "function") return query(...args);
      return query(...args).then(patchResult);
    };
    target.__motcuaPatched = true;
    return target;
  };
  wrapQuery(pool);
  const connect = pool.connect.bind(pool);
  pool.connect = (...args) => {
    if (typeof args[0] === "function") return connect(...args);
    return connect().then(wrapQuery);
  };
  pool.on("error", () => {}); // idle client errors surface on the next query
  return pool;
}

/**
 * A SqlDriverAdapter for one pool. adapter-pg splits scripts on ";", which
 * breaks function bodies and quoted text in migrations, so scripts are sent
 * whole, as one simple-protocol query, the way the native engine does.
 */
function labelCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  return queryable;
}

async function createAdapter(pool, onDispose) {
  const adapter = labelCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => labelCharColumns(await startTransaction(...args));
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDispose();
    };
  }
  return adapter;
}

/** An empty in-memory PGlite served on an ephemeral port: the shadow database. */
async function startShadowDatabase() {
  const [{ PGlite }, { PGLiteSocketServer }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite-socket"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  // Same extensions as the embedded database, so migrations that CREATE
  // EXTENSION replay on the shadow database too.
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  const [host, port] = server.getServerConn().split(":");
  let stopped;
  return {
    connectionString: `postgresql://postgres@${host}:${port}/postgres`,
    stop() {
      stopped ??= server.stop().then(() => db.close());
      return stopped;
    },
  };
}

const cleanups = [];

// A command may need several shadow databases (migrate dev: devDiagnostic,
// then evaluateDataLoss, then createMigration); PGlite takes ~2 s to start, so
// a spare one starts in the background as soon as the first is handed out.
let spareShadow;
function launchShadow() {
  const launched = startShadowDatabase();
  launched.catch(() => {}); // reported when taken
  cleanups.push(() => launched.then((s) => s.stop(), () => {}));
  return launched;
}
function takeShadowDatabase() {
  const taken = spareShadow ?? launchShadow();
  spareShadow = launchShadow();
  return taken;
}

function createAdapterFactory(datasource) {
  const url = datasource?.url;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      if (!url) throw new Error("No datasource URL: set DATABASE_URL (prisma.config.ts reads it)");
      // One connection: the engine's advisory lock and the statements it
      // guards must share a session, and the embedded database limits
      // connections.
      const pool = createPool({ connectionString: url, max: 1 });
      return createAdapter(pool);
    },
    async connectToShadowDb() {
      if (datasource?.shadowDatabaseUrl) {
        const pool = createPool({ connectionString: datasource.shadowDatabaseUrl, max: 1 });
        return createAdapter(pool);
      }
      const shadow = await takeShadowDatabase();
      const pool = createPool({ connectionString: shadow.connectionString, max: 1 });
      return createAdapter(pool, () => shadow.stop());
    },
  };
}

// ─── the WASM engine ──────────────────────────────────────────────────────

class WasmPanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(value) {
    this.message = `RuntimeError: ${value}`;
  }
}

async function loadWasmEngine() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
  const bindingsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(bindingsUrl);
  // Node 20 cannot import .wasm as an ES module, so instantiate it ourselves.
  const wasmPath = path.join(path.dirname(fileURLToPath(bindingsUrl)), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

// ─── one-shot `cli` commands ──────────────────────────────────────────────

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

function maintenanceUrl(url) {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

function connectionErrorCode(error, url) {
  const u = new URL(url);
  if (error?.code === "3D000") {
    return { code: "P1003", message: `Database \`${databaseName(url)}\` does not exist on the database server at \`${u.hostname}:${u.port || 5432}\`.` };
  }
  if (error?.code === "ECONNREFUSED" || error?.code === "ENOTFOUND" || error?.code === "ETIMEDOUT") {
    return { code: "P1001", message: `Can't reach database server at \`${u.hostname}:${u.port || 5432}\`` };
  }
  if (error?.code === "28P01" || error?.code === "28000") {
    return { code: "P1000", message: `Authentication failed against database server at \`${u.hostname}\`` };
  }
  return { code: "P1010", message: String(error?.message ?? error) };
}

async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  if (!url) throw Object.assign(new Error("No datasource URL"), { prismaCode: "P1012" });
  try {
    switch (command) {
      case "can-connect-to-database":
        await withClient(url, (c) => c.query("SELECT 1"));
        return;
      case "create-database":
        await withClient(maintenanceUrl(url), (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`));
        process.stdout.write(`Database ${databaseName(url)} created successfully.\n`);
        return;
      case "drop-database":
        await withClient(maintenanceUrl(url), (c) => c.query(`DROP DATABASE ${quoteIdent(databaseName(url))}`));
        process.stdout.write(`The database was successfully dropped.\n`);
        return;
      default:
        throw new Error(`Unknown schema engine cli command: ${command}`);
    }
  } catch (error) {
    const { code, message } = connectionErrorCode(error, url);
    // The CLI drops stderr's first line and parses each remaining line as JSON.
    process.stderr.write(logLine("INFO", `running ${command}`) + "\n" + logLine("ERROR", message, { error_code: code }));
    process.exitCode = 1;
  }
}

// ─── JSON-RPC server ──────────────────────────────────────────────────────

function pad(n, width = 2) {
  return String(n).padStart(width, "0");
}

/** The native engine names migrations <UTC yyyyMMddHHmmss>_<name>. */
function migrationDirectoryName(name) {
  const d = new Date();
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return name ? `${stamp}_${name}` : stamp;
}

function toRpcError(error, registry) {
  const fromAdapter = registry.lookupError?.(error);
  const err = fromAdapter?.error ?? error;
  const isPanic = err?.name === "RuntimeError" || /^RuntimeError/.test(String(err?.message ?? ""));
  let message = String(err?.message ?? err);
  if (isPanic && globalThis.PRISMA_WASM_PANIC_REGISTRY?.message) message = globalThis.PRISMA_WASM_PANIC_REGISTRY.message;
  if (err?.name === "DriverAdapterError" && err.cause) {
    const cause = err.cause;
    message = cause.message ?? `${cause.kind}${cause.type ? `: ${cause.type}` : ""}${cause.code ? ` (${cause.code})` : ""}`;
  }
  const data = { is_panic: isPanic, message, backtrace: isPanic ? String(err?.stack ?? "") : undefined };
  if (err?.code && /^P\d{4}$/.test(String(err.code))) {
    data.error_code = err.code;
    data.meta = err.meta ?? null;
  }
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

/**
 * Warnings like the native engine's: destructive statements in the next
 * migration that would lose data now present in the development database.
 */
async function dataLossWarnings(url, script) {
  const checks = [];
  for (const m of script.matchAll(/DROP TABLE "([^"]+)"/g)) {
    checks.push({
      sql: `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(m[1])}) AS "hasData"`,
      message: `You are about to drop the \`${m[1]}\` table, which is not empty. All the data it contains will be lost.`,
    });
  }
  for (const m of script.matchAll(/ALTER TABLE "([^"]+)"([^;]*);/g)) {
    const [, table, body] = m;
    for (const c of body.matchAll(/DROP COLUMN "([^"]+)"/g)) {
      checks.push({
        sql: `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)} WHERE ${quoteIdent(c[1])} IS NOT NULL) AS "hasData"`,
        message: `You are about to drop the column \`${c[1]}\` on the \`${table}\` table, which still contains data. The data in that column will be lost.`,
      });
    }
    for (const c of body.matchAll(/ALTER COLUMN "([^"]+)" SET DATA TYPE/g)) {
      checks.push({
        sql: `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)} WHERE ${quoteIdent(c[1])} IS NOT NULL) AS "hasData"`,
        message: `The type of column \`${c[1]}\` on the \`${table}\` table changes and the column contains data: the cast may fail or lose data.`,
      });
    }
  }
  if (checks.length === 0) return [];
  return withClient(url, async (client) => {
    const warnings = [];
    for (const check of checks) {
      // A table or column missing from the database has no data to lose.
      const hasData = await client.query(check.sql).then((r) => r.rows[0]?.hasData === true, () => false);
      if (hasData) warnings.push({ message: check.message, stepIndex: 0 });
    }
    return warnings;
  });
}

async function serve(args) {
  const datamodels = await Promise.all(
    args.datamodels.map(async (file) => [file, await readFile(path.resolve(file), "utf8")]),
  );
  const wasm = await loadWasmEngine();
  const factory = bindMigrationAwareSqlAdapterFactory(createAdapterFactory(args.datasource));
  const debugLog = (line) => {
    if (process.env.PRISMA_ENGINE_BRIDGE_DEBUG) process.stderr.write(`${line}\n`);
  };
  let engine;
  const getEngine = async () => {
    engine ??= await wasm.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      debugLog,
      factory,
    );
    return engine;
  };

  /** The script that takes the migration history (replayed on the shadow database) to the schema. */
  const diffHistoryToSchema = async (migrationsList, schemaFiles, filters) => {
    const e = await getEngine();
    // The first migration has no lock file yet; the CLI writes it afterwards.
    const lockfile =
      migrationsList.lockfile.content === null
        ? { ...migrationsList.lockfile, content: 'provider = "postgresql"\n' }
        : migrationsList.lockfile;
    const diff = await e.diff({
      from:
        migrationsList.migrationDirectories.length === 0
          ? { tag: "empty" }
          : { tag: "migrations", ...migrationsList, lockfile },
      to: { tag: "schemaDatamodel", files: schemaFiles },
      script: true,
      exitCode: true,
      filters,
    });
    return { empty: diff.exitCode === 0, script: diff.stdout ?? "" };
  };

  const handlers = {
    // The engine's own createMigration and evaluateDataLoss ask for a shadow
    // database in a way the external factory does not satisfy ("PostgreSQL
    // shadow DB must be provided through an external factory"); the same
    // diff (migration history -> schema) computed with `diff` works.
    async createMigration(params) {
      const { empty, script } = await diffHistoryToSchema(params.migrationsList, params.schema.files, params.filters);
      const name = migrationDirectoryName(params.migrationName);
      if (empty && !params.draft) {
        return { connectorType: "postgresql", generatedMigrationName: name, migrationScript: null, extension: "sql" };
      }
      return {
        connectorType: "postgresql",
        generatedMigrationName: name,
        migrationScript: empty ? "-- This is an empty migration." : script,
        extension: "sql",
      };
    },
    async evaluateDataLoss(params) {
      const { empty, script } = await diffHistoryToSchema(params.migrationsList, params.schema.files, params.filters);
      if (empty) return { migrationSteps: 0, unexecutableSteps: [], warnings: [] };
      const steps = script.split("\n").filter((line) => /^-- [A-Z]/.test(line)).length || 1;
      const warnings = args.datasource?.url ? await dataLossWarnings(args.datasource.url, script) : [];
      return { migrationSteps: steps, unexecutableSteps: [], warnings };
    },
    async getDatabaseVersion(params) {
      return (await getEngine()).version(params ?? null);
    },
    async createDatabase(params) {
      const url = params?.datasource?.url ?? args.datasource?.url;
      await withClient(maintenanceUrl(url), (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`));
      return { databaseName: databaseName(url) };
    },
    async diff(params) {
      const result = await (await getEngine()).diff(params);
      // The native engine hands the diff to the CLI with a `print` request;
      // the CLI writes it to stdout (or to --output) and answers.
      if (result.stdout) await printThroughCli(result.stdout);
      return { ...result, stdout: null };
    },
  };

  const call = async (method, params) => {
    if (handlers[method]) return handlers[method](params);
    const e = await getEngine();
    if (typeof e[method] !== "function") {
      throw new Error(`The schema engine bridge does not support \`${method}\``);
    }
    // Call as a method: the binding needs `this` (wasm-bindgen __wbg_ptr).
    const result = await e[method](params);
    return result ?? {};
  };

  // A WASM panic can surface outside the awaited promise (inside a callback):
  // answer the pending request as a panic so the CLI reports it, then exit
  // with the native engine's panic status.
  let currentRequestId = null;
  process.on("uncaughtException", (error) => {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || String(error?.message ?? error);
    process.stderr.write(logLine("ERROR", message) + "\n");
    if (currentRequestId !== null) {
      const data = { is_panic: true, message, backtrace: String(error?.stack ?? "") };
      process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: currentRequestId, error: { code: 4466, message, data } }) + "\n");
    }
    process.exit(101);
  });

  // Requests this engine sends to the CLI (only `print`), by id.
  const pendingPrints = new Map();
  let nextPrintId = 1;
  const printThroughCli = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`;
      pendingPrints.set(id, resolve);
      process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id, method: "print", params: { content } }) + "\n");
    });

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    if (!line.trim()) return;
    // Answers to our own requests bypass the queue (the queued request awaits them).
    try {
      const message = JSON.parse(line);
      if (message.method === undefined && pendingPrints.has(message.id)) {
        pendingPrints.get(message.id)();
        pendingPrints.delete(message.id);
        return;
      }
    } catch {
      /* reported below */
    }
    queue = queue.then(async () => {
      let request;
      try {
        request = JSON.parse(line);
      } catch {
        process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } }) + "\n");
        return;
      }
      if (request.id === undefined) return; // a notification, e.g. a response to our print
      let response;
      currentRequestId = request.id;
      const started = Date.now();
      try {
        const result = await call(request.method, request.params);
        debugLog(`[bridge] ${request.method} took ${Date.now() - started} ms`);
        response = { jsonrpc: "2.0", id: request.id, result };
      } catch (error) {
        process.stderr.write(logLine("ERROR", String(error?.message ?? error)) + "\n");
        response = { jsonrpc: "2.0", id: request.id, error: toRpcError(error, factory.errorRegistry) };
      }
      process.stdout.write(JSON.stringify(response) + "\n");
    });
  });
  rl.on("close", () => {
    queue.then(async () => {
      try {
        engine?.free();
      } catch {}
      for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
      process.exit(0);
    });
  });
}

// ─── main ─────────────────────────────────────────────────────────────────

const args = parseArgs(process.argv.slice(2));
const problems = writtenForProblems();
if (problems.length > 0) {
  // Like a failed cli command: the CLI skips stderr's first line and reads the rest as log lines.
  process.stderr.write([logLine("INFO", "checking the schema engine bridge"), ...problems.map((p) => logLine("ERROR", p))].join("\n") + "\n");
  process.exit(1);
} else if (args.version) {
  const wasm = await loadWasmEngine();
  process.stdout.write(`${ENGINE_VERSION_LABEL} ${wasm.version()}\n`);
} else if (args.cli) {
  await runCliCommand(args.cli, args.datasource);
} else {
  await serve(args);
}
