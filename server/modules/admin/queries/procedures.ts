// The procedure catalogue, edited by the ministry's system administrators. A procedure's content is
// never edited in place: a change is a new version (version + 1) with its own validity window, and
// the previous version's window is closed where the new one opens, so exactly one version is current
// at any instant. Dossiers keep the version they were filed under (Dossier.procedureVersionId).
import { Prisma, type Db, type DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { checkProcedureContent } from "../content";
import { parseInput } from "../input";
import { loadAdminActor, requireSystemAdmin } from "../policy";
import {
  ZFeeRuleSchema,
  ZProcedureCreateSchema,
  ZProcedureListInputSchema,
  ZProcedureSettingsSchema,
  ZProcedureVersionCreateSchema,
  type TAdminProcedure,
  type TAdminProcedureRow,
  type TAdminProcedureVersion,
  type TProcedureContentParsed,
  type TProcedureCreate,
  type TProcedureSettings,
  type TProcedureVersionCreate,
} from "../schema";
import { writeAudit } from "./audit-log";

const versionSelect = {
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

type VersionRow = Prisma.ProcedureVersionGetPayload<{ select: typeof versionSelect }>;

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

/** The audit's view of a version: its content, without row ids. */
function contentSnapshot(row: VersionRow) {
  const { id: _id, createdAt: _c, components, steps, ...rest } = row;
  return {
    ...rest,
    components: components.map(({ id: _cid, ...c }) => c),
    steps: steps.map(({ id: _sid, ...s }) => s),
  };
}

function fieldErrors(errors: Record<string, string>, message: string): AppError {
  return new AppError("VALIDATION", { message, details: { fieldErrors: errors } });
}

function checkedContent(content: TProcedureContentParsed) {
  const check = checkProcedureContent(content);
  if (Object.keys(check.errors).length > 0) throw fieldErrors(check.errors, "procedure content is invalid");
  return check.formSchema!;
}

function versionData(content: TProcedureContentParsed, formSchema: unknown) {
  return {
    nameVi: content.nameVi,
    nameEn: content.nameEn,
    authorityVi: content.authorityVi,
    authorityEn: content.authorityEn,
    limitValue: content.limitValue,
    limitUnit: content.limitUnit,
    sameDayCutoff: content.sameDayCutoff,
    fee: content.fee,
    feeNoteVi: content.feeNoteVi,
    feeNoteEn: content.feeNoteEn,
    legalBasisVi: content.legalBasisVi,
    legalBasisEn: content.legalBasisEn,
    onlineLevel: content.onlineLevel,
    channels: [...content.channels].sort(),
    acrossBoundary: content.acrossBoundary,
    formSchema: formSchema as Prisma.InputJsonValue,
    resultNameVi: content.resultNameVi,
    resultNameEn: content.resultNameEn,
    validFrom: content.validFrom,
    validTo: content.validTo,
    components: {
      create: content.components.map((c, i) => ({
        order: i + 1,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        required: c.required,
        copiesVi: c.copiesVi,
        copiesEn: c.copiesEn,
        templateUrl: c.templateUrl,
        acceptedTypes: [...c.acceptedTypes],
        maxSizeBytes: c.maxSizeBytes,
      })),
    },
    steps: {
      create: content.steps.map((s, i) => ({
        order: i + 1,
        kind: s.kind,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        role: s.role,
        allowanceValue: s.allowanceValue,
        allowanceUnit: s.allowanceUnit,
      })),
    },
  } satisfies Omit<Prisma.ProcedureVersionUncheckedCreateInput, "procedureId" | "version">;
}

async function requireAgencies(tx: DbTx, agencyIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(agencyIds)];
  const found = await tx.agency.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw fieldErrors({ agencyIds: "AGENCY_UNKNOWN" }, "unknown agency");
  return unique;
}

async function requireSector(tx: DbTx, sectorId: string): Promise<void> {
  if (!(await tx.sector.findUnique({ where: { id: sectorId }, select: { id: true } }))) throw fieldErrors({ sectorId: "SECTOR_UNKNOWN" }, "unknown sector");
}

// ─── Reading ──────────────────────────────────────────────────────────────

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

// ─── Changing ─────────────────────────────────────────────────────────────

/** A new procedure with its version 1 (published), steps, components and offering agencies. */
export async function createProcedure(db: Db, input: { actorUserId: string } & TProcedureCreate): Promise<{ id: string; versionId: string }> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZProcedureCreateSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireSystemAdmin(actor);
  const formSchema = checkedContent(values.content);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.procedure.findUnique({ where: { code: values.code }, select: { id: true } })) {
        throw fieldErrors({ code: "CODE_TAKEN" }, `procedure code ${values.code} is taken`);
      }
      await requireSector(tx, values.sectorId);
      const agencyIds = await requireAgencies(tx, values.agencyIds);
      const procedure = await tx.procedure.create({
        data: { code: values.code, sectorId: values.sectorId, level: values.level, agencies: { create: agencyIds.map((agencyId) => ({ agencyId })) } },
        select: { id: true },
      });
      const version = await tx.procedureVersion.create({
        data: { procedureId: procedure.id, version: 1, status: "PUBLISHED", ...versionData(values.content, formSchema) },
        select: versionSelect,
      });
      await writeAudit(tx, {
        actorUserId,
        entity: "Procedure",
        entityId: procedure.id,
        action: "create",
        before: null,
        after: { code: values.code, sectorId: values.sectorId, level: values.level, agencyIds, version: contentSnapshot(version) },
      });
      return { id: procedure.id, versionId: version.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw fieldErrors({ code: "CODE_TAKEN" }, "procedure created concurrently");
    throw error;
  }
}

