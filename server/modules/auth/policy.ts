import type { Role, UserKind } from "../../db";
import { AppError } from "../../errors";

/**
 * Who is acting, as read from the database on this call (never from the session token):
 * a deactivated account or a revoked membership takes effect on the next request.
 */
export interface Actor {
  userId: string;
  kind: UserKind;
  memberships: ReadonlyArray<{ agencyId: string; role: Role }>;
}

/** True when the actor holds one of `roles` (any role when omitted) at `agencyId` (any agency when omitted). */
export function hasRole(actor: Actor, roles?: readonly Role[], agencyId?: string): boolean {
  return actor.memberships.some(
    (m) => (agencyId === undefined || m.agencyId === agencyId) && (roles === undefined || roles.includes(m.role)),
  );
}

export function isOfficer(actor: Actor): boolean {
  return actor.kind === "OFFICER" && actor.memberships.length > 0;
}

/** Throws FORBIDDEN unless the actor holds one of `roles` at the agency. */
export function requireRoleAt(actor: Actor, agencyId: string, roles: readonly Role[]): void {
  if (!hasRole(actor, roles, agencyId)) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} lacks ${roles.join("|")} at agency ${agencyId}` });
  }
}

/** The agencies where the actor holds one of `roles` (any role when omitted). */
export function agencyIdsOf(actor: Actor, roles?: readonly Role[]): string[] {
  return [...new Set(actor.memberships.filter((m) => roles === undefined || roles.includes(m.role)).map((m) => m.agencyId))];
}
