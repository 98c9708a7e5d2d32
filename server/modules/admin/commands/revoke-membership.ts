import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { fieldErrors } from "../input";
import { canAdministerAgency, requireGrantable } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { userSelect, toAdminUser } from "../queries/users";
import type { TAdminUser } from "../schema";
import { writeAudit, membershipView } from "./write-audit";

/**
 * Revokes a membership (kept, inactive, for the history; a later grant re-activates it). Rights are
 * re-read on every call, so the role is gone at the user's next request. An administrator cannot
 * revoke their own last administering membership.
 */
export async function revokeMembership(db: Db, input: { actorUserId: string; membershipId: string }): Promise<TAdminUser> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { id: input.membershipId } });
    if (!before || !canAdministerAgency(actor, before.agencyId)) {
      throw new AppError("NOT_FOUND", { message: `membership ${input.membershipId} not found or outside the scope of ${actor.userId}` });
    }
    requireGrantable(actor, before.agencyId, before.role);
    if (before.userId === input.actorUserId && (before.role === "AGENCY_ADMIN" || before.role === "SYSTEM_ADMIN")) {
      const others = await tx.membership.count({
        where: { userId: input.actorUserId, active: true, role: { in: ["AGENCY_ADMIN", "SYSTEM_ADMIN"] }, id: { not: before.id } },
      });
      if (others === 0) throw fieldErrors({ membershipId: "SELF_LOCKOUT" }, "would remove the administrator's last administering role");
    }
    if (before.active) {
      const after = await tx.membership.update({ where: { id: before.id }, data: { active: false } });
      await writeAudit(tx, {
        actorUserId: input.actorUserId,
        entity: "Membership",
        entityId: after.id,
        action: "revoke",
        before: membershipView(before),
        after: membershipView(after),
      });
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: before.userId }, select: userSelect });
    return toAdminUser(user);
  });
}
