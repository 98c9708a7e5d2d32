/**
 * Runs the embedded database for one e2e run in its own process, so PGlite's work never blocks the
 * Playwright runner and the teardown can stop it by pid. Prints `READY <url>` once it accepts connections.
 *
 *   tsx e2e/support/embedded-db-process.ts <port> <dataDir>
 */
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";

const [portArg, dataDir] = process.argv.slice(2);
if (!portArg || !dataDir) {
  console.error("usage: embedded-db-process.ts <port> <dataDir>");
  process.exit(2);
}

const db = await startEmbeddedDb({ port: Number(portArg), dataDir });
console.log(`READY ${db.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await db.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
