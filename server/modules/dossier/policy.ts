// Who may see and touch a dossier: agency scope, the roles that count at that dossier, assignment.
// Rights are memberships re-read from the database on every call (auth/queries.ts › loadActor).
import type { Role } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../auth/policy";
import { actorRolesOn } from "./acting-roles";

export type { Actor } from "../auth/policy";
// The roles that count on a dossier live in a pure file the offline workspace shares.
export { actorRolesOn } from "./acting-roles";

/** Roles that read across every agency when held at a MINISTRY agency. */
export const CROSS_AGENCY_READ_ROLES: readonly Role[] = ["CONTROLLER", "SYSTEM_ADMIN"];

/** An actor with the kinds of the agencies they belong to (the ministry matters for reading across). */
export interface DossierActor extends Actor {
  /** Agencies where a CONTROLLER or SYSTEM_ADMIN membership sits at a MINISTRY agency. */
  readsAcrossAgencies: boolean;
}

/** The dossier fields that decide scope. */
interface DossierScope {
  receivingAgencyId: string;
  handlingAgencyId: string;
  assigneeId: string | null;
  ownerId?: string | null;
}

/** Agencies where the actor holds any role (their own scope, without the ministry's reach). */
export function memberAgencyIds(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.agencyId))];
}

function isMemberOf(actor: Actor, agencyId: string, roles?: readonly Role[]): boolean {
  return actor.memberships.some((m) => m.agencyId === agencyId && (!roles || roles.includes(m.role)));
}

export function canReadDossier(actor: DossierActor, dossier: DossierScope): boolean {
  if (actor.readsAcrossAgencies) return true;
  return isMemberOf(actor, dossier.receivingAgencyId) || isMemberOf(actor, dossier.handlingAgencyId);
}

export function canActOnDossier(actor: Actor, dossier: DossierScope): boolean {
  return actorRolesOn(actor, dossier).length > 0;
}

export function actorIsAssignee(actor: Actor, dossier: DossierScope): boolean {
  return dossier.assigneeId !== null && dossier.assigneeId === actor.userId;
}

/**
 * NOT_FOUND (not FORBIDDEN) for a dossier outside the actor's scope, so that sequential dossier
 * codes cannot be probed for existence.
 */
export function requireReadable(actor: DossierActor, dossier: DossierScope | null, dossierId: string): asserts dossier is DossierScope {
  if (!dossier || !canReadDossier(actor, dossier)) {
    throw new AppError("NOT_FOUND", { message: `dossier ${dossierId} not found or outside the scope of user ${actor.userId}` });
  }
}

/** Readable but not actionable (a controller, an agency member without an acting role): FORBIDDEN. */
export function requireActionable(actor: DossierActor, dossier: DossierScope | null, dossierId: string): asserts dossier is DossierScope {
  requireReadable(actor, dossier, dossierId);
  if (!canActOnDossier(actor, dossier)) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} may read but not act on dossier ${dossierId}` });
  }
}

/** The agencies whose dossiers the actor may read, or "ALL" for the ministry's controllers. */
export function readableAgencyIds(actor: DossierActor): string[] | "ALL" {
  return actor.readsAcrossAgencies ? "ALL" : memberAgencyIds(actor);
}

/** Throws NOT_FOUND when a requested agency filter lies outside the actor's reach. */
export function requireAgencyInScope(actor: DossierActor, agencyId: string): void {
  if (actor.readsAcrossAgencies) return;
  if (!isMemberOf(actor, agencyId)) {
    throw new AppError("NOT_FOUND", { message: `agency ${agencyId} is outside the scope of user ${actor.userId}` });
  }
}

/** Counter intake at `agencyId` needs the desk role there. */
export function requireDeskAt(actor: Actor, agencyId: string): void {
  if (!isMemberOf(actor, agencyId, ["RECEPTION_OFFICER"])) {
    throw new AppError("FORBIDDEN", { message: `user ${actor.userId} is not a reception officer at agency ${agencyId}` });
  }
}

