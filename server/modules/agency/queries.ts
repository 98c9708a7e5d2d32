import type { Db } from "../../db";
import { ZDossierStatus, type TAgencyDossierCounts, type TAgencyOption } from "./schema";

/** Active agencies for pickers: the ministry first, then provinces by name. */
export async function listAgencies(db: Db): Promise<TAgencyOption[]> {
  return db.agency.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
    select: {
      id: true,
      code: true,
      kind: true,
      nameVi: true,
      nameEn: true,
      shortNameVi: true,
      provinceName: true,
      parentId: true,
    },
  });
}

/**
 * Dossiers handled by each agency, per status, in one grouped query. Training-mode
 * dossiers (isTest) are left out so the figures match the statistics.
 */
export async function countDossiersByStatus(db: Db, { agencyIds }: { agencyIds: readonly string[] }): Promise<TAgencyDossierCounts[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.dossier.groupBy({
    by: ["handlingAgencyId", "status"],
    where: { handlingAgencyId: { in: [...agencyIds] }, isTest: false },
    _count: { _all: true },
  });
  return agencyIds.map((agencyId) => {
    const counts = ZDossierStatus.options.map((status) => ({
      status,
      count: rows.find((r) => r.handlingAgencyId === agencyId && r.status === status)?._count._all ?? 0,
    }));
    return { agencyId, counts, total: counts.reduce((sum, c) => sum + c.count, 0) };
  });
}
