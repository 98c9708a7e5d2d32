import type { Db, UserKind } from "../../../db";
import { hitRateLimit, undoRateLimitHit } from "../../tracking/commands/hit-rate-limit";
import { type RateLimitRule } from "../../tracking/rate-limit";
import { parseSignInIdentifier } from "../identifier";
import { getDummyHash, hashPassword, needsRehash, verifyPassword } from "../password";

/** After this many consecutive failures the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/**
 * Failed sign-ins per client address per 15 minutes (SIGN_IN_ATTEMPTS_PER_IP, default 20), across all
 * accounts: the per-account lock stops guessing one password, this stops trying one password on many
 * accounts. Successful sign-ins are taken back, so an office behind one address is not locked out.
 */
export function signInAttemptsPerClient(): RateLimitRule {
  const configured = Number(process.env.SIGN_IN_ATTEMPTS_PER_IP);
  return { name: "sign-in", limit: Number.isInteger(configured) && configured > 0 ? configured : 20, windowMs: 15 * 60_000 };
}

export interface SignedInUser {
  id: string;
  kind: UserKind;
  name: string;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterSeconds: number };

/**
 * Checks an e-mail/phone + password. Unknown, inactive and password-less (SSO-only) accounts all
 * answer INVALID_CREDENTIALS after the same scrypt work, so neither the message nor the timing
 * tells which accounts exist. Only a locked account answers differently, so its owner knows to wait.
 */
export async function signInWithPassword(
  db: Db,
  input: { identifier: string; password: string; clientKey?: string },
  options: { now?: Date } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  if (input.clientKey === undefined) return checkPassword(db, input, now);
  // Counted before the (deliberately slow) password check, so a flood costs no scrypt work.
  const rule = signInAttemptsPerClient();
  const hit = await hitRateLimit(db, { rule, subject: input.clientKey }, { now });
  if (!hit.allowed) return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: hit.retryAfterSeconds };
  const result = await checkPassword(db, input, now);
  if (result.ok) await undoRateLimitHit(db, { rule, subject: input.clientKey, windowStart: hit.windowStart });
  return result;
}

async function checkPassword(db: Db, input: { identifier: string; password: string }, now: Date): Promise<SignInResult> {
  const identifier = parseSignInIdentifier(input.identifier);
  const where = !identifier
    ? null
    : identifier.kind === "email"
      ? // E-mails are stored lower-cased (normaliseEmail), so the unique index answers this.
        { email: identifier.email }
      : { phone: { in: identifier.candidates } };

  const user = where
    ? await db.user.findFirst({
        where,
        select: { id: true, kind: true, name: true, active: true, passwordHash: true, lockedUntil: true },
      })
    : null;

  if (user?.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil };
  }

  const usable = user !== null && user.active && user.passwordHash !== null;
  const matches = await verifyPassword(input.password, usable ? user.passwordHash! : await getDummyHash());
  if (!user || !usable) return { ok: false, reason: "INVALID_CREDENTIALS" };

  if (!matches) {
    const updated = await db.user.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true },
    });
    if (updated.failedSignIns >= MAX_FAILED_SIGN_INS) {
      const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      // The counter restarts, so after the lock expires the owner gets MAX_FAILED_SIGN_INS fresh attempts.
      await db.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignIns: 0 } });
      return { ok: false, reason: "LOCKED", lockedUntil };
    }
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }

  await db.user.update({
    where: { id: user.id },
    data: {
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: now,
      ...(needsRehash(user.passwordHash!) ? { passwordHash: await hashPassword(input.password) } : {}),
    },
  });
  return { ok: true, user: { id: user.id, kind: user.kind, name: user.name } };
}
