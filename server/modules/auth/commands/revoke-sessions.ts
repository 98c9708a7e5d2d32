// Sessions are stateless tokens (JWT in a cookie), so revocation is a number: every token carries
// the user's sessionVersion at sign-in, and a token whose number is behind the row's is dead.
import type { Db } from "../../../db";

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
