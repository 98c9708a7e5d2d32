// Officer accounts and their rights (memberships: user × agency × role). Deactivation takes effect at
// the user's next request: the account is inactive (sign-in refuses it, loadActor returns null) and
// its sessionVersion moves on, so every session token it holds is dead.
import type { Prisma, Db, DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { parseInput } from "../input";
import { requireAgencyAdmin, type AdminActor } from "../policy";
import { ZUserListInputSchema, type TAdminUser, type TUserListInput, type TUserListPage } from "../schema";
import { loadAdminActor } from "./admin-actor";

export const userSelect = {
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

export function toAdminUser(row: UserRow): TAdminUser {
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

/** Users an agency administrator may see: those with a membership (active or not) at one of their agencies. */
function visibleTo(actor: AdminActor): Prisma.UserWhereInput {
  return actor.isSystemAdmin ? {} : { memberships: { some: { agencyId: { in: [...actor.adminAgencyIds] } } } };
}

/** A user in the actor's sight, or NOT_FOUND (an agency administrator cannot probe other agencies' accounts). */
export async function findVisibleUser(tx: DbTx, { actor, userId }: { actor: AdminActor; userId: string }): Promise<UserRow> {
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
  return toAdminUser(await findVisibleUser(db, { actor, userId: input.userId }));
}
