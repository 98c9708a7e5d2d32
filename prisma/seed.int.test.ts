// The seed against a real, migrated database of its own (not the shared integration database: the
// seed's nationwide holidays and demo dossiers would change what other tests compute).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../server/db";
import { createTestDatabase, type TestDatabase } from "../server/test/test-database";
import { describeSeed, isSeeded, runSeed } from "./seed";
import { checkDemoDossiers } from "./seed/check";
import { agencySeedIds, procedureSeedId } from "./seed/ids";

const NOW = new Date("2026-11-20T03:00:00Z");

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase({ prefix: "motcua_seed_", serverUrl: process.env.DATABASE_URL || undefined });
  db = createDb({ url: database.url, max: 2 });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("prisma/seed.ts", () => {
  it("seeds everything once, then finds it complete and changes nothing", async () => {
    expect(await isSeeded(database.url, true)).toBe(false);
    const first = await runSeed(db, { now: NOW, demo: true, concurrency: 2 });
    expect(first.alreadyComplete).toBe(false);
    expect(first.created).toMatchObject({ agencies: 35, sectors: 5, procedures: 8, holidays: 30, dossiers: 300 });
    expect(describeSeed(first)).toMatch(/^seed: created 35 agencies/);

    const before = await counts();
    const second = await runSeed(db, { now: NOW, demo: true });
    expect(second.alreadyComplete).toBe(true);
    expect(await isSeeded(database.url, true)).toBe(true);
    expect(await counts()).toEqual(before);
  }, 180_000);

  it("offers department procedures at all 34 departments and the ministry's at the ministry", async () => {
    const offers = await db.procedureAgency.groupBy({ by: ["procedureId"], _count: { agencyId: true } });
    const byProcedure = new Map(offers.map((o) => [o.procedureId, o._count.agencyId]));
    expect(byProcedure.get(procedureSeedId("1.009844"))).toBe(1);
    expect(byProcedure.get(procedureSeedId("2.002131"))).toBe(34);
    const departments = await db.agency.findMany({ where: { id: { in: agencySeedIds }, kind: "PROVINCIAL_DEPARTMENT" }, select: { parentId: true } });
    expect(departments).toHaveLength(34);
    expect(departments.every((d) => d.parentId === null)).toBe(true);
  });

  it("writes demo dossiers whose status, steps, events and clock agree", async () => {
    const report = await checkDemoDossiers(db, NOW);
    expect(report.problems).toEqual([]);
    expect(report.dossiers).toBe(300);
    expect(Object.keys(report.byStatus)).toHaveLength(10);
    expect(Object.keys(report.byChannel).sort()).toEqual(["1", "2", "3"]);
  }, 60_000);

  it("signs demo accounts in with the shared password (hashed once per kind)", async () => {
    const { verifyPassword } = await import("../server/modules/auth/password");
    const [officer, citizen] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email: "tiepnhan.hanoi@motcua.test" }, select: { passwordHash: true, memberships: { select: { role: true } } } }),
      db.user.findUniqueOrThrow({ where: { email: "doanhnghiep@motcua.test" }, select: { passwordHash: true, organisationName: true, taxCode: true } }),
    ]);
    expect(officer.memberships).toEqual([{ role: "RECEPTION_OFFICER" }]);
    expect(await verifyPassword("Motcua@2026", officer.passwordHash!)).toBe(true);
    expect(await verifyPassword("Congdan@2026", citizen.passwordHash!)).toBe(true);
    expect(citizen.organisationName).toBeTruthy();
    const hashes = await db.user.groupBy({ by: ["passwordHash"], where: { email: { endsWith: "@motcua.test" }, passwordHash: { not: null } } });
    expect(hashes).toHaveLength(2);
  });
});

async function counts() {
  const [agencies, procedures, holidays, users, dossiers, events, steps, clock] = await Promise.all([
    db.agency.count(),
    db.procedureVersion.count(),
    db.holiday.count(),
    db.user.count(),
    db.dossier.count(),
    db.dossierEvent.count(),
    db.dossierStep.count(),
    db.dossierClockEvent.count(),
  ]);
  return { agencies, procedures, holidays, users, dossiers, events, steps, clock };
}
