// The administering actor, re-read from the database on every call (admin/policy.ts says what it may do).
import type { DbTx } from "../../../db";
import { AppError } from "../../../errors";
import type { AdminActor } from "../policy";
import type { TRole } from "../schema";

const ADMIN_ROLES: readonly TRole[] = ["AGENCY_ADMIN", "SYSTEM_ADMIN"];

/** The administering actor, or FORBIDDEN (UNAUTHENTICATED for a missing or inactive account). */
export async function loadAdminActor(db: DbTx, { userId }: { userId: string }): Promise<AdminActor> {
  // As auth/queries.ts › loadActor reads it: active memberships at active agencies of an active user.
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      active: true,
      memberships: { where: { active: true, agency: { active: true }, role: { in: [...ADMIN_ROLES] } }, select: { agencyId: true, role: true } },
    },
  });
  if (!user?.active) throw new AppError("UNAUTHENTICATED", { message: `user ${userId} is missing or inactive` });
  const adminMemberships = user.memberships;
  if (adminMemberships.length === 0) throw new AppError("FORBIDDEN", { message: `user ${userId} administers nothing` });
  const systemAt = adminMemberships.filter((m) => m.role === "SYSTEM_ADMIN").map((m) => m.agencyId);
  const isSystemAdmin =
    systemAt.length > 0 && (await db.agency.count({ where: { id: { in: systemAt }, kind: "MINISTRY", active: true } })) > 0;
  return { userId, isSystemAdmin, adminAgencyIds: new Set(adminMemberships.map((m) => m.agencyId)) };
}
