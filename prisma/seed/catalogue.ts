// Writes agencies, sectors, procedures and the holiday calendar. Every part only creates what is
// missing and never overwrites: agencies, procedures and holidays are settings administrators edit
// after the first start, and the seed runs on every start.

import type { Db, Prisma } from "../../server/db";
import { HOLIDAYS_VN } from "../../server/modules/calendar/holidays-vn";
import { allAgencies, departments, ministry } from "./agencies";
import { assertFormSchema } from "./form-schema";
import { HOLIDAY_YEARS, procedureSeedId } from "./ids";
import { procedures, sectors, VALID_FROM, type ProcedureSeed } from "./procedures";

export async function seedAgencies(db: Db): Promise<number> {
  const ids = new Set(allAgencies.map((a) => a.id));
  if (ids.size !== allAgencies.length) throw new Error("Duplicate seeded agency id");
  // Provincial departments answer to the provincial people's committees, not to the ministry:
  // no parent. ON CONFLICT DO NOTHING, on the id or on a code already taken.
  const { count } = await db.agency.createMany({
    data: allAgencies.map((a) => ({
      id: a.id,
      code: a.code,
      codeIsDemo: a.codeIsDemo,
      kind: a.kind,
      nameVi: a.nameVi,
      nameEn: a.nameEn,
      shortNameVi: a.shortNameVi,
      provinceName: a.provinceName,
      parentId: null,
      address: a.address,
      hotline: a.hotline,
      email: a.email,
      workingHours: a.workingHours as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function seedSectors(db: Db): Promise<number> {
  const { count } = await db.sector.createMany({ data: sectors, skipDuplicates: true });
  return count;
}

/** Creates each missing procedure with its version 1, components, steps and offering agencies, atomically. */
export async function seedProcedures(db: Db): Promise<number> {
  const existing = new Set(
    (await db.procedure.findMany({ where: { id: { in: procedures.map((p) => procedureSeedId(p.code)) } }, select: { id: true } })).map((p) => p.id),
  );
  const sectorIds = new Map((await db.sector.findMany({ where: { code: { in: sectors.map((s) => s.code) } }, select: { id: true, code: true } })).map((s) => [s.code, s.id]));
  let created = 0;
  for (const p of procedures) {
    if (existing.has(procedureSeedId(p.code))) continue;
    checkProcedure(p);
    const sectorId = sectorIds.get(p.sectorCode);
    if (!sectorId) throw new Error(`Sector ${p.sectorCode} missing`);
    const offeredBy = p.level === "MINISTRY" ? [ministry.id] : departments.map((d) => d.id);
    await db.procedure.create({
      data: {
        id: procedureSeedId(p.code),
        code: p.code,
        sectorId,
        level: p.level,
        versions: {
          create: {
            version: 1,
            status: "PUBLISHED",
            nameVi: p.nameVi,
            nameEn: p.nameEn,
            authorityVi: p.authorityVi,
            authorityEn: p.authorityEn,
            limitValue: p.limitDays,
            limitUnit: "WORKING_DAY",
            fee: p.fee as unknown as Prisma.InputJsonValue,
            feeNoteVi: p.feeNoteVi ?? null,
            feeNoteEn: p.feeNoteEn ?? null,
            legalBasisVi: p.legalBasisVi,
            legalBasisEn: p.legalBasisEn,
            onlineLevel: p.onlineLevel,
            channels: p.channels,
            acrossBoundary: p.acrossBoundary,
            formSchema: p.formSchema as unknown as Prisma.InputJsonValue,
            resultNameVi: p.resultNameVi,
            resultNameEn: p.resultNameEn,
            validFrom: VALID_FROM,
            components: {
              create: p.components.map((c, i) => ({
                order: i + 1,
                nameVi: c.nameVi,
                nameEn: c.nameEn,
                required: c.required,
                copiesVi: c.copiesVi,
                copiesEn: c.copiesEn,
              })),
            },
            steps: {
              create: p.steps.map((s, i) => ({
                order: i + 1,
                kind: s.kind,
                nameVi: s.nameVi,
                nameEn: s.nameEn,
                role: s.role,
                allowanceValue: s.allowanceHours,
                allowanceUnit: "WORKING_HOUR",
              })),
            },
          },
        },
        agencies: { create: offeredBy.map((agencyId) => ({ agencyId })) },
      },
      select: { id: true },
    });
    created++;
  }
  return created;
}

/** Catches slips in the seed data itself before they reach the database. */
function checkProcedure(p: ProcedureSeed): void {
  const total = p.steps.reduce((sum, s) => sum + s.allowanceHours, 0);
  if (total !== p.limitDays * 8) throw new Error(`${p.code}: step allowances sum to ${total} h, limit is ${p.limitDays * 8} h`);
  if (p.steps[0]?.kind !== "RECEPTION" || p.steps[p.steps.length - 1]?.kind !== "RETURN") throw new Error(`${p.code}: steps must run from RECEPTION to RETURN`);
  if (p.components.length < 3 || p.components.length > 6) throw new Error(`${p.code}: 3-6 document components expected`);
  assertFormSchema(p.formSchema, p.code);
}

export async function seedHolidays(db: Db): Promise<number> {
  const present = await nationwideHolidayYears(db);
  const rows = HOLIDAYS_VN.filter((h) => !present.has(Number(h.date.slice(0, 4))));
  if (rows.length === 0) return 0;
  // A unique (date, agencyId) does not stop duplicates when agencyId is NULL (NULLs are distinct in
  // PostgreSQL), so insert only dates that have no nationwide row yet, in one statement.
  const json = JSON.stringify(rows.map((h) => ({ id: `seed-holiday-${h.date}`, date: h.date, kind: h.kind, nameVi: h.nameVi, nameEn: h.nameEn })));
  return db.$executeRaw`
    INSERT INTO "Holiday" ("id", "date", "kind", "nameVi", "nameEn", "agencyId")
    SELECT x.id, x.date::date, x.kind::"CalendarDayKind", x."nameVi", x."nameEn", NULL
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id text, date text, kind text, "nameVi" text, "nameEn" text)
    WHERE NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = x.date::date AND h."agencyId" IS NULL)
    ON CONFLICT ("id") DO NOTHING`;
}

async function nationwideHolidayYears(db: Db): Promise<Set<number>> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT EXTRACT(YEAR FROM "date")::int AS year FROM "Holiday"
    WHERE "agencyId" IS NULL AND "date" >= make_date(${Math.min(...HOLIDAY_YEARS)}::int, 1, 1)
      AND "date" < make_date(${Math.max(...HOLIDAY_YEARS) + 1}::int, 1, 1)`;
  return new Set(rows.map((r) => r.year));
}
