// Who may administer what. A SYSTEM_ADMIN membership at the ministry manages everything (agencies,
// users, the nationwide calendar, the procedure catalogue). An AGENCY_ADMIN (or a SYSTEM_ADMIN held
// at another agency) manages that agency only: its settings, its officers and their memberships, its
// own calendar days; never the catalogue, the nationwide calendar or another agency.
// Rights are re-read from the database on every call.
import { AppError } from "../../errors";
import type { TAdminScope, TRole } from "./schema";

export interface AdminActor {
  userId: string;
  isSystemAdmin: boolean;
  /** Agencies this actor administers through its own memberships (a system administrator reaches all). */
  adminAgencyIds: ReadonlySet<string>;
}

export function canAdministerAgency(actor: AdminActor, agencyId: string): boolean {
  return actor.isSystemAdmin || actor.adminAgencyIds.has(agencyId);
}

/** FORBIDDEN unless the actor administers the agency. */
export function requireAgencyAdmin(actor: AdminActor, agencyId: string): void {
  if (!canAdministerAgency(actor, agencyId)) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} does not administer agency ${agencyId}` });
  }
}

/** FORBIDDEN unless the actor is a system administrator (the ministry's). */
export function requireSystemAdmin(actor: AdminActor): void {
  if (!actor.isSystemAdmin) throw new AppError("FORBIDDEN", { message: `user ${actor.userId} is not a system administrator` });
}

/** Roles an actor may grant at an agency: only a system administrator makes system administrators. */
export function requireGrantable(actor: AdminActor, agencyId: string, role: TRole): void {
  requireAgencyAdmin(actor, agencyId);
  if (role === "SYSTEM_ADMIN" && !actor.isSystemAdmin) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} may not grant SYSTEM_ADMIN` });
  }
}

/**
 * An account as a whole (activation, password) belongs to whoever administers every agency it
 * works at: an agency administrator cannot lock out another agency's officer who also works here,
 * nor touch citizens' accounts.
 */
export function requireUserAdmin(actor: AdminActor, user: { id: string; kind: string; memberships: ReadonlyArray<{ agencyId: string; role: TRole }> }): void {
  if (actor.isSystemAdmin) return;
  const agencies = new Set(user.memberships.map((m) => m.agencyId));
  const mine = user.kind === "OFFICER" && agencies.size > 0 && [...agencies].every((id) => actor.adminAgencyIds.has(id));
  const elevated = user.memberships.some((m) => m.role === "SYSTEM_ADMIN");
  if (!mine || elevated) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} does not administer every agency of user ${user.id}` });
  }
}

export function scopeOf(actor: AdminActor, allAgencyIds: readonly string[]): TAdminScope {
  return {
    userId: actor.userId,
    isSystemAdmin: actor.isSystemAdmin,
    agencyIds: actor.isSystemAdmin ? [...allAgencyIds] : [...actor.adminAgencyIds],
  };
}

/** Who edits which calendar: the nationwide one needs a system administrator. */
export function requireCalendarAdmin(actor: AdminActor, agencyId: string | null): void {
  if (agencyId === null) requireSystemAdmin(actor);
  else requireAgencyAdmin(actor, agencyId);
}
