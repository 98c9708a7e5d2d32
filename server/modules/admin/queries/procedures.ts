// The procedure catalogue, edited by the ministry's system administrators. A procedure's content is
// never edited in place: a change is a new version (version + 1) with its own validity window, and
// the previous version's window is closed where the new one opens, so exactly one version is current
// at any instant. Dossiers keep the version they were filed under (Dossier.procedureVersionId).
import type { Prisma, Db, DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { fieldErrors, parseInput } from "../input";
import { ZFeeRuleSchema, ZProcedureListInputSchema, type TAdminProcedure, type TAdminProcedureRow, type TAdminProcedureVersion } from "../schema";
import { loadAdminActor } from "./admin-actor";

export const versionSelect = {
  id: true,
  version: true,
  status: true,
  nameVi: true,
  nameEn: true,
  authorityVi: true,
  authorityEn: true,
  limitValue: true,
  limitUnit: true,
  sameDayCutoff: true,
  fee: true,
  feeNoteVi: true,
  feeNoteEn: true,
  legalBasisVi: true,
  legalBasisEn: true,
  onlineLevel: true,
  channels: true,
  acrossBoundary: true,
  formSchema: true,
  resultNameVi: true,
  resultNameEn: true,
  validFrom: true,
  validTo: true,
  createdAt: true,
  components: {
    orderBy: { order: "asc" },
    select: { id: true, order: true, nameVi: true, nameEn: true, required: true, copiesVi: true, copiesEn: true, templateUrl: true, acceptedTypes: true, maxSizeBytes: true },
  },
  steps: {
    orderBy: { order: "asc" },
    select: { id: true, order: true, kind: true, nameVi: true, nameEn: true, role: true, allowanceValue: true, allowanceUnit: true },
  },
} as const satisfies Prisma.ProcedureVersionSelect;

export type VersionRow = Prisma.ProcedureVersionGetPayload<{ select: typeof versionSelect }>;

function isCurrent(v: { status: string; validFrom: Date; validTo: Date | null }, now: Date): boolean {
  return v.status === "PUBLISHED" && v.validFrom <= now && (v.validTo === null || v.validTo > now);
}

function toVersion(row: VersionRow, dossierCount: number): TAdminProcedureVersion {
  const fee = ZFeeRuleSchema.safeParse(row.fee);
  return {
    ...row,
    fee: fee.success ? fee.data : { kind: "schedule" },
    dossierCount,
    components: row.components.map((c) => ({
      ...c,
      acceptedTypes: c.acceptedTypes.filter((t): t is "application/pdf" | "image/jpeg" | "image/png" => ["application/pdf", "image/jpeg", "image/png"].includes(t)),
    })),
  };
}

export async function requireAgencies(tx: DbTx, { agencyIds }: { agencyIds: readonly string[] }): Promise<string[]> {
  const unique = [...new Set(agencyIds)];
  const found = await tx.agency.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw fieldErrors({ agencyIds: "AGENCY_UNKNOWN" }, "unknown agency");
  return unique;
}

export async function requireSector(tx: DbTx, { sectorId }: { sectorId: string }): Promise<void> {
  if (!(await tx.sector.findUnique({ where: { id: sectorId }, select: { id: true } }))) throw fieldErrors({ sectorId: "SECTOR_UNKNOWN" }, "unknown sector");
}

/** Every procedure with its latest version's name and limit; administrators read, only system administrators edit. */
export async function listAdminProcedures(
  db: Db,
  input: { actorUserId: string; q?: string; sectorId?: string },
  options: { now?: Date } = {},
): Promise<TAdminProcedureRow[]> {
  const values = parseInput(ZProcedureListInputSchema, { q: input.q, sectorId: input.sectorId });
  await loadAdminActor(db, { userId: input.actorUserId });
  const now = options.now ?? new Date();
  const q = values.q?.trim();
  const rows = await db.procedure.findMany({
    where: {
      ...(values.sectorId ? { sectorId: values.sectorId } : {}),
      ...(q
        ? { OR: [{ code: { contains: q, mode: "insensitive" } }, { versions: { some: { nameVi: { contains: q, mode: "insensitive" } } } }] }
        : {}),
    },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      level: true,
      active: true,
      sector: { select: { nameVi: true, nameEn: true } },
      _count: { select: { agencies: true } },
      versions: {
        orderBy: { version: "desc" },
        select: { version: true, status: true, nameVi: true, nameEn: true, limitValue: true, limitUnit: true, validFrom: true, validTo: true },
      },
    },
  });
  return rows.map((p) => {
    const latest = p.versions[0]!;
    const current = p.versions.find((v) => isCurrent(v, now)) ?? null;
    const shown = current ?? latest;
    return {
      id: p.id,
      code: p.code,
      level: p.level,
      active: p.active,
      sectorNameVi: p.sector.nameVi,
      sectorNameEn: p.sector.nameEn,
      nameVi: shown.nameVi,
      nameEn: shown.nameEn,
      latestVersion: latest.version,
      currentVersion: current?.version ?? null,
      limitValue: shown.limitValue,
      limitUnit: shown.limitUnit,
      agencyCount: p._count.agencies,
    };
  });
}

export async function getAdminProcedure(
  db: Db,
  input: { actorUserId: string; procedureId: string },
  options: { now?: Date } = {},
): Promise<TAdminProcedure> {
  await loadAdminActor(db, { userId: input.actorUserId });
  const now = options.now ?? new Date();
  const row = await db.procedure.findUnique({
    where: { id: input.procedureId },
    select: {
      id: true,
      code: true,
      sectorId: true,
      level: true,
      active: true,
      agencies: { select: { agencyId: true } },
      versions: { orderBy: { version: "desc" }, select: versionSelect },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", { message: `procedure ${input.procedureId}` });
  const counts = await db.dossier.groupBy({ by: ["procedureVersionId"], where: { procedureId: row.id }, _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.procedureVersionId, c._count._all]));
  return {
    id: row.id,
    code: row.code,
    sectorId: row.sectorId,
    level: row.level,
    active: row.active,
    agencyIds: row.agencies.map((a) => a.agencyId),
    versions: row.versions.map((v) => toVersion(v, countOf.get(v.id) ?? 0)),
    currentVersionId: row.versions.find((v) => isCurrent(v, now))?.id ?? null,
  };
}

export async function listSectors(db: Db, input: { actorUserId: string }) {
  await loadAdminActor(db, { userId: input.actorUserId });
  return db.sector.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, nameVi: true, nameEn: true } });
}
