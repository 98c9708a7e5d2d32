// The seed: agencies, procedure catalogue, holiday calendar, demo accounts and demo dossiers.
// Run by `npm start` on every start and by `npm run db:seed`. Idempotent: when everything is
// there it answers from one query (through plain `pg`: the Prisma client is loaded only when there
// is something to write); otherwise each part creates only what is missing, so an interrupted seed
// completes on the next run. It never overwrites what administrators have edited.
//
// Environment: DATABASE_URL (required); SEED_DEMO_DATA=false skips the demo accounts and dossiers
// (a real deployment); SEED_NOW=<ISO instant> pins "now" for the demo dossiers' dates (tests).

import { pathToFileURL } from "node:url";
import pg from "pg";
import type { Db } from "../server/db";
import type { WorkingCalendar, WorkingPeriod } from "../server/modules/calendar/working-time";
import { demoAccounts } from "./seed/accounts";
import { agencySeedIds, isSeedComplete, SEED_STATUS_SQL, seedStatusParams, type SeedStatusRow } from "./seed/ids";

export { demoAccounts };

interface SeedOptions {
  /** Demo accounts and dossiers (default: on unless SEED_DEMO_DATA=false). */
  demo?: boolean;
  /** "Now" for the demo dossiers' history (default: SEED_NOW, else the clock). */
  now?: Date;
  /** Dossiers created in parallel (one per agency at a time); keep it within the client's pool. */
  concurrency?: number;
}

interface SeedSummary {
  alreadyComplete: boolean;
  created: { agencies: number; sectors: number; procedures: number; holidays: number; users: number; dossiers: number };
  /** Demo dossiers whose history this run wrote (created now, or left half-done by an interrupted run). */
  completedDossiers: number;
  ms: number;
}

function demoWanted(options: SeedOptions): boolean {
  return options.demo ?? process.env.SEED_DEMO_DATA !== "false";
}

const NOTHING = { agencies: 0, sectors: 0, procedures: 0, holidays: 0, users: 0, dossiers: 0 };

/** Is everything the seed makes already there? One round trip on a plain connection. */
export async function isSeeded(connectionString: string, demo = demoWanted({})): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<SeedStatusRow>(SEED_STATUS_SQL, seedStatusParams());
    return isSeedComplete(rows[0], demo);
  } finally {
    await client.end();
  }
}

/** Working calendars per seeded agency: its own periods, nationwide days plus its own. */
async function loadCalendars(db: Db): Promise<Map<string, WorkingCalendar>> {
  const { mergeCalendarDays } = await import("../server/modules/calendar/working-time");
  const [agencies, days] = await Promise.all([
    db.agency.findMany({ where: { id: { in: agencySeedIds } }, select: { id: true, workingHours: true, timeZone: true } }),
    db.holiday.findMany({ select: { date: true, kind: true, agencyId: true } }),
  ]);
  const entry = (d: { date: Date; kind: "HOLIDAY" | "WORKING_DAY" }) => ({ date: d.date.toISOString().slice(0, 10), kind: d.kind });
  const nationwide = days.filter((d) => d.agencyId === null).map(entry);
  const calendars = new Map<string, WorkingCalendar>();
  for (const a of agencies) {
    const { holidays, workingDays } = mergeCalendarDays(nationwide, days.filter((d) => d.agencyId === a.id).map(entry));
    calendars.set(a.id, { timeZone: a.timeZone, periods: a.workingHours as unknown as WorkingPeriod[], holidays, workingDays });
  }
  return calendars;
}

/** Seeds what is missing through `db`. Safe to call on every start; call `isSeeded` first to skip it cheaply. */
export async function runSeed(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const demo = demoWanted(options);
  const [status] = await db.$queryRawUnsafe<SeedStatusRow[]>(SEED_STATUS_SQL, ...seedStatusParams());
  if (isSeedComplete(status, demo)) return { alreadyComplete: true, created: NOTHING, completedDossiers: 0, ms: performance.now() - started };

  const catalogue = await import("./seed/catalogue");
  const created = { ...NOTHING };
  let completedDossiers = 0;
  created.agencies = await catalogue.seedAgencies(db);
  created.sectors = await catalogue.seedSectors(db);
  created.procedures = await catalogue.seedProcedures(db);
  created.holidays = await catalogue.seedHolidays(db);
  if (demo) {
    const { seedUsers } = await import("./seed/users");
    const { seedDemoDossiers } = await import("./seed/dossiers");
    created.users = await seedUsers(db);
    const now = options.now ?? (process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : new Date());
    if (Number.isNaN(now.getTime())) throw new Error(`SEED_NOW is not a date: ${process.env.SEED_NOW}`);
    const result = await seedDemoDossiers(db, await loadCalendars(db), now, options.concurrency ?? 1);
    created.dossiers = result.created;
    completedDossiers = result.completed;
  }
  return { alreadyComplete: false, created, completedDossiers, ms: performance.now() - started };
}

/** The one-line summary printed at start. */
export function describeSeed(summary: SeedSummary): string {
  const secs = (summary.ms / 1000).toFixed(summary.ms < 1000 ? 3 : 1);
  if (summary.alreadyComplete) return `seed: already complete (checked in ${secs} s)`;
  const c = summary.created;
  return (
    `seed: created ${c.agencies} agencies, ${c.sectors} sectors, ${c.procedures} procedures, ` +
    `${c.holidays} holiday entries, ${c.users} users, ${c.dossiers} demo dossiers ` +
    `(${summary.completedDossiers} dossier histories written) in ${secs} s`
  );
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const started = performance.now();
  if (await isSeeded(url)) {
    console.log(describeSeed({ alreadyComplete: true, created: NOTHING, completedDossiers: 0, ms: performance.now() - started }));
    return;
  }
  const { createDb } = await import("../server/db");
  // The embedded database runs one query at a time and caps connections: stay small there
  // (npm start sets DATABASE_POOL_MAX for it); a real server takes a few in parallel.
  const pool = Math.max(1, Math.min(Number(process.env.DATABASE_POOL_MAX) || 4, 4));
  const db = createDb({ url, max: pool });
  try {
    console.log(describeSeed(await runSeed(db, { concurrency: pool })));
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error("seed failed:", error);
    process.exit(1);
  });
}
