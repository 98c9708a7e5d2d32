// Fixed-window rate limits kept in PostgreSQL (RateLimitBucket), so every stateless app node
// counts against the same numbers. One upsert per hit: the row for (key, window) is created or
// incremented atomically and the new count comes back; a hit that turns out not to count is taken back.
import { sqlRows, type Db } from "../../../db";
import { type RateLimitRule, type RateLimitHit, bucketKey, rateLimitedError } from "../rate-limit";

function windowOf(rule: RateLimitRule, now: Date): Date {
  return new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
}

/** Rows older than this are swept (the longest window is 15 minutes). */
const SWEEP_AFTER_MS = 24 * 3_600_000;

/** About one hit in this many sweeps old rows, so the table stays small without a job. */
const SWEEP_ONE_IN = 200;

/** Counts one hit against `subject` and says whether it is within the limit. */
export async function hitRateLimit(
  db: Db,
  { rule, subject }: { rule: RateLimitRule; subject: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<RateLimitHit> {
  const windowStart = windowOf(rule, now);
  const key = bucketKey(rule, subject);
  // Plain SQL: this runs on every public look-up and sign-in attempt (server/db/sql.ts).
  const rows = await sqlRows<{ count: number }>(
    db,
    `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1, $2, 1)
     ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
     RETURNING "count"`,
    [key, windowStart],
  );
  if (Math.random() * SWEEP_ONE_IN < 1) {
    await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStart" < ${new Date(now.getTime() - SWEEP_AFTER_MS)}`;
  }
  const count = rows[0]?.count ?? 1;
  return {
    allowed: count <= rule.limit,
    count,
    limit: rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000)),
    windowStart,
  };
}

/** Takes back a hit that turned out not to count (a correct ID number). */
export async function undoRateLimitHit(db: Db, { rule, subject, windowStart }: { rule: RateLimitRule; subject: string; windowStart: Date }): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${bucketKey(rule, subject)} AND "windowStart" = ${windowStart}`;
}

/** Throws RATE_LIMITED past the limit. */
export async function enforceRateLimit(
  db: Db,
  input: { rule: RateLimitRule; subject: string },
  options: { now?: Date } = {},
): Promise<RateLimitHit> {
  const hit = await hitRateLimit(db, input, options);
  if (!hit.allowed) throw rateLimitedError(input.rule, hit);
  return hit;
}
