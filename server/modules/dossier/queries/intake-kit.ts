// What a desk device needs to print receipt slips offline (offline counter intake, commands/reserve-codes.ts).
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { loadWorkingCalendar } from "../../calendar/queries";
import type { WorkingCalendar } from "../../calendar/working-time";
import { vietnamDayKey, vietnamDayStart } from "../dossier-code";
import { requireDeskAt } from "../policy";
import { loadActor } from "./dossier-actor";

interface IntakeKitProcedure {
  procedureVersionId: string;
  limitValue: number;
  limitUnit: "WORKING_DAY" | "WORKING_HOUR";
  sameDayCutoff: string | null;
}

/**
 * What a desk device needs to print a receipt slip offline with the due date the server will
 * compute: the agency's working calendar (periods and holidays for the same window the server
 * loads) and the time limit of each procedure version it offers.
 */
export async function loadIntakeKit(
  db: Db,
  input: { actorUserId: string; agencyId: string },
  options: { now?: Date } = {},
): Promise<{ agencyId: string; agencyCode: string; calendar: { timeZone: string; periods: { start: string; end: string }[]; holidays: string[]; workingDays: string[] }; procedures: IntakeKitProcedure[]; loadedAt: Date }> {
  const now = options.now ?? new Date();
  const actor = await loadActor(db, { userId: input.actorUserId });
  requireDeskAt(actor, input.agencyId);
  const agency = await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true, code: true, active: true, timeZone: true, workingHours: true } });
  if (!agency?.active) throw new AppError("NOT_FOUND", { message: `agency ${input.agencyId} not found or inactive` });
  // From the start of today: an intake later today loads the same window on the server, give or take a day of it.
  const calendar: WorkingCalendar = await loadWorkingCalendar(db, { agency, from: vietnamDayStart(vietnamDayKey(now)) });
  const versions = await db.procedureVersion.findMany({
    where: {
      status: "PUBLISHED",
      validFrom: { lte: now },
      OR: [{ validTo: null }, { validTo: { gt: now } }],
      procedure: { active: true, agencies: { some: { agencyId: agency.id } } },
    },
    select: { id: true, limitValue: true, limitUnit: true, sameDayCutoff: true },
  });
  return {
    agencyId: agency.id,
    agencyCode: agency.code,
    calendar: {
      timeZone: calendar.timeZone,
      periods: calendar.periods.map((p) => ({ start: p.start, end: p.end })),
      holidays: [...calendar.holidays],
      workingDays: [...calendar.workingDays],
    },
    procedures: versions.map((v) => ({ procedureVersionId: v.id, limitValue: v.limitValue, limitUnit: v.limitUnit, sameDayCutoff: v.sameDayCutoff })),
    loadedAt: now,
  };
}
