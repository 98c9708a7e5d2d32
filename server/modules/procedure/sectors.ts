import type { Db } from "../../db";

export interface SectorSummary {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  /** Active procedures in the sector. */
  procedureCount: number;
}

/** Sectors that have at least one active procedure, with their counts, for the home page. */
export async function listSectorsWithProcedureCounts(db: Db): Promise<SectorSummary[]> {
  const sectors = await db.sector.findMany({
    where: { procedures: { some: { active: true } } },
    orderBy: { nameVi: "asc" },
    select: {
      id: true,
      code: true,
      nameVi: true,
      nameEn: true,
      _count: { select: { procedures: { where: { active: true } } } },
    },
  });
  return sectors.map(({ _count, ...sector }) => ({ ...sector, procedureCount: _count.procedures }));
}
