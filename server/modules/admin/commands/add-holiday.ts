import type { Db } from "../../../db";
import { isLocalDate, isWeekend } from "../../calendar/local-date";
import { fieldErrors, parseInput } from "../input";
import { requireCalendarAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { holidaySelect, dateOf, toHoliday, lockCalendar } from "../queries/holidays";
import { ZHolidayAddSchema, type THoliday, type THolidayAdd } from "../schema";
import { writeAudit } from "./write-audit";

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
    await lockCalendar(tx, { agencyId: agencyId });
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
