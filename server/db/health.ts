import type { Db } from "./client";

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
}

/**
 * One round trip to the database, bounded by a timeout so a hung pool cannot hang the health check.
 */
export async function checkDatabase(db: Db, timeoutMs = 2000): Promise<DatabaseHealth> {
  const start = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database health check timed out")), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - start) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - start) };
  } finally {
    clearTimeout(timer);
  }
}
