// Officer accounts and their rights (memberships: user × agency × role). Deactivation takes effect at
// the user's next request: the account is inactive (sign-in refuses it, loadActor returns null) and
// its sessionVersion moves on, so every session token it holds is dead.
import { Prisma, type Db, type DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { passwordProblems } from "../../account/password-policy";
import { normalisePhone } from "../../auth/identifier";
import { hashPassword } from "../../auth/password";
import { parseInput } from "../input";
import { canAdministerAgency, loadAdminActor, requireAgencyAdmin, requireGrantable, requireUserAdmin, type AdminActor } from "../policy";
import {
  ZMembershipGrantSchema,
  ZOfficerCreateSchema,
  ZSetActiveSchema,
  ZSetPasswordSchema,
  ZUserListInputSchema,
  type TAdminUser,
  type TMembershipGrant,
  type TOfficerCreate,
  type TRole,
  type TUserListInput,
  type TUserListPage,
} from "../schema";
import { writeAudit } from "./audit-log";

const userSelect = {
  id: true,
  kind: true,
  name: true,
  email: true,
  phone: true,
  active: true,
  passwordHash: true,
  lastSignInAt: true,
  lockedUntil: true,
  createdAt: true,
  memberships: {
    orderBy: [{ agency: { nameVi: "asc" } }, { role: "asc" }],
    select: { id: true, agencyId: true, role: true, active: true, agency: { select: { code: true, nameVi: true, nameEn: true } } },
  },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toAdminUser(row: UserRow): TAdminUser {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    active: row.active,
    hasPassword: row.passwordHash !== null,
    lastSignInAt: row.lastSignInAt,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
    memberships: row.memberships.map((m) => ({
      id: m.id,
      agencyId: m.agencyId,
      agencyCode: m.agency.code,
      agencyNameVi: m.agency.nameVi,
      agencyNameEn: m.agency.nameEn,
      role: m.role,
      active: m.active,
    })),
  };
}

/** What the audit keeps of an account: never the password hash. */
function auditView(row: { id: string; kind: string; name: string; email: string | null; phone: string | null; active: boolean }) {
  return { id: row.id, kind: row.kind, name: row.name, email: row.email, phone: row.phone, active: row.active };
}

function fieldErrors(errors: Record<string, string>, message: string): AppError {
  return new AppError("VALIDATION", { message, details: { fieldErrors: errors } });
}

/** Users an agency administrator may see: those with a membership (active or not) at one of their agencies. */
function visibleTo(actor: AdminActor): Prisma.UserWhereInput {
  return actor.isSystemAdmin ? {} : { memberships: { some: { agencyId: { in: [...actor.adminAgencyIds] } } } };
}

/** A user in the actor's sight, or NOT_FOUND (an agency administrator cannot probe other agencies' accounts). */
async function findVisibleUser(tx: DbTx, actor: AdminActor, userId: string): Promise<UserRow> {
  const row = await tx.user.findFirst({ where: { AND: [{ id: userId }, visibleTo(actor)] }, select: userSelect });
  if (!row) throw new AppError("NOT_FOUND", { message: `user ${userId} not found or outside the scope of ${actor.userId}` });
  return row;
}

export async function listUsers(db: Db, input: { actorUserId: string } & TUserListInput): Promise<TUserListPage> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZUserListInputSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  if (values.agencyId) requireAgencyAdmin(actor, values.agencyId);
  const q = values.q?.trim();
  const where: Prisma.UserWhereInput = {
    AND: [
      visibleTo(actor),
      values.agencyId ? { memberships: { some: { agencyId: values.agencyId } } } : {},
      values.kind ? { kind: values.kind } : {},
      values.includeInactive ? {} : { active: true },
      q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
              { phone: { contains: q.replace(/\s/g, "") } },
              { idNumber: q },
            ],
          }
        : {},
    ],
  };
  const rows = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: values.limit + 1,
    ...(values.cursor ? { cursor: { id: values.cursor }, skip: 1 } : {}),
    select: userSelect,
  });
  const page = rows.slice(0, values.limit);
  return { items: page.map(toAdminUser), nextCursor: rows.length > values.limit ? page[page.length - 1]!.id : null };
}

export async function getAdminUser(db: Db, input: { actorUserId: string; userId: string }): Promise<TAdminUser> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  return toAdminUser(await findVisibleUser(db, actor, input.userId));
}

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

/** Deactivates (every session ends, sign-in refused) or reactivates an account. Not one's own. */
export async function setUserActive(db: Db, input: { actorUserId: string; userId: string; active: boolean }): Promise<TAdminUser> {
  const values = parseInput(ZSetActiveSchema, { userId: input.userId, active: input.active });
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  if (values.userId === input.actorUserId) throw fieldErrors({ userId: "SELF" }, "administrators do not deactivate themselves");
  return db.$transaction(async (tx) => {
    const before = await findVisibleUser(tx, actor, values.userId);
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

/** Sets a new password (e.g. for an officer who has none yet): ends the account's sessions and clears a lock. */
export async function setUserPassword(db: Db, input: { actorUserId: string; userId: string; password: string }): Promise<TAdminUser> {
  const values = parseInput(ZSetPasswordSchema, { userId: input.userId, password: input.password });
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  const target = await findVisibleUser(db, actor, values.userId);
  requireUserAdmin(actor, target);
  const weak = passwordProblems(values.password, [target.email, target.phone]);
  if (weak.length > 0) throw fieldErrors({ password: weak[0]! }, "weak password");
  const passwordHash = await hashPassword(values.password);
  return db.$transaction(async (tx) => {
    const before = await findVisibleUser(tx, actor, values.userId);
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

function membershipView(m: { id: string; userId: string; agencyId: string; role: TRole; active: boolean }) {
  return { id: m.id, userId: m.userId, agencyId: m.agencyId, role: m.role, active: m.active };
}

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
    const user = await findVisibleUser(tx, actor, values.userId);
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
    return toAdminUser(await findVisibleUser(tx, actor, values.userId));
  });
}

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
