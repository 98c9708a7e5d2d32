// Administration (/admin): agencies, users and memberships, the holiday calendar, the procedure
// catalogue, the audit trail, failed background jobs. Thin: the builder admits agency and system administrators; what each
// may touch is decided in server/modules/admin (policy.ts), which also writes the audit rows.
import { z } from "zod";
import { getAdminAgency, getAdminScope, listAdminAgencies } from "../../modules/admin/queries/agencies";
import { updateAgency } from "../../modules/admin/commands/update-agency";
import { listAuditLog } from "../../modules/admin/queries/audit-log";
import { addHoliday } from "../../modules/admin/commands/add-holiday";
import { importHolidays } from "../../modules/admin/commands/import-holidays";
import { listHolidays, previewHolidayImport } from "../../modules/admin/queries/holidays";
import { removeHoliday } from "../../modules/admin/commands/remove-holiday";
import { createProcedure } from "../../modules/admin/commands/create-procedure";
import { createProcedureVersion } from "../../modules/admin/commands/create-procedure-version";
import { getAdminProcedure, listAdminProcedures, listSectors } from "../../modules/admin/queries/procedures";
import { updateProcedureSettings } from "../../modules/admin/commands/update-procedure-settings";
import {
  ZAdminAgencySchema,
  ZAdminProcedureRowSchema,
  ZAdminProcedureSchema,
  ZAdminScopeSchema,
  ZAdminUserSchema,
  ZAgencyUpdateSchema,
  ZAuditListInputSchema,
  ZAuditPageSchema,
  ZHolidayAddSchema,
  ZHolidayImportPreviewSchema,
  ZHolidayImportSchema,
  ZHolidayListInputSchema,
  ZHolidaySchema,
  ZMembershipGrantSchema,
  ZOfficerCreateSchema,
  ZProcedureCreateSchema,
  ZProcedureListInputSchema,
  ZProcedureSettingsSchema,
  ZProcedureVersionCreateSchema,
  ZSectorOptionSchema,
  ZSetActiveSchema,
  ZSetPasswordSchema,
  ZUserListInputSchema,
  ZUserListPageSchema,
} from "../../modules/admin/schema";
import { createOfficer } from "../../modules/admin/commands/create-officer";
import { getAdminUser, listUsers } from "../../modules/admin/queries/users";
import { grantMembership } from "../../modules/admin/commands/grant-membership";
import { revokeMembership } from "../../modules/admin/commands/revoke-membership";
import { setUserActive } from "../../modules/admin/commands/set-user-active";
import { setUserPassword } from "../../modules/admin/commands/set-user-password";
import { discardFailedJob } from "../../modules/jobs/commands/discard-failed-job";
import { retryFailedJob } from "../../modules/jobs/commands/retry-failed-job";
import { listFailedJobs } from "../../modules/jobs/queries";
import { ZFailedJobListInputSchema, ZFailedJobPageSchema, ZJobActionResultSchema, ZJobRefSchema } from "../../modules/jobs/schema";
import { createTRPCRouter, officerProcedure } from "../trpc";

const admin = officerProcedure(["AGENCY_ADMIN", "SYSTEM_ADMIN"]);
/** The ministry's system administrators (the module checks the ministry). */
const systemAdmin = officerProcedure(["SYSTEM_ADMIN"]);
const ZId = z.string().trim().min(1).max(64);

