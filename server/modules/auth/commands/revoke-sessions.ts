// Sessions are stateless tokens (JWT in a cookie), so revocation is a number: every token carries
// the user's sessionVersion at sign-in, and a token whose number is behind the row's is dead.
import type { Db, UserKind } from "../../../db";

export interface SessionClaims {
  userId: string;
  /** Missing in tokens issued before versions existed: those count as version 0. */
  sessionVersion?: number;
  /** When the person signed in (ms since epoch); a session never outlives sign-in + maxAgeMs. */
  authTime?: number;
}

/** The user behind a session token, or null when the token is revoked, too old, or the user is inactive. */
export async function validateSession(
  db: Db,
  claims: SessionClaims,
  limits: { maxAgeMs: number; now?: Date },
): Promise<{ id: string; kind: UserKind } | null> {
  const now = (limits.now ?? new Date()).getTime();
  if (claims.authTime !== undefined && now - claims.authTime > limits.maxAgeMs) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, kind: true, active: true, sessionVersion: true },
  });
  if (!user?.active || user.sessionVersion !== (claims.sessionVersion ?? 0)) return null;
  return { id: user.id, kind: user.kind };
}

export async function currentSessionVersion(db: Db, { userId }: { userId: string }): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}

/**
 * Ends every session of the user, in every browser, at their next request. Only a token of the
 * current version revokes: a stale cookie signing out must not sign out a newer session.
 */
export async function revokeSessions(db: Db, { userId, fromVersion }: { userId: string; fromVersion?: number }): Promise<void> {
  await db.user.updateMany({
    where: { id: userId, ...(fromVersion === undefined ? {} : { sessionVersion: fromVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
}