/**
 * Publishes an edit as version + 1, valid from `content.validFrom`. The edit must start from the latest
 * version (else CONFLICT: someone published meanwhile) and open after it opened; the latest version's
 * window is closed at the new validFrom, so windows never overlap. Existing dossiers are untouched.
 */
export async function createProcedureVersion(
  db: Db,
  input: { actorUserId: string } & TProcedureVersionCreate,
): Promise<{ id: string; version: number }> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZProcedureVersionCreateSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireSystemAdmin(actor);
  const formSchema = checkedContent(values.content);
  return db.$transaction(async (tx) => {
    // One publisher at a time per procedure.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Procedure" WHERE id = ${values.procedureId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", { message: `procedure ${values.procedureId}` });
    const latest = await tx.procedureVersion.findFirst({ where: { procedureId: values.procedureId }, orderBy: { version: "desc" }, select: versionSelect });
    if (!latest) throw new AppError("NOT_FOUND", { message: `procedure ${values.procedureId} has no version` });
    if (latest.id !== values.basedOnVersionId) {
      throw new AppError("CONFLICT", {
        message: `procedure ${values.procedureId}: version ${latest.version} was published after the edit started`,
        details: { latestVersionId: latest.id, latestVersion: latest.version },
      });
    }
    if (values.content.validFrom <= latest.validFrom) {
      throw fieldErrors({ validFrom: "BEFORE_PREVIOUS" }, `validFrom must be after version ${latest.version}'s (${latest.validFrom.toISOString()})`);
    }
    if (latest.validTo === null || latest.validTo > values.content.validFrom) {
      const closed = await tx.procedureVersion.update({ where: { id: latest.id }, data: { validTo: values.content.validFrom }, select: versionSelect });
      await writeAudit(tx, {
        actorUserId,
        entity: "ProcedureVersion",
        entityId: latest.id,
        action: "close",
        before: { version: latest.version, validFrom: latest.validFrom, validTo: latest.validTo },
        after: { version: closed.version, validFrom: closed.validFrom, validTo: closed.validTo },
      });
    }
    const created = await tx.procedureVersion.create({
      data: { procedureId: values.procedureId, version: latest.version + 1, status: "PUBLISHED", ...versionData(values.content, formSchema) },
      select: versionSelect,
    });
    await writeAudit(tx, {
      actorUserId,
      entity: "ProcedureVersion",
      entityId: created.id,
      action: "create",
      before: contentSnapshot(latest),
      after: contentSnapshot(created),
    });
    await tx.procedure.update({ where: { id: values.procedureId }, data: { updatedAt: new Date() } });
    return { id: created.id, version: created.version };
  });
}

/** Sector, level, whether it is offered at all, and by which agencies (not versioned: they are not content). */
export async function updateProcedureSettings(db: Db, input: { actorUserId: string } & TProcedureSettings): Promise<TAdminProcedure> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZProcedureSettingsSchema, raw);
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireSystemAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.procedure.findUnique({
      where: { id: values.procedureId },
      select: { id: true, code: true, sectorId: true, level: true, active: true, agencies: { select: { agencyId: true } } },
    });
    if (!before) throw new AppError("NOT_FOUND", { message: `procedure ${values.procedureId}` });
    await requireSector(tx, values.sectorId);
    const agencyIds = await requireAgencies(tx, values.agencyIds);
    await tx.procedure.update({ where: { id: before.id }, data: { sectorId: values.sectorId, level: values.level, active: values.active } });
    await tx.procedureAgency.deleteMany({ where: { procedureId: before.id, agencyId: { notIn: agencyIds } } });
    await tx.procedureAgency.createMany({ data: agencyIds.map((agencyId) => ({ procedureId: before.id, agencyId })), skipDuplicates: true });
    const beforeAgencies = before.agencies.map((a) => a.agencyId).sort();
    await writeAudit(tx, {
      actorUserId,
      entity: "Procedure",
      entityId: before.id,
      action: "update",
      before: { code: before.code, sectorId: before.sectorId, level: before.level, active: before.active, agencyIds: beforeAgencies },
      after: { code: before.code, sectorId: values.sectorId, level: values.level, active: values.active, agencyIds: [...agencyIds].sort() },
    });
  });
  return getAdminProcedure(db, { actorUserId, procedureId: values.procedureId });
}
