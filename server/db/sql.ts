// Plain SQL on the connection pool behind a Prisma client, for the few hot paths where Prisma's
// fixed cost per query (about 0.8 ms of CPU on the reference machine, more than the query itself)
// is most of the work: the rate-limit counter and the public tracking view, run on every
// signed-out look-up. Everything else goes through Prisma. The same statement runs through
// Prisma's $queryRawUnsafe when the client has no pool of its own (an interactive transaction).
import type pg from "pg";
import type { Db, DbTx } from "./client";

const pools = new WeakMap<object, pg.Pool>();

/** Called by createDb: the pool it handed to the Prisma adapter. */
export function registerPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * Rows of one parameterised statement ($1, $2, …). Column types as pg returns them: timestamptz as
 * Date, int4 as number, json parsed (timestamps inside json stay strings), enums as strings.
 */
export async function sqlRows<T>(db: Db | DbTx, text: string, values: readonly unknown[] = []): Promise<T[]> {
  const pool = pools.get(db);
  if (pool && !pool.ending && !pool.ended) {
    const result = await pool.query(text, values as unknown[]);
    return result.rows as T[];
  }
  return (db as Db).$queryRawUnsafe<T[]>(text, ...values);
}
