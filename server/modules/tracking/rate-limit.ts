// Rate limits: the rules (how many hits per window, configurable), the hashed counter key of a
// subject, the RATE_LIMITED error, and which client a request came from. The counting itself is
// commands/hit-rate-limit.ts (fixed windows in PostgreSQL, shared by every app node).
import { createHash } from "node:crypto";
import { AppError } from "../../errors";

export interface RateLimitRule {
  /** Part of the key: one counter family per rule. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitHit {
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

/** RATE_LIMITED with what the client may show: which limit and when to retry. */
export function rateLimitedError(rule: RateLimitRule, hit: RateLimitHit): AppError {
  return new AppError("RATE_LIMITED", {
    message: `${rule.name}: ${hit.count} hits over the limit of ${rule.limit} per ${rule.windowMs / 1000} s`,
    details: { reason: rule.name, limit: rule.limit, retryAfterSeconds: hit.retryAfterSeconds },
  });
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
