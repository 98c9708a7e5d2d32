import { tmpdir } from "node:os";
import { join } from "node:path";

/** The e2e web server's port (3200 is reserved for e2e; override only for a one-off local run). */
export const e2ePort = Number(process.env.E2E_PORT || 3200);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;

/** A fixed secret: e2e sessions are throw-away and the server is bound to 127.0.0.1. */
export const e2eAuthSecret = "motcua-e2e-auth-secret-not-for-production-000000";

/** What the global setup left running, so the teardown (or the next run, after a crash) can clean it up. */
export const e2eStateFile = join(tmpdir(), `motcua-e2e-${e2ePort}.state.json`);
export const e2eServerLog = join(tmpdir(), `motcua-e2e-${e2ePort}.server.log`);
export const e2eWorkerLog = join(tmpdir(), `motcua-e2e-${e2ePort}.worker.log`);

/** Set by the global setup; Playwright passes it on to the test workers. */
export function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: the e2e global setup did not run");
  return url;
}

/** next-auth's session cookie over plain http (the e2e server is not https). */
export const sessionCookieName = "next-auth.session-token";

/**
 * Where the e2e build goes (next.config.js reads NEXT_DIST_DIR). Default `.next`: with any other
 * directory, `next build` adds `<dir>/types/**` to tsconfig.json's include, changing a shared file.
 */
export const e2eDistDir = process.env.E2E_DIST_DIR || ".next";
