// The holiday calendar per year: days off and swapped working days. Nationwide days are the system
// administrator's; an agency's own days (agencyId set, they override the nationwide entry for that
// date) are its administrator's. Deadlines read this table (calendar/queries.ts), so a change
// applies to due dates computed after it.
import type { Db, DbTx } from "../../../db";
import { planHolidayImport, type StoredDay } from "../holiday-csv";
import { parseInput } from "../input";
import { requireAgencyAdmin, requireCalendarAdmin } from "../policy";
import { ZHolidayImportSchema, type THoliday, type THolidayImportPreview } from "../schema";
import { loadAdminActor } from "./admin-actor";

export const holidaySelect = { id: true, date: true, kind: true, nameVi: true, nameEn: true, agencyId: true } as const;

/** DATE columns come back as UTC midnight of the calendar date. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function toHoliday(row: { id: string; date: Date; kind: "HOLIDAY" | "WORKING_DAY"; nameVi: string; nameEn: string; agencyId: string | null }): THoliday {
  return { ...row, date: dayOf(row.date) };
}

/**
 * Serialises edits of one calendar: `@@unique([date, agencyId])` does not stop two nationwide rows
 * for one date (NULLs are distinct), so duplicates are prevented under this lock instead.
 */
export async function lockCalendar(tx: DbTx, { agencyId }: { agencyId: string | null }): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`motcua:holiday:${agencyId ?? "*"}`}))`;
}

export async function listHolidays(db: Db, input: { actorUserId: string; year: number; agencyId?: string | null }): Promise<THoliday[]> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  const agencyId = input.agencyId ?? null;
  // Every administrator reads the nationwide calendar (their deadlines follow it).
  if (agencyId !== null) requireAgencyAdmin(actor, agencyId);
  const rows = await db.holiday.findMany({
    where: { agencyId, date: { gte: dateOf(`${input.year}-01-01`), lte: dateOf(`${input.year}-12-31`) } },
    orderBy: { date: "asc" },
    select: holidaySelect,
  });
  return rows.map(toHoliday);
}

export async function storedDays(tx: DbTx, { agencyId }: { agencyId: string | null }): Promise<StoredDay[]> {
  const rows = await tx.holiday.findMany({ where: { agencyId }, select: { date: true, kind: true, nameVi: true, nameEn: true } });
  return rows.map((r) => ({ ...r, date: dayOf(r.date) }));
}

/** What an import would do: the rows, per-line errors, and how many days it would add. Changes nothing. */
export async function previewHolidayImport(db: Db, input: { actorUserId: string; csv: string; agencyId?: string | null }): Promise<THolidayImportPreview> {
  const values = parseInput(ZHolidayImportSchema, { csv: input.csv, agencyId: input.agencyId });
  const agencyId = values.agencyId ?? null;
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  requireCalendarAdmin(actor, agencyId);
  return planHolidayImport(values.csv, await storedDays(db, { agencyId: agencyId }));
}
