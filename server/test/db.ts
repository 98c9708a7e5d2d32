// The database of the integration run, for *.int.test.ts files.
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "../db";

/**
 * A Prisma client on this run's database, disconnected after the file's tests.
 * On the embedded database the pool is capped: it refuses connections past its limit.
 */
export function useTestDb(options: { max?: number } = {}): Db {
  const embedded = inject("databaseEmbedded");
  const max = embedded ? Math.min(options.max ?? 2, 2) : (options.max ?? 5);
  const db = createDb({ url: inject("databaseUrl"), max });
  afterAll(async () => {
    await db.$disconnect();
  });
  return db;
}
