/**
 * `npm run bench [-- name-filter[,name-filter…]]`: runs every bench/*.bench.ts (or those whose name
 * contains one of the words) against a fresh database
 * motcua_bench_<random> on the PostgreSQL server named by DATABASE_URL, prints `name: value unit`
 * lines on stdout, saves them to bench/results/<time>.json, and drops the database.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createTestDatabase, type TestDatabase } from "../server/test/test-database";
import type { Bench, BenchFigure } from "./types";

const benchDir = resolve(import.meta.dirname);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

async function main() {
  const filter = process.argv.slice(2).find((a) => !a.startsWith("-"));
  const files = (await readdir(benchDir))
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !filter || filter.split(",").some((word) => word !== "" && f.includes(word)))
    .sort();
  if (files.length === 0) {
    log(`no bench/*.bench.ts${filter ? ` matching "${filter}"` : ""}`);
    process.exit(1);
  }

  const serverUrl = process.env.DATABASE_URL || undefined;
  if (!serverUrl) {
    log("Benchmarks need a PostgreSQL server: set DATABASE_URL, e.g.");
    log("  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench");
    log("WARNING: DATABASE_URL is unset; falling back to the embedded database. It runs one query at a");
    log("WARNING: time and few connections, so these figures say nothing about production concurrency.");
  }

  const loadAverageBefore = loadavg();
  let database: TestDatabase | undefined;
  const cleanup = async () => {
    await database?.drop().catch((error: unknown) => log(`could not drop the bench database: ${String(error)}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });
  }

  const results: Array<{ bench: string; figures: BenchFigure[] }> = [];
  let failed = false;
  try {
    database = await createTestDatabase({ prefix: "motcua_bench_", serverUrl, log });
    log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
    log(`load average before: ${loadAverageBefore.map((l) => l.toFixed(2)).join(" ")} (other work on the machine skews the figures)`);
    for (const file of files) {
      const name = basename(file, ".bench.ts");
      log(`running ${name}`);
      const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { default?: Bench };
      if (typeof mod.default !== "function") {
        log(`${file} has no default export function; skipped`);
        failed = true;
        continue;
      }
      try {
        const figures = await mod.default({
          databaseUrl: database.url,
          embedded: database.embedded,
          log: (line) => log(`${name}: ${line}`),
        });
        for (const f of figures) console.log(`${f.name}: ${formatValue(f.value)}${f.unit ? ` ${f.unit}` : ""}`);
        results.push({ bench: name, figures });
      } catch (error) {
        failed = true;
        log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    await cleanup();
  }

  if (results.length > 0) {
    const dir = join(benchDir, "results");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverageBefore, loadAverageAfter: loadavg() };
    await writeFile(file, JSON.stringify({ at: new Date().toISOString(), embedded: !serverUrl, machine, results }, null, 2));
    log(`saved ${file}`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
