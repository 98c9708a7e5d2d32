// Agency settings: identifier code (printed in dossier codes), contacts, working hours, training mode.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { requireAgencyAdmin, scopeOf } from "../policy";
import { ZWorkingPeriod, type TAdminAgency, type TAdminScope } from "../schema";
import { loadAdminActor } from "./admin-actor";

export const agencySelect = {
  id: true,
  code: true,
  codeIsDemo: true,
  kind: true,
  nameVi: true,
  nameEn: true,
  shortNameVi: true,
  provinceName: true,
  address: true,
  hotline: true,
  email: true,
  workingHours: true,
  timeZone: true,
  trainingMode: true,
  active: true,
  updatedAt: true,
} as const;

type AgencyRow = Omit<TAdminAgency, "workingHours"> & { workingHours: unknown };

export function toAdminAgency(row: AgencyRow): TAdminAgency {
  const hours = ZWorkingPeriod.array().safeParse(row.workingHours);
  return { ...row, workingHours: hours.success ? hours.data : [] };
}

/** The agencies the actor administers: every agency for a system administrator (ministry first). */
export async function listAdminAgencies(db: Db, input: { actorUserId: string }): Promise<TAdminAgency[]> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  const rows = await db.agency.findMany({
    where: actor.isSystemAdmin ? {} : { id: { in: [...actor.adminAgencyIds] } },
    orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
    select: agencySelect,
  });
  return rows.map(toAdminAgency);
}

export async function getAdminAgency(db: Db, input: { actorUserId: string; agencyId: string }): Promise<TAdminAgency> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  requireAgencyAdmin(actor, input.agencyId);
  const row = await db.agency.findUnique({ where: { id: input.agencyId }, select: agencySelect });
  if (!row) throw new AppError("NOT_FOUND", { message: `agency ${input.agencyId}` });
  return toAdminAgency(row);
}

/** What the signed-in administrator manages (the admin pages' navigation and pickers). */
export async function getAdminScope(db: Db, input: { actorUserId: string }): Promise<TAdminScope> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  const all = actor.isSystemAdmin ? await db.agency.findMany({ select: { id: true } }) : [];
  return scopeOf(actor, all.map((a) => a.id));
}
