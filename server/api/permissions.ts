// Who may call each tRPC procedure, as data. Every procedure of appRouter has exactly one entry;
// server/api/permissions.int.test.ts calls every procedure as every kind of caller and fails when
// the router disagrees with this table, or when a procedure is missing here (add the entry, and a
// fixture in the test, with the router). Write what the procedure SHOULD allow: when the router
// disagrees, fix the router (or say why), do not copy what it happens to do.
//
// Callers: ANONYMOUS (no session), CITIZEN (a signed-in account with no membership), and each Role
// held as a membership. In the test the ministry's CONTROLLER and SYSTEM_ADMIN sit at the ministry;
// every other role sits at the agency the fixtures belong to.
//
// scope — what the caller's rights reach once admitted:
//   none    nothing in particular (public data, or nothing scoped)
//   own     the caller's own records (their account, the dossiers they filed); others' are hidden
//   agency  the agencies where the caller holds the role; a CONTROLLER or SYSTEM_ADMIN held at the
//           ministry reaches every agency where the entry lists them
//   all     everything (the ministry's system administrators)
// hiddenAs — what a caller outside the scope gets instead of FORBIDDEN, so that existence is not
//   revealed (sequential dossier codes, other agencies' staff).
import type { TRole as Role } from "../modules/admin/schema";

export type Caller = "ANONYMOUS" | "CITIZEN" | Role;
export type PermissionScope = "none" | "own" | "agency" | "all";

export interface ProcedurePermission {
  roles: readonly Caller[];
  scope: PermissionScope;
  hiddenAs?: "NOT_FOUND";
  /** Why, when the roles are not obvious from the procedure's name. */
  note?: string;
}

export const OFFICER_ROLES = [
  "RECEPTION_OFFICER",
  "SPECIALIST",
  "LEADER",
  "RECORDS_CLERK",
  "POSTAL_STAFF",
  "AGENCY_ADMIN",
  "CONTROLLER",
  "SYSTEM_ADMIN",
] as const satisfies readonly Role[];
/** Roles that handle dossiers (monitoring roles, CONTROLLER and SYSTEM_ADMIN, never act on them). */
export const ACTING_ROLES = ["RECEPTION_OFFICER", "SPECIALIST", "LEADER", "RECORDS_CLERK", "POSTAL_STAFF", "AGENCY_ADMIN"] as const satisfies readonly Role[];
export const SIGNED_IN = ["CITIZEN", ...OFFICER_ROLES] as const satisfies readonly Caller[];
export const EVERYONE = ["ANONYMOUS", ...SIGNED_IN] as const satisfies readonly Caller[];
const ADMINS = ["AGENCY_ADMIN", "SYSTEM_ADMIN"] as const satisfies readonly Role[];
export const ALL_CALLERS: readonly Caller[] = EVERYONE;

