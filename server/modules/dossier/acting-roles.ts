// Which of an officer's roles count on a dossier: the workflow's `actorRoles`. Pure and free of
// server-only imports, so the offline workspace (app/_offline/optimistic.ts) previews queued
// actions with the same rule the server guards with (policy.ts).
import type { Role } from "../../db/generated/enums";

/** Roles that never act on dossiers: they monitor. */
export const NON_ACTING_ROLES: readonly Role[] = ["CONTROLLER", "SYSTEM_ADMIN"];
/** What the receiving agency's desk does for a dossier handled elsewhere (non-boundary reception). */
export const DESK_ROLES: readonly Role[] = ["RECEPTION_OFFICER", "POSTAL_STAFF"];

/**
 * The roles that count for this officer on this dossier: every role at the handling agency, plus
 * the desk roles at the receiving agency (it receives, records supplements and withdrawals, and
 * returns results). Monitoring roles never act.
 */
export function actorRolesOn(
  actor: { memberships: ReadonlyArray<{ agencyId: string; role: Role }> },
  dossier: { receivingAgencyId: string; handlingAgencyId: string },
): Role[] {
  const roles = new Set<Role>();
  for (const m of actor.memberships) {
    if (NON_ACTING_ROLES.includes(m.role)) continue;
    if (m.agencyId === dossier.handlingAgencyId) roles.add(m.role);
    else if (m.agencyId === dossier.receivingAgencyId && DESK_ROLES.includes(m.role)) roles.add(m.role);
  }
  return [...roles];
}
