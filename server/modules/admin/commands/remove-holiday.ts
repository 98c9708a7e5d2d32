import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { requireCalendarAdmin } from "../policy";
import { loadAdminActor } from "../queries/admin-actor";
import { holidaySelect, toHoliday, lockCalendar } from "../queries/holidays";
import { writeAudit } from "./write-audit";

export async function removeHoliday(db: Db, input: { actorUserId: string; holidayId: string }): Promise<{ id: string }> {
  const actor = await loadAdminActor(db, { userId: input.actorUserId });
  return db.$transaction(async (tx) => {
    const row = await tx.holiday.findUnique({ where: { id: input.holidayId }, select: holidaySelect });
    if (!row) throw new AppError("NOT_FOUND", { message: `holiday ${input.holidayId}` });
    requireCalendarAdmin(actor, row.agencyId);
    await lockCalendar(tx, { agencyId: row.agencyId });
    await tx.holiday.delete({ where: { id: row.id } });
    await writeAudit(tx, { actorUserId: input.actorUserId, entity: "Holiday", entityId: row.id, action: "delete", before: toHoliday(row), after: null });
    return { id: row.id };
  });
}
