import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { parseInput } from "../input";
import { requireGrantable } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { toAdminUser, findVisibleUser } from "../queries/users";
import { ZMembershipGrantSchema, type TAdminUser, type TMembershipGrant } from "../schema";
import { writeAudit, auditView, membershipView } from "./write-audit";

/**
 * Grants a role at an agency (re-activating a revoked membership). A citizen account given a role
 * becomes an officer account (one account per person). Granting what the user already holds changes
 * nothing and writes no audit row.
 */
export async function grantMembership(db: Db, input: { actorUserId: string } & TMembershipGrant): Promise<TAdminUser> {
  const values = parseInput(ZMembershipGrantSchema, { userId: input.userId, agencyId: input.agencyId, role: input.role });
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  requireGrantable(actor, values.agencyId, values.role);
  return db.$transaction(async (tx) => {
    const user = await findVisibleUser(tx, { actor, userId: values.userId });
    const agency = await tx.agency.findUnique({ where: { id: values.agencyId }, select: { id: true } });
    if (!agency) throw new AppError("NOT_FOUND", { message: `agency ${values.agencyId}` });
    const existing = await tx.membership.findUnique({
      where: { userId_agencyId_role: { userId: values.userId, agencyId: values.agencyId, role: values.role } },
    });
    if (existing?.active) return toAdminUser(user);
    const saved = existing
      ? await tx.membership.update({ where: { id: existing.id }, data: { active: true } })
      : await tx.membership.create({ data: { userId: values.userId, agencyId: values.agencyId, role: values.role } });
    if (user.kind === "CITIZEN") {
      await tx.user.update({ where: { id: user.id }, data: { kind: "OFFICER" } });
      await writeAudit(tx, {
        actorUserId: input.actorUserId,
        entity: "User",
        entityId: user.id,
        action: "becomeOfficer",
        before: auditView(user),
        after: { ...auditView(user), kind: "OFFICER" },
      });
    }
    await writeAudit(tx, {
      actorUserId: input.actorUserId,
      entity: "Membership",
      entityId: saved.id,
      action: "grant",
      before: existing ? membershipView(existing) : null,
      after: membershipView(saved),
    });
    return toAdminUser(await findVisibleUser(tx, { actor, userId: values.userId }));
  });
}
