import type { Db } from "../../../db";
import { passwordProblems } from "../../account/password-policy";
import { hashPassword } from "../../auth/password";
import { fieldErrors, parseInput } from "../input";
import { requireUserAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { userSelect, toAdminUser, findVisibleUser } from "../queries/users";
import { ZSetPasswordSchema, type TAdminUser } from "../schema";
import { writeAudit, auditView } from "./write-audit";

/** Sets a new password (e.g. for an officer who has none yet): ends the account's sessions and clears a lock. */
export async function setUserPassword(db: Db, input: { actorUserId: string; userId: string; password: string }): Promise<TAdminUser> {
  const values = parseInput(ZSetPasswordSchema, { userId: input.userId, password: input.password });
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  const target = await findVisibleUser(db, { actor, userId: values.userId });
  requireUserAdmin(actor, target);
  const weak = passwordProblems(values.password, [target.email, target.phone]);
  if (weak.length > 0) throw fieldErrors({ password: weak[0]! }, "weak password");
  const passwordHash = await hashPassword(values.password);
  return db.$transaction(async (tx) => {
    const before = await findVisibleUser(tx, { actor, userId: values.userId });
    const after = await tx.user.update({
      where: { id: values.userId },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
      select: userSelect,
    });
    // The audit says that the password changed, never what it is.
    await writeAudit(tx, {
      actorUserId: input.actorUserId,
      entity: "User",
      entityId: after.id,
      action: "setPassword",
      before: { ...auditView(before), hasPassword: before.passwordHash !== null },
      after: { ...auditView(after), hasPassword: true },
    });
    return toAdminUser(after);
  });
}
