import type { Db } from "../../../db";
import { fieldErrors, parseInput } from "../input";
import { requireUserAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { userSelect, toAdminUser, findVisibleUser } from "../queries/users";
import { ZSetActiveSchema, type TAdminUser } from "../schema";
import { writeAudit, auditView } from "./write-audit";

/** Deactivates (every session ends, sign-in refused) or reactivates an account. Not one's own. */
export async function setUserActive(db: Db, input: { actorUserId: string; userId: string; active: boolean }): Promise<TAdminUser> {
  const values = parseInput(ZSetActiveSchema, { userId: input.userId, active: input.active });
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  if (values.userId === input.actorUserId) throw fieldErrors({ userId: "SELF" }, "administrators do not deactivate themselves");
  return db.$transaction(async (tx) => {
    const before = await findVisibleUser(tx, { actor, userId: values.userId });
    requireUserAdmin(actor, before);
    if (before.active === values.active) return toAdminUser(before);
    const after = await tx.user.update({
      where: { id: values.userId },
      data: values.active
        ? { active: true, failedSignIns: 0, lockedUntil: null }
        : { active: false, sessionVersion: { increment: 1 } },
      select: userSelect,
    });
    await writeAudit(tx, {
      actorUserId: input.actorUserId,
      entity: "User",
      entityId: after.id,
      action: values.active ? "reactivate" : "deactivate",
      before: auditView(before),
      after: auditView(after),
    });
    return toAdminUser(after);
  });
}
