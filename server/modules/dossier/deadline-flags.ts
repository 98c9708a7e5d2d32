// Deadline flags shown on worklists and the detail page. Pure.
import type { DossierStatus } from "../../db";

/** The statuses in which the clock runs toward the due date. */
export const RUNNING: readonly DossierStatus[] = ["RECEIVED", "PROCESSING"];

/** Flags shown on worklists and the detail page. Only a running clock can be overdue (a pause holds it). */
export function deadlineFlags(
  d: { status: DossierStatus; dueAt: Date | null; stepDueAt: Date | null },
  now: Date,
  dueSoonBefore: Date,
): { overdue: boolean; dueSoon: boolean; stepOverdue: boolean } {
  const running = RUNNING.includes(d.status);
  const overdue = running && d.dueAt !== null && d.dueAt.getTime() < now.getTime();
  const dueSoon = running && !overdue && d.dueAt !== null && d.dueAt.getTime() < dueSoonBefore.getTime();
  const stepOverdue = running && d.stepDueAt !== null && d.stepDueAt.getTime() < now.getTime();
  return { overdue, dueSoon, stepOverdue };
}
