import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { registerPool } from "./sql";

export type Db = PrismaClient;
/** The client or an interactive transaction: domain functions accept either. */
export type DbTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DbOptions {
  url?: string;
  /** Pool size. Keep small against the embedded database (it runs one query at a time). */
  max?: number;
}

export function createDb(options: DbOptions = {}): PrismaClient {
  const url = options.url ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: run `npm start` (it starts the embedded database) or point it at PostgreSQL");
  }
  const max = options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10);
  // Our own pool, so the few plain-SQL hot paths (sql.ts) share its connections; $disconnect ends it.
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection's error (the server restarted) must not crash the process before Prisma
  // has attached its own listener.
  pool.on("error", (error) => console.warn(`[db] idle connection error: ${error.message}`));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  registerPool(client, pool);
  return client;
}

const globalForDb = globalThis as unknown as { motcuaDb?: PrismaClient };

/** The process-wide client (one pool per app node; reused across hot reloads in dev). */
export function getDb(): PrismaClient {
  globalForDb.motcuaDb ??= createDb();
  return globalForDb.motcuaDb;
}
