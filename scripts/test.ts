/**
 * `npm test`: runs every suite in order (lint, typecheck, unit, integration, e2e), streams each
 * suite's output live, and ends with a summary table and, as the very last line,
 * `N passed, N failed[, N skipped]` summed over all suites. Exit code 1 if anything failed.
 *
 *   npm test                       all suites
 *   npm test -- --only unit,e2e    a subset, still in the canonical order
 *
 * It installs nothing: a missing Chromium is reported and counts as a failed e2e suite.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const suiteNames = ["lint", "typecheck", "unit", "integration", "e2e"] as const;
type SuiteName = (typeof suiteNames)[number];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface SuiteResult extends Counts {
  name: SuiteName;
  seconds: number;
  note: string;
}

function parseArgs(argv: string[]): SuiteName[] {
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--only") only = argv[++i];
    else if (arg.startsWith("--only=")) only = arg.slice("--only=".length);
    else if (arg === "--help" || arg === "-h") {
      console.log(`usage: npm test [-- --only ${suiteNames.join(",")}]`);
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  if (only === undefined) return [...suiteNames];
  const wanted = only.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !(suiteNames as readonly string[]).includes(w));
  if (unknown.length > 0 || wanted.length === 0) {
    console.error(`--only takes a comma-separated list of: ${suiteNames.join(", ")} (got "${only}")`);
    process.exit(2);
  }
  return suiteNames.filter((s) => wanted.includes(s));
}

/** Runs a command with inherited stdio so its progress shows live; resolves to its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolvePromise(127);
    });
    child.on("close", (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

function bin(name: string): string {
  return join(root, "node_modules", ".bin", name);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function hasNpmScript(name: string): boolean {
  const pkg = readJson(join(root, "package.json")) as { scripts?: Record<string, string> } | undefined;
  return typeof pkg?.scripts?.[name] === "string";
}

/** A suite without per-test counts (lint, typecheck) counts as one test. */
async function runWholeSuite(script: string): Promise<Counts & { note: string }> {
  if (!hasNpmScript(script)) {
    console.error(`package.json has no "${script}" script`);
    return { passed: 0, failed: 1, skipped: 0, note: `no "${script}" script` };
  }
  const code = await run("npm", ["run", "--silent", script]);
  return code === 0
    ? { passed: 1, failed: 0, skipped: 0, note: "" }
    : { passed: 0, failed: 1, skipped: 0, note: `exit code ${code}` };
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
}

async function runVitest(project: "unit" | "integration", workDir: string): Promise<Counts & { note: string }> {
  const outputFile = join(workDir, `vitest-${project}.json`);
  const code = await run(bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${outputFile}`,
  ]);
  const report = readJson(outputFile) as VitestReport | undefined;
  if (!report) {
    return { passed: 0, failed: 1, skipped: 0, note: `no report (exit code ${code})` };
  }
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  // A file that fails to load, or an error outside any test, fails the run without failing a test.
  if (code !== 0 && counts.failed === 0) {
    const suites = report.numFailedTestSuites ?? 0;
    return { ...counts, failed: Math.max(1, suites), note: `exit code ${code} with no failed test` };
  }
  return { ...counts, note: code === 0 ? "" : `exit code ${code}` };
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: unknown[];
}

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

async function runPlaywright(workDir: string): Promise<Counts & { note: string }> {
  const executable = chromiumPath();
  if (!existsSync(executable)) {
    console.error(
      `Chromium not found: install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH` +
        ` (looked for ${executable})`,
    );
    return { passed: 0, failed: 1, skipped: 0, note: "Chromium not found" };
  }
  const outputFile = join(workDir, "playwright.json");
  const code = await run(bin("playwright"), ["test", "--reporter=list,json"], {
    ...process.env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: outputFile,
  });
  const report = readJson(outputFile) as PlaywrightReport | undefined;
  if (!report?.stats) {
    return { passed: 0, failed: 1, skipped: 0, note: `no report (exit code ${code})` };
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const counts = { passed: expected + flaky, failed: unexpected, skipped };
  // Global setup failures and similar errors fail the run without failing a test.
  if (code !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, note: `exit code ${code}, ${report.errors?.length ?? 0} error(s) outside tests` };
  }
  const notes = [flaky > 0 ? `${flaky} flaky` : "", code === 0 ? "" : `exit code ${code}`].filter(Boolean);
  return { ...counts, note: notes.join(", ") };
}

function runSuite(name: SuiteName, workDir: string): Promise<Counts & { note: string }> {
  switch (name) {
    case "lint":
      return runWholeSuite("lint");
    case "typecheck":
      return runWholeSuite("typecheck");
    case "unit":
    case "integration":
      return runVitest(name, workDir);
    case "e2e":
      return runPlaywright(workDir);
  }
}

function printSummary(results: SuiteResult[]): void {
  const header = ["suite", "passed", "failed", "skipped", "time", "note"];
  const rows = results.map((r) => [
    r.name,
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    `${r.seconds.toFixed(1)}s`,
    r.failed > 0 ? `FAILED${r.note ? `: ${r.note}` : ""}` : r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  console.log("");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log("");
}

async function main(): Promise<void> {
  const selected = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), "motcua-test-"));
  const results: SuiteResult[] = [];
  const started = Date.now();
  try {
    for (const name of selected) {
      console.log(`\n=== ${name} ${"=".repeat(Math.max(0, 60 - name.length))}`);
      const t0 = Date.now();
      const counts = await runSuite(name, workDir);
      results.push({ name, ...counts, seconds: (Date.now() - t0) / 1000 });
      console.log(`=== ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  printSummary(results);
  const total = results.reduce<Counts>(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)}s`);
  // This line must stay the last one printed: CI reads it.
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ""}`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

await main();
