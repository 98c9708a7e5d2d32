import type { Db, UserKind } from "../../db";
import type { Actor } from "./policy";
import type { TCurrentUser } from "./schema";

/** Active memberships at active agencies count; anything else grants nothing. */
const activeMembership = { active: true, agency: { active: true } } as const;

/** The actor behind a session, re-read from the database; null when the user is gone or deactivated. */
export async function loadActor(db: Db, { userId }: { userId: string }): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      kind: true,
      active: true,
      memberships: { where: activeMembership, select: { agencyId: true, role: true } },
    },
  });
  if (!user?.active) return null;
  return { userId: user.id, kind: user.kind, memberships: user.memberships };
}

export async function getCurrentUser(db: Db, { userId }: { userId: string }): Promise<TCurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      kind: true,
      name: true,
      email: true,
      phone: true,
      locale: true,
      active: true,
      memberships: {
        where: activeMembership,
        orderBy: [{ agency: { nameVi: "asc" } }, { role: "asc" }],
        select: { role: true, agency: { select: { id: true, code: true, nameVi: true, nameEn: true } } },
      },
    },
  });
  if (!user?.active) return null;
  return {
    id: user.id,
    kind: user.kind,
    name: user.name,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    memberships: user.memberships.map((m) => ({
      agencyId: m.agency.id,
      agencyCode: m.agency.code,
      agencyNameVi: m.agency.nameVi,
      agencyNameEn: m.agency.nameEn,
      role: m.role,
    })),
  };
}

/**
 * Sessions are stateless tokens (JWT in a cookie), so revocation is a number: every token carries
 * the user's sessionVersion at sign-in, and a token whose number is behind the row's is dead
 * (commands/revoke-sessions.ts moves it on).
 */
interface SessionClaims {
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
