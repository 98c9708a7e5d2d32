// Data side of the working-time calendar: an agency's calendar as the pure functions in
// working-time.ts want it, read from its working hours and the holiday table.
import { z } from "zod";
import type { DbTx, Prisma } from "../../db";
import { AppError } from "../../errors";
import { MS_PER_DAY } from "./local-date";
import { calendarProblems, mergeCalendarDays, type WorkingCalendar } from "./working-time";

const ZWorkingHours = z.array(z.object({ start: z.string(), end: z.string() })).min(1);

// Enough days ahead for the longest limits across Tết; the calendar treats days it was not told
// about as ordinary days, so a short window would silently ignore holidays.
const HOLIDAY_WINDOW_DAYS = 400;

/** The agency's working calendar around `from`: its working periods, nationwide holidays and its own days. */
export async function loadWorkingCalendar(
  tx: DbTx,
  { agency, from }: { agency: { id: string; timeZone: string; workingHours: Prisma.JsonValue }; from: Date },
): Promise<WorkingCalendar> {
  const periods = ZWorkingHours.safeParse(agency.workingHours);
  const days = await tx.holiday.findMany({
    where: {
      date: { gte: new Date(from.getTime() - 2 * MS_PER_DAY), lte: new Date(from.getTime() + HOLIDAY_WINDOW_DAYS * MS_PER_DAY) },
      OR: [{ agencyId: null }, { agencyId: agency.id }],
    },
    select: { date: true, kind: true, agencyId: true },
  });
  // DATE columns arrive as UTC midnight of the calendar date.
  const entry = (d: (typeof days)[number]) => ({ date: d.date.toISOString().slice(0, 10), kind: d.kind });
  const merged = mergeCalendarDays(
    days.filter((d) => d.agencyId === null).map(entry),
    days.filter((d) => d.agencyId !== null).map(entry),
  );
  const calendar: WorkingCalendar = { timeZone: agency.timeZone, periods: periods.success ? periods.data : [], ...merged };
  const problems = calendarProblems(calendar);
  if (problems.length > 0) {
    throw new AppError("INTERNAL", {
      message: `Agency ${agency.id} has an unusable working calendar: ${problems.join("; ")}`,
      details: { agencyId: agency.id },
    });
  }
  return calendar;
}
