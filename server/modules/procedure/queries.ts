// The public procedure catalogue: search (diacritics-insensitive), one procedure's page, the sectors.
// The catalogue is small (hundreds of procedures), so search folds accents in SQL with translate()
// over the current version's text instead of keeping a derived column in sync with every edit.
import { Prisma, type Db, type ProcedureLevel } from "../../db";
import { normalizeSearchText } from "../dossier/search-text";
import {
  type CatalogueLocale,
  parseFeeRule,
  ZCatalogueSearchSchema,
  type TCatalogueSearchInput,
  type TCatalogueResult,
  type TCatalogueFilters,
  type TProcedureDetail,
  type SectorSummary,
} from "./schema";

// ─── Accent folding shared by SQL and JavaScript ──────────────────────────

/**
 * translate() arguments that fold text exactly as normalizeSearchText does, for single letters:
 * upper-case ASCII and every precomposed Latin letter with diacritics (Vietnamese included)
 * map to their plain lower-case letter. Derived from the normaliser, so the two cannot drift.
 */
function buildFoldTable(): { from: string; to: string } {
  let from = "";
  let to = "";
  const ranges: Array<[number, number]> = [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [start, end] of ranges) {
    for (let cp = start; cp <= end; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = normalizeSearchText(ch);
      if (folded.length === 1 && folded !== ch && /^[a-z]$/.test(folded)) {
        from += ch;
        to += folded;
      }
    }
  }
  return { from, to };
}

const FOLD = buildFoldTable();

/** The SQL expression folding `text` like normalizeSearchText (lower case, no diacritics). */
function folded(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`translate(${text}, ${FOLD.from}, ${FOLD.to})`;
}

function likePattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The words of a query, folded; each must appear somewhere in a procedure's text. */
export function queryTokens(q: string | null | undefined): string[] {
  const text = normalizeSearchText(q ?? "").slice(0, 200);
  return [...new Set(text.split(" ").filter((t) => t.length > 0))].slice(0, 8);
}

interface SearchRow {
  code: string;
  level: ProcedureLevel;
  sectorCode: string;
  sectorNameVi: string;
  sectorNameEn: string;
  nameVi: string;
  nameEn: string;
  authorityVi: string;
  authorityEn: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  onlineLevel: "PARTIAL" | "FULL";
  channels: number[];
  fee: unknown;
  agencyCount: number;
}

/**
 * The current published version of every active procedure: validFrom ≤ now < validTo (open-ended
 * when validTo is null); with overlapping versions the latest valid one wins.
 */
function currentVersions(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (pv."procedureId") pv.*
    FROM "ProcedureVersion" pv
    WHERE pv.status = 'PUBLISHED'
      AND pv."validFrom" <= ${now}
      AND (pv."validTo" IS NULL OR pv."validTo" > ${now})
    ORDER BY pv."procedureId", pv."validFrom" DESC, pv.version DESC`;
}

/**
 * Procedures matching every word of `q` in their code, name (Vietnamese or English), sector,
 * authority or the names of the agencies that accept them, ignoring case and diacritics
 * ("dang ky" finds "Đăng ký"), with optional sector, level and agency filters. Ordered by code;
 * keyset pages (`cursor` = the last code seen).
 */
export async function searchProcedures(
  db: Db,
  rawInput: TCatalogueSearchInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<TCatalogueResult> {
  const input = ZCatalogueSearchSchema.parse(rawInput);
  const tokens = queryTokens(input.q);
  const en = input.locale === "en";

  const haystack = folded(Prisma.sql`concat_ws(' ', p.code, cv."nameVi", cv."nameEn", s."nameVi", s."nameEn", cv."authorityVi", cv."authorityEn",
      (SELECT string_agg(concat_ws(' ', a."nameVi", a."nameEn", a."shortNameVi", a."provinceName"), ' ')
         FROM "ProcedureAgency" pa JOIN "Agency" a ON a.id = pa."agencyId"
        WHERE pa."procedureId" = p.id AND a.active))`);

  const conditions: Prisma.Sql[] = [Prisma.sql`p.active`];
  if (input.level) conditions.push(Prisma.sql`p.level = ${input.level}::"ProcedureLevel"`);
  if (input.sectorId) conditions.push(Prisma.sql`p."sectorId" = ${input.sectorId}`);
  if (input.agencyId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProcedureAgency" pa WHERE pa."procedureId" = p.id AND pa."agencyId" = ${input.agencyId})`);
  }
  for (const token of tokens) conditions.push(Prisma.sql`${haystack} LIKE ${likePattern(token)}`);
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`
    FROM "Procedure" p
    JOIN (${currentVersions(now)}) cv ON cv."procedureId" = p.id
    JOIN "Sector" s ON s.id = p."sectorId"`;

  const pageWhere = input.cursor ? Prisma.sql`${where} AND p.code > ${input.cursor}` : where;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<SearchRow[]>(Prisma.sql`
      SELECT p.code, p.level::text AS level, s.code AS "sectorCode", s."nameVi" AS "sectorNameVi", s."nameEn" AS "sectorNameEn",
             cv."nameVi", cv."nameEn", cv."authorityVi", cv."authorityEn", cv."limitValue", cv."limitUnit"::text AS "limitUnit",
             cv."onlineLevel"::text AS "onlineLevel", cv.channels, cv.fee,
             (SELECT count(*)::int FROM "ProcedureAgency" pa JOIN "Agency" a ON a.id = pa."agencyId"
               WHERE pa."procedureId" = p.id AND a.active) AS "agencyCount"
      ${from}
      WHERE ${pageWhere}
      ORDER BY p.code
      LIMIT ${input.limit + 1}`),
    db.$queryRaw<Array<{ total: number }>>(Prisma.sql`SELECT count(*)::int AS total ${from} WHERE ${where}`),
  ]);

  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      code: r.code,
      name: en ? r.nameEn : r.nameVi,
      level: r.level,
      sectorCode: r.sectorCode,
      sectorName: en ? r.sectorNameEn : r.sectorNameVi,
      authority: en ? r.authorityEn : r.authorityVi,
      limitValue: r.limitValue,
      limitUnit: r.limitUnit,
      onlineLevel: r.onlineLevel,
      channels: [...r.channels].sort(),
      fee: parseFeeRule(r.fee),
      agencyCount: r.agencyCount,
    })),
    total: counted[0]?.total ?? 0,
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?.code ?? null) : null,
  };
}

