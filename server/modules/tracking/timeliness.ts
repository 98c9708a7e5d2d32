// On time or late, as a citizen reads it: a dossier finished by its due date is on time; an
// unfinished one is on time until the due date passes. Time waiting for the applicant does not
// count against the agency: while paused, the moment of the pause is what is compared.
import type { DossierStatus } from "../../db/generated/enums";
import type { TTimeliness } from "./schema";

interface TimelinessInput {
  status: DossierStatus;
  dueAt: Date | null;
  finishedAt: Date | null;
  pausedAt: Date | null;
}

/** Statuses where "on time" says nothing to the applicant: not received, refused, withdrawn, stopped. */
const NO_DEADLINE: readonly DossierStatus[] = ["NEW", "REFUSED", "WITHDRAWN", "STOPPED"];

/** null when no deadline applies (see NO_DEADLINE). */
export function timelinessOf(d: TimelinessInput, now: Date): TTimeliness | null {
  if (!d.dueAt || NO_DEADLINE.includes(d.status)) return null;
  const reference = d.finishedAt ?? d.pausedAt ?? now;
  return reference.getTime() <= d.dueAt.getTime() ? "ON_TIME" : "LATE";
}
