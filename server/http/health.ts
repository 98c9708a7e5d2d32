import "server-only";
import pkg from "~/package.json";
import { checkDatabase } from "../db/health";
import { getDb } from "../db";

/** GET /api/health: 200 while the database answers, 503 (degraded) when it does not. */
export async function healthResponse(): Promise<Response> {
  let database;
  try {
    database = await checkDatabase(getDb());
  } catch {
    // No DATABASE_URL: not ready.
    database = { ok: false, latencyMs: 0 };
  }
  return Response.json(
    { status: database.ok ? "ok" : "degraded", version: pkg.version, database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