export const adminRouter = createTRPCRouter({
  /** What the signed-in administrator manages. */
  scope: admin.output(ZAdminScopeSchema).query(({ ctx }) => getAdminScope(ctx.db, { actorUserId: ctx.actor.userId })),

  agency: createTRPCRouter({
    list: admin.output(z.array(ZAdminAgencySchema)).query(({ ctx }) => listAdminAgencies(ctx.db, { actorUserId: ctx.actor.userId })),
    get: admin
      .input(z.object({ agencyId: ZId }))
      .output(ZAdminAgencySchema)
      .query(({ ctx, input }) => getAdminAgency(ctx.db, { actorUserId: ctx.actor.userId, agencyId: input.agencyId })),
    update: admin
      .input(ZAgencyUpdateSchema)
      .output(ZAdminAgencySchema)
      .mutation(({ ctx, input }) => updateAgency(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),

  user: createTRPCRouter({
    list: admin
      .input(ZUserListInputSchema)
      .output(ZUserListPageSchema)
      .query(({ ctx, input }) => listUsers(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    get: admin
      .input(z.object({ userId: ZId }))
      .output(ZAdminUserSchema)
      .query(({ ctx, input }) => getAdminUser(ctx.db, { actorUserId: ctx.actor.userId, userId: input.userId })),
    create: admin
      .input(ZOfficerCreateSchema)
      .output(ZAdminUserSchema)
      .mutation(({ ctx, input }) => createOfficer(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    setActive: admin
      .input(ZSetActiveSchema)
      .output(ZAdminUserSchema)
      .mutation(({ ctx, input }) => setUserActive(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    setPassword: admin
      .input(ZSetPasswordSchema)
      .output(ZAdminUserSchema)
      .mutation(({ ctx, input }) => setUserPassword(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),

  membership: createTRPCRouter({
    grant: admin
      .input(ZMembershipGrantSchema)
      .output(ZAdminUserSchema)
      .mutation(({ ctx, input }) => grantMembership(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    revoke: admin
      .input(z.object({ membershipId: ZId }))
      .output(ZAdminUserSchema)
      .mutation(({ ctx, input }) => revokeMembership(ctx.db, { actorUserId: ctx.actor.userId, membershipId: input.membershipId }),
      ),
  }),

  holiday: createTRPCRouter({
    list: admin
      .input(ZHolidayListInputSchema)
      .output(z.array(ZHolidaySchema))
      .query(({ ctx, input }) => listHolidays(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    add: admin
      .input(ZHolidayAddSchema)
      .output(ZHolidaySchema)
      .mutation(({ ctx, input }) => addHoliday(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    remove: admin
      .input(z.object({ holidayId: ZId }))
      .output(z.object({ id: z.string() }))
      .mutation(({ ctx, input }) => removeHoliday(ctx.db, { actorUserId: ctx.actor.userId, holidayId: input.holidayId })),
    /** Parses a CSV and checks it against the calendar; changes nothing. */
    previewImport: admin
      .input(ZHolidayImportSchema)
      .output(ZHolidayImportPreviewSchema)
      .mutation(({ ctx, input }) => previewHolidayImport(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    /** All or nothing: VALIDATION with details.errors (per line) when any line is wrong. */
    importCsv: admin
      .input(ZHolidayImportSchema)
      .output(z.object({ added: z.array(ZHolidaySchema), unchanged: z.number().int() }))
      .mutation(({ ctx, input }) => importHolidays(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),

  procedure: createTRPCRouter({
    list: admin
      .input(ZProcedureListInputSchema)
      .output(z.array(ZAdminProcedureRowSchema))
      .query(({ ctx, input }) => listAdminProcedures(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    get: admin
      .input(z.object({ procedureId: ZId }))
      .output(ZAdminProcedureSchema)
      .query(({ ctx, input }) => getAdminProcedure(ctx.db, { actorUserId: ctx.actor.userId, procedureId: input.procedureId })),
    sectors: admin.output(z.array(ZSectorOptionSchema)).query(({ ctx }) => listSectors(ctx.db, { actorUserId: ctx.actor.userId })),
    create: admin
      .input(ZProcedureCreateSchema)
      .output(z.object({ id: z.string(), versionId: z.string() }))
      .mutation(({ ctx, input }) => createProcedure(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    /** Publishes an edit as a new version; CONFLICT when another version was published meanwhile. */
    createVersion: admin
      .input(ZProcedureVersionCreateSchema)
      .output(z.object({ id: z.string(), version: z.number().int() }))
      .mutation(({ ctx, input }) => createProcedureVersion(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    updateSettings: admin
      .input(ZProcedureSettingsSchema)
      .output(ZAdminProcedureSchema)
      .mutation(({ ctx, input }) => updateProcedureSettings(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),

  audit: createTRPCRouter({
    list: admin
      .input(ZAuditListInputSchema)
      .output(ZAuditPageSchema)
      .query(({ ctx, input }) => listAuditLog(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),

  jobs: createTRPCRouter({
    list: systemAdmin
      .input(ZFailedJobListInputSchema)
      .output(ZFailedJobPageSchema)
      .query(({ ctx, input }) => listFailedJobs(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    retry: systemAdmin
      .input(ZJobRefSchema)
      .output(ZJobActionResultSchema)
      .mutation(({ ctx, input }) => retryFailedJob(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
    discard: systemAdmin
      .input(ZJobRefSchema)
      .output(ZJobActionResultSchema)
      .mutation(({ ctx, input }) => discardFailedJob(ctx.db, { actorUserId: ctx.actor.userId, ...input })),
  }),
});
