// The holiday calendar per year: days off and swapped working days. Nationwide days are the system
// administrator's; an agency's own days (agencyId set, they override the nationwide entry for that
// date) are its administrator's. Deadlines read this table (dossier/create-dossier.ts), so a change
// applies to due dates computed after it.
import type { Db, DbTx } from "../../../db";
import { AppError } from "../../../errors";
import { isLocalDate, isWeekend } from "../../calendar/local-date";
import { planHolidayImport, type StoredDay } from "../holiday-csv";
import { parseInput } from "../input";
import { loadAdminActor, requireAgencyAdmin, requireSystemAdmin, type AdminActor } from "../policy";
import { ZHolidayAddSchema, ZHolidayImportSchema, type THoliday, type THolidayAdd, type THolidayImportPreview } from "../schema";
import { writeAudit } from "./audit-log";

const holidaySelect = { id: true, date: true, kind: true, nameVi: true, nameEn: true, agencyId: true } as const;

/** DATE columns come back as UTC midnight of the calendar date. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toHoliday(row: { id: string; date: Date; kind: "HOLIDAY" | "WORKING_DAY"; nameVi: string; nameEn: string; agencyId: string | null }): THoliday {
  return { ...row, date: dayOf(row.date) };
}

/** Who edits which calendar: the nationwide one needs a system administrator. */
function requireCalendarAdmin(actor: AdminActor, agencyId: string | null): void {
  if (agencyId === null) requireSystemAdmin(actor);
  else requireAgencyAdmin(actor, agencyId);
}

/**
 * Serialises edits of one calendar: `@@unique([date, agencyId])` does not stop two nationwide rows
 * for one date (NULLs are distinct), so duplicates are prevented under this lock instead.
 */
async function lockCalendar(tx: DbTx, agencyId: string | null): Promise<void> {
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

function fieldErrors(errors: Record<string, string>, message: string): AppError {
  return new AppError("VALIDATION", { message, details: { fieldErrors: errors } });
}

export async function addHoliday(db: Db, input: { actorUserId: string } & THolidayAdd): Promise<THoliday> {
  const { actorUserId, ...raw } = input;
  const values = parseInput(ZHolidayAddSchema, raw);
  const agencyId = values.agencyId ?? null;
  const actor = await loadAdminActor(db, { userId: actorUserId });
  requireCalendarAdmin(actor, agencyId);
  if (!isLocalDate(values.date)) throw fieldErrors({ date: "DATE" }, `not a date: ${values.date}`);
  // A weekday declared a working day changes nothing: almost certainly a mistyped date.
  if (values.kind === "WORKING_DAY" && !isWeekend(values.date)) throw fieldErrors({ date: "NOT_WEEKEND" }, `${values.date} is not a weekend day`);
  return db.$transaction(async (tx) => {
    await lockCalendar(tx, agencyId);
    const clash = await tx.holiday.findFirst({ where: { agencyId, date: dateOf(values.date) }, select: { id: true } });
    if (clash) throw fieldErrors({ date: "EXISTS" }, `${values.date} is already in the calendar`);
    const row = await tx.holiday.create({
      data: { date: dateOf(values.date), kind: values.kind, nameVi: values.nameVi, nameEn: values.nameEn, agencyId },
      select: holidaySelect,
    });
    const after = toHoliday(row);
    await writeAudit(tx, { actorUserId, entity: "Holiday", entityId: row.id, action: "create", before: null, after });
    return after;
  });
}

export async function removeHoliday(db: Db, input: { actorUserId: string; holidayId: string }): Promise<{ id: string }> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  return db.$transaction(async (tx) => {
    const row = await tx.holiday.findUnique({ where: { id: input.holidayId }, select: holidaySelect });
    if (!row) throw new AppError("NOT_FOUND", { message: `holiday ${input.holidayId}` });
    requireCalendarAdmin(actor, row.agencyId);
    await lockCalendar(tx, row.agencyId);
    await tx.holiday.delete({ where: { id: row.id } });
    await writeAudit(tx, { actorUserId: input.actorUserId, entity: "Holiday", entityId: row.id, action: "delete", before: toHoliday(row), after: null });
    return { id: row.id };
  });
}

async function storedDays(tx: DbTx, agencyId: string | null): Promise<StoredDay[]> {
  const rows = await tx.holiday.findMany({ where: { agencyId }, select: { date: true, kind: true, nameVi: true, nameEn: true } });
  return rows.map((r) => ({ ...r, date: dayOf(r.date) }));
}

/** What an import would do: the rows, per-line errors, and how many days it would add. Changes nothing. */
export async function previewHolidayImport(db: Db, input: { actorUserId: string; csv: string; agencyId?: string | null }): Promise<THolidayImportPreview> {
  const values = parseInput(ZHolidayImportSchema, { csv: input.csv, agencyId: input.agencyId });
  const agencyId = values.agencyId ?? null;
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  requireCalendarAdmin(actor, agencyId);
  return planHolidayImport(values.csv, await storedDays(db, agencyId));
}

/**
 * Imports the file all or nothing: planned again under the calendar's lock (the preview may be
 * stale), VALIDATION with details.errors (per line) when any line is wrong, else every new day is
 * inserted with its own audit row.
 */
export async function importHolidays(
  db: Db,
  input: { actorUserId: string; csv: string; agencyId?: string | null },
): Promise<{ added: THoliday[]; unchanged: number }> {
  const values = parseInput(ZHolidayImportSchema, { csv: input.csv, agencyId: input.agencyId });
  const agencyId = values.agencyId ?? null;
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  requireCalendarAdmin(actor, agencyId);
  return db.$transaction(async (tx) => {
    await lockCalendar(tx, agencyId);
    const plan = planHolidayImport(values.csv, await storedDays(tx, agencyId));
    if (plan.errors.length > 0) {
      throw new AppError("VALIDATION", { message: `holiday import: ${plan.errors.length} problem(s)`, details: { errors: plan.errors } });
    }
    const added: THoliday[] = [];
    for (const row of plan.rows.filter((r) => !r.unchanged)) {
      const created = await tx.holiday.create({
        data: { date: dateOf(row.date), kind: row.kind, nameVi: row.nameVi, nameEn: row.nameEn, agencyId },
        select: holidaySelect,
      });
      const after = toHoliday(created);
      await writeAudit(tx, { actorUserId: input.actorUserId, entity: "Holiday", entityId: created.id, action: "import", before: null, after });
      added.push(after);
    }
    return { added, unchanged: plan.rows.length - added.length };
  });
}