export const PERMISSIONS: Readonly<Record<string, ProcedurePermission>> = {
  // ── me, agencies, sectors ──
  "me.get": { roles: SIGNED_IN, scope: "own" },
  "agency.list": { roles: EVERYONE, scope: "none", note: "citizens choose where to submit" },
  "agency.dossierCounts": { roles: OFFICER_ROLES, scope: "agency", note: "counts at the caller's own agencies only" },
  "sector.list": { roles: EVERYONE, scope: "none" },

  // ── officers' dossiers ──
  "dossier.worklist": { roles: OFFICER_ROLES, scope: "agency" },
  "dossier.get": { roles: OFFICER_ROLES, scope: "agency", hiddenAs: "NOT_FOUND" },
  "dossier.assignees": { roles: OFFICER_ROLES, scope: "agency", hiddenAs: "NOT_FOUND" },
  "dossier.counts": { roles: OFFICER_ROLES, scope: "agency", hiddenAs: "NOT_FOUND" },
  "dossier.procedurePicker": {
    roles: ACTING_ROLES,
    scope: "agency",
    hiddenAs: "NOT_FOUND",
    note: "the intake picker of the agency's own staff; the ministry's monitors do not intake",
  },
  "dossier.act": {
    roles: ACTING_ROLES,
    scope: "agency",
    hiddenAs: "NOT_FOUND",
    note: "the workflow table decides per action (the test sends COMMENT, open to any acting role); monitors read but never act",
  },
  "dossier.bulkAssign": { roles: ["RECEPTION_OFFICER", "LEADER"], scope: "agency", hiddenAs: "NOT_FOUND", note: "the workflow's ASSIGN rule; refusals come back per dossier" },
  "dossier.intake": { roles: ["RECEPTION_OFFICER"], scope: "agency", note: "counter intake at the officer's own desk" },
  "dossier.reserveCodes": { roles: ["RECEPTION_OFFICER"], scope: "agency", note: "code blocks for offline counter intake at the officer's own desk" },
  "dossier.intakeKit": { roles: ["RECEPTION_OFFICER"], scope: "agency", note: "calendar and limits to print due dates offline at the desk" },

  // ── public catalogue and tracking ──
  "catalogue.search": { roles: EVERYONE, scope: "none" },
  "catalogue.filters": { roles: EVERYONE, scope: "none" },
  "catalogue.byCode": { roles: EVERYONE, scope: "none" },
  "tracking.get": { roles: EVERYONE, scope: "none", note: "the public view by code; the full view only for the owner or a grant holder" },
  "tracking.checkIdNumber": { roles: EVERYONE, scope: "none" },
  "tracking.rate": { roles: EVERYONE, scope: "own", hiddenAs: "NOT_FOUND", note: "the applicant: their session, or anyone holding the code + ID-number grant" },

  // ── citizen accounts ──
  "account.register": { roles: EVERYONE, scope: "none" },
  "account.profile": { roles: SIGNED_IN, scope: "own" },
  "account.updateProfile": { roles: SIGNED_IN, scope: "own" },
  "account.dossiers": { roles: SIGNED_IN, scope: "own" },
  "account.dossier": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },
  "account.answerSupplement": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },
  "account.withdraw": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },

  // ── online submission (API clients; the pages post forms) ──
  "submission.getDraft": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },
  "submission.saveDraft": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND", note: "one account per person: an officer may file as an applicant too" },
  "submission.submit": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },

  // ── administration ──
  "admin.scope": { roles: ADMINS, scope: "agency" },
  "admin.agency.list": { roles: ADMINS, scope: "agency" },
  "admin.agency.get": { roles: ADMINS, scope: "agency" },
  "admin.agency.update": { roles: ADMINS, scope: "agency", note: "switching an agency on or off: SYSTEM_ADMIN only" },
  "admin.user.list": { roles: ADMINS, scope: "agency" },
  "admin.user.get": { roles: ADMINS, scope: "agency", hiddenAs: "NOT_FOUND" },
  "admin.user.create": { roles: ADMINS, scope: "agency", note: "SYSTEM_ADMIN memberships only by a system administrator" },
  "admin.user.setActive": { roles: ADMINS, scope: "agency", hiddenAs: "NOT_FOUND", note: "an agency administrator only for accounts working at their agencies alone" },
  "admin.user.setPassword": { roles: ADMINS, scope: "agency", hiddenAs: "NOT_FOUND" },
  "admin.membership.grant": { roles: ADMINS, scope: "agency", hiddenAs: "NOT_FOUND" },
  "admin.membership.revoke": { roles: ADMINS, scope: "agency", hiddenAs: "NOT_FOUND" },
  "admin.holiday.list": { roles: ADMINS, scope: "agency", note: "every administrator reads the nationwide calendar" },
  "admin.holiday.add": { roles: ADMINS, scope: "agency", note: "the nationwide calendar: SYSTEM_ADMIN only; an agency's own days: its administrator" },
  "admin.holiday.remove": { roles: ADMINS, scope: "agency" },
  "admin.holiday.previewImport": { roles: ADMINS, scope: "agency" },
  "admin.holiday.importCsv": { roles: ADMINS, scope: "agency" },
  "admin.procedure.list": { roles: ADMINS, scope: "none", note: "read-only for agency administrators" },
  "admin.procedure.get": { roles: ADMINS, scope: "none" },
  "admin.procedure.sectors": { roles: ADMINS, scope: "none" },
  "admin.procedure.create": { roles: ["SYSTEM_ADMIN"], scope: "all" },
  "admin.procedure.createVersion": { roles: ["SYSTEM_ADMIN"], scope: "all" },
  "admin.procedure.updateSettings": { roles: ["SYSTEM_ADMIN"], scope: "all" },
  "admin.audit.list": { roles: ADMINS, scope: "agency" },
  "admin.jobs.list": { roles: ["SYSTEM_ADMIN"], scope: "all", note: "failed background jobs of every agency: the ministry's system administrators" },
  "admin.jobs.retry": { roles: ["SYSTEM_ADMIN"], scope: "all" },
  "admin.jobs.discard": { roles: ["SYSTEM_ADMIN"], scope: "all" },

  // ── notifications (anyone signed in has an in-app list) ──
  "notification.list": { roles: SIGNED_IN, scope: "own" },
  "notification.get": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },
  "notification.unreadCount": { roles: SIGNED_IN, scope: "own" },
  "notification.markRead": { roles: SIGNED_IN, scope: "own", hiddenAs: "NOT_FOUND" },
  "notification.channels": { roles: SIGNED_IN, scope: "own" },
  "notification.updateChannels": { roles: SIGNED_IN, scope: "own" },
  "notification.template.list": { roles: ADMINS, scope: "none", note: "nationwide texts: agency administrators read them" },
  "notification.template.get": { roles: ADMINS, scope: "none" },
  "notification.template.preview": { roles: ADMINS, scope: "none" },
  "notification.template.update": { roles: ["SYSTEM_ADMIN"], scope: "all", note: "nationwide texts: system administrators only" },

  // ── forgotten passwords (the same answer whether or not an account exists) ──
  "passwordReset.request": { roles: EVERYONE, scope: "none" },
  "passwordReset.check": { roles: EVERYONE, scope: "none" },
  "passwordReset.reset": { roles: EVERYONE, scope: "none", note: "the link's token is the credential" },
};

export function permissionOf(path: string): ProcedurePermission | undefined {
  return Object.hasOwn(PERMISSIONS, path) ? PERMISSIONS[path] : undefined;
}
