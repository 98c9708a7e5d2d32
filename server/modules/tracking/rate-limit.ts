// Fixed-window rate limits kept in PostgreSQL (RateLimitBucket), so every stateless app node
// counts against the same numbers. One upsert per hit: the row for (key, window) is created or
// incremented atomically and the new count comes back.
import { createHash } from "node:crypto";
import { sqlRows, type Db } from "../../db";
import { AppError } from "../../errors";

export interface RateLimitRule {
  /** Part of the key: one counter family per rule. */
  name: string;
  limit: number;
  windowMs: number;
}

interface RateLimitHit {
  allowed: boolean;
  count: number;
  limit: number;
  /** Seconds until the window ends (for Retry-After and the message). */
  retryAfterSeconds: number;
  windowStart: Date;
}

function envLimit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Public tracking look-ups per client per minute (TRACKING_LOOKUPS_PER_MINUTE, default 30). */
export function lookupsPerClient(): RateLimitRule {
  return { name: "track-lookup", limit: envLimit("TRACKING_LOOKUPS_PER_MINUTE", 30), windowMs: 60_000 };
}

/** Wrong ID-number attempts per dossier code per 15 minutes (TRACKING_ID_ATTEMPTS_PER_CODE, default 5). */
export function idAttemptsPerCode(): RateLimitRule {
  return { name: "track-id", limit: envLimit("TRACKING_ID_ATTEMPTS_PER_CODE", 5), windowMs: 15 * 60_000 };
}

/** Subjects (IP addresses, dossier codes) are stored hashed: the table needs identity, not the value. */
export function bucketKey(rule: RateLimitRule, subject: string): string {
  return `${rule.name}:${createHash("sha256").update(subject).digest("base64url").slice(0, 32)}`;
}

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

/** RATE_LIMITED with what the client may show: which limit and when to retry. */
export function rateLimitedError(rule: RateLimitRule, hit: RateLimitHit): AppError {
  return new AppError("RATE_LIMITED", {
    message: `${rule.name}: ${hit.count} hits over the limit of ${rule.limit} per ${rule.windowMs / 1000} s`,
    details: { reason: rule.name, limit: rule.limit, retryAfterSeconds: hit.retryAfterSeconds },
  });
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

/**
 * The client a request came from: the first hop of X-Forwarded-For (set by the reverse proxy in
 * front of the app nodes), else X-Real-IP, else "unknown". Behind no proxy the header is the
 * client's own word; deployments must put a proxy that overwrites it in front of the app.
 */
export function clientKeyFrom(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  // An address, not arbitrary text: IPv4, IPv6 (with an optional zone or port) only.
  return /^[0-9A-Fa-f:.[\]%]{2,64}$/.test(candidate) ? candidate : "unknown";
}
