import { Prisma, type Db } from "../../../db";
import { passwordProblems } from "../../account/password-policy";
import { normalisePhone } from "../../auth/identifier";
import { hashPassword } from "../../auth/password";
import { fieldErrors, parseInput } from "../input";
import { requireGrantable } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { userSelect, toAdminUser } from "../queries/users";
import { ZOfficerCreateSchema, type TAdminUser, type TOfficerCreate } from "../schema";
import { writeAudit, auditView } from "./write-audit";

/**
 * Creates an officer account with an initial password (the citizens' password rule applies) and its
 * first memberships, each at an agency the actor administers. VALIDATION with details.fieldErrors
 * for a taken e-mail or phone, or a weak password.
 */
export async function createOfficer(db: Db, input: { actorUserId: string } & TOfficerCreate): Promise<TAdminUser> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZOfficerCreateSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  for (const m of values.memberships) requireGrantable(actor, m.agencyId, m.role);

  const errors: Record<string, string> = {};
  const phone = values.phone ? normalisePhone(values.phone) : null;
  if (values.phone && !phone) errors.phone = "PHONE_FORMAT";
  const weak = passwordProblems(values.password, [values.email, phone]);
  if (weak.length > 0) errors.password = weak[0]!;
  const taken = await db.user.findFirst({
    where: { OR: [{ email: values.email }, ...(phone ? [{ phone: { in: [phone, `+84${phone.slice(1)}`] } }] : [])] },
    select: { email: true },
  });
  if (taken) errors[taken.email === values.email ? "email" : "phone"] = taken.email === values.email ? "EMAIL_TAKEN" : "PHONE_TAKEN";
  if (Object.keys(errors).length > 0) throw fieldErrors(errors, "officer input is invalid");

  const passwordHash = await hashPassword(values.password);
  const unique = new Map(values.memberships.map((m) => [`${m.agencyId}:${m.role}`, m]));
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          kind: "OFFICER",
          name: values.name,
          email: values.email,
          phone,
          passwordHash,
          memberships: { create: [...unique.values()].map((m) => ({ agencyId: m.agencyId, role: m.role })) },
        },
        select: userSelect,
      });
      await writeAudit(tx, {
        actorUserId,
        entity: "User",
        entityId: created.id,
        action: "create",
        before: null,
        after: { ...auditView(created), memberships: created.memberships.map((m) => ({ agencyId: m.agencyId, role: m.role })) },
      });
      return toAdminUser(created);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw fieldErrors({ email: "EMAIL_TAKEN" }, "account created concurrently");
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw fieldErrors({ memberships: "AGENCY_UNKNOWN" }, "unknown agency");
    }
    throw error;
  }
}