/** Choices for the search form's selects: sectors and agencies that offer an active procedure. */
export async function catalogueFilters(db: Db, { locale }: { locale: CatalogueLocale }): Promise<TCatalogueFilters> {
  const en = locale === "en";
  const [sectors, agencies] = await Promise.all([
    db.sector.findMany({
      where: { procedures: { some: { active: true } } },
      orderBy: { nameVi: "asc" },
      select: { id: true, code: true, nameVi: true, nameEn: true },
    }),
    db.agency.findMany({
      where: { active: true, procedureAgencies: { some: { procedure: { active: true } } } },
      orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
      select: { id: true, kind: true, nameVi: true, nameEn: true },
    }),
  ]);
  return {
    sectors: sectors.map((s) => ({ id: s.id, code: s.code, name: en ? s.nameEn : s.nameVi })),
    agencies: agencies.map((a) => ({ id: a.id, kind: a.kind, name: en ? a.nameEn : a.nameVi })),
  };
}

/** The procedure's current published version with its components, steps and accepting agencies; null if none. */
export async function getProcedureByCode(
  db: Db,
  { code, locale }: { code: string; locale: CatalogueLocale },
  { now = new Date() }: { now?: Date } = {},
): Promise<TProcedureDetail | null> {
  const en = locale === "en";
  const procedure = await db.procedure.findUnique({
    where: { code: code.trim() },
    select: {
      code: true,
      level: true,
      active: true,
      sector: { select: { code: true, nameVi: true, nameEn: true } },
      versions: {
        where: { status: "PUBLISHED", validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
        orderBy: [{ validFrom: "desc" }, { version: "desc" }],
        take: 1,
        select: {
          id: true,
          version: true,
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
          resultNameVi: true,
          resultNameEn: true,
          validFrom: true,
          components: {
            orderBy: { order: "asc" },
            select: { id: true, order: true, nameVi: true, nameEn: true, required: true, copiesVi: true, copiesEn: true, templateUrl: true },
          },
          steps: { orderBy: { order: "asc" }, select: { order: true, nameVi: true, nameEn: true, allowanceValue: true, allowanceUnit: true } },
        },
      },
      agencies: {
        where: { agency: { active: true } },
        orderBy: [{ agency: { kind: "asc" } }, { agency: { nameVi: "asc" } }],
        select: {
          agency: { select: { id: true, code: true, kind: true, nameVi: true, nameEn: true, provinceName: true, address: true, hotline: true } },
        },
      },
    },
  });
  const v = procedure?.versions[0];
  if (!procedure?.active || !v) return null;
  return {
    code: procedure.code,
    level: procedure.level,
    sectorCode: procedure.sector.code,
    sectorName: en ? procedure.sector.nameEn : procedure.sector.nameVi,
    versionId: v.id,
    version: v.version,
    name: en ? v.nameEn : v.nameVi,
    authority: en ? v.authorityEn : v.authorityVi,
    limitValue: v.limitValue,
    limitUnit: v.limitUnit,
    sameDayCutoff: v.sameDayCutoff,
    fee: parseFeeRule(v.fee),
    feeNote: (en ? v.feeNoteEn : v.feeNoteVi) ?? v.feeNoteVi ?? null,
    legalBasis: (en ? v.legalBasisEn : null) ?? v.legalBasisVi,
    onlineLevel: v.onlineLevel,
    channels: [...v.channels].sort(),
    acrossBoundary: v.acrossBoundary,
    resultName: (en ? v.resultNameEn : v.resultNameVi) ?? v.resultNameVi ?? null,
    validFrom: v.validFrom,
    components: v.components.map((c) => ({
      id: c.id,
      order: c.order,
      name: en ? c.nameEn : c.nameVi,
      required: c.required,
      copies: (en ? c.copiesEn : c.copiesVi) ?? c.copiesVi ?? null,
      templateUrl: c.templateUrl,
    })),
    steps: v.steps.map((s) => ({ order: s.order, name: en ? s.nameEn : s.nameVi, allowanceValue: s.allowanceValue, allowanceUnit: s.allowanceUnit })),
    agencies: procedure.agencies.map(({ agency: a }) => ({
      id: a.id,
      code: a.code,
      name: en ? a.nameEn : a.nameVi,
      kind: a.kind,
      provinceName: a.provinceName,
      address: a.address,
      hotline: a.hotline,
    })),
  };
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
