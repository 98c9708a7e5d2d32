#!/usr/bin/env node
// Runs the prisma CLI with the schema engine replaced by our WASM bridge
// (scripts/prisma-schema-engine.mjs), because the native binary cannot be
// downloaded here. Usage: node scripts/prisma.mjs <prisma args...>
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = path.join(here, "prisma-schema-engine.mjs");
const require = createRequire(import.meta.url);
const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");

const child = spawn(process.execPath, [prismaCli, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: path.resolve(here, ".."),
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engine,
    // No telemetry or update checks: there is no internet here.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
