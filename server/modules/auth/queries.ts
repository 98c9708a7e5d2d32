import type { Db } from "../../db";
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
