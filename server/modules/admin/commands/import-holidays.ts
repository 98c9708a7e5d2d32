import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { planHolidayImport } from "../holiday-csv";
import { parseInput } from "../input";
import { requireCalendarAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { holidaySelect, dateOf, toHoliday, lockCalendar, storedDays } from "../queries/holidays";
import { ZHolidayImportSchema, type THoliday } from "../schema";
import { writeAudit } from "./write-audit";

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
    await lockCalendar(tx, { agencyId: agencyId });
    const plan = planHolidayImport(values.csv, await storedDays(tx, { agencyId: agencyId }));
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
