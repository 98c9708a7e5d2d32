// The officers' dossier lifecycle: worklists, detail, commands. Thin: validate, call one domain
// function with the signed-in user's id (rights are re-read there), return the DTO.
import { z } from "zod";
import { applyDossierAction } from "../../modules/dossier/commands/act";
import { bulkAssign } from "../../modules/dossier/commands/bulk-assign";
import { intakeDossier } from "../../modules/dossier/commands/intake-dossier";
import { getDossierDetail } from "../../modules/dossier/queries/dossier-detail";
import { countsByStatus, listAssignees, procedurePicker } from "../../modules/dossier/queries/desk";
import {
  ZActResultSchema,
  ZActSchema,
  ZAssigneeSchema,
  ZAssigneesInputSchema,
  ZBulkAssignResultSchema,
  ZBulkAssignSchema,
  ZCountsInputSchema,
  ZDossierDetailSchema,
  ZDossierRefSchema,
  ZIntakeKitInputSchema,
  ZIntakeKitSchema,
  ZIntakeResultSchema,
  ZIntakeSchema,
  ZReserveCodesResultSchema,
  ZReserveCodesSchema,
  ZPickerProcedureSchema,
  ZProcedurePickerInputSchema,
  ZStatusCountsSchema,
  ZWorklistInputSchema,
  ZWorklistPageSchema,
} from "../../modules/dossier/schema";
import { listWorklist } from "../../modules/dossier/queries/worklist";
import { loadIntakeKit } from "../../modules/dossier/queries/intake-kit";
import { reserveCodesForDevice } from "../../modules/dossier/commands/reserve-codes";
import { createTRPCRouter, officerProcedure } from "../trpc";

const officer = officerProcedure();

export const dossierRouter = createTRPCRouter({
  /** Worklists: mine, queue, dueSoon, overdue, supplement, reception, all; search and filters; keyset pages. */
  worklist: officer
    .input(ZWorklistInputSchema)
    .output(ZWorklistPageSchema)
    .query(({ ctx, input }) => listWorklist(ctx.db, { actorUserId: ctx.actor.userId, ...input })),

  /** One dossier with its timeline, control sheet, clock and the actions this officer may take. */
  get: officer
    .input(ZDossierRefSchema)
    .output(ZDossierDetailSchema)
    .query(({ ctx, input }) => getDossierDetail(ctx.db, { actorUserId: ctx.actor.userId, dossierId: input.dossierId })),

  /** Officers of the handling agency who may hold the dossier's current (or given) step. */
  assignees: officer
    .input(ZAssigneesInputSchema)
    .output(z.array(ZAssigneeSchema))
    .query(({ ctx, input }) => listAssignees(ctx.db, { actorUserId: ctx.actor.userId, ...input })),

  /** Dossiers handled by an agency, per status. */
  counts: officer
    .input(ZCountsInputSchema)
    .output(ZStatusCountsSchema)
    .query(({ ctx, input }) => countsByStatus(ctx.db, { actorUserId: ctx.actor.userId, agencyId: input.agencyId })),

  /** Procedures an agency offers, with the document checklist: the intake form's picker. */
  procedurePicker: officer
    .input(ZProcedurePickerInputSchema)
    .output(z.array(ZPickerProcedureSchema))
    .query(({ ctx, input }) => procedurePicker(ctx.db, { actorUserId: ctx.actor.userId, agencyId: input.agencyId })),

  /** One command on one dossier. CONFLICT errors carry `data.details.current` (the dossier state). */
  act: officer
    .input(ZActSchema)
    .output(ZActResultSchema)
    .mutation(({ ctx, input }) => applyDossierAction(ctx.db, { actorUserId: ctx.actor.userId, ...input })),

  /** Assign many dossiers to one officer; per-dossier results, failures reported not thrown. */
  bulkAssign: officer
    .input(ZBulkAssignSchema)
    .output(ZBulkAssignResultSchema)
    .mutation(({ ctx, input }) => bulkAssign(ctx.db, { actorUserId: ctx.actor.userId, ...input })),

  /** Counter intake (channel 1 walk-in, 3 by post): the dossier is received at once. */
  intake: officer
    .input(ZIntakeSchema)
    .output(ZIntakeResultSchema)
    .mutation(({ ctx, input }) => intakeDossier(ctx.db, { actorUserId: ctx.actor.userId, ...input })),

  /** Offline intake: this device's unused codes for the agency today, topped up to a block (reception officers). */
  reserveCodes: officer
    .input(ZReserveCodesSchema)
    .output(ZReserveCodesResultSchema)
    .mutation(({ ctx, input }) => reserveCodesForDevice(ctx.db, { actorUserId: ctx.actor.userId, ...input })),

  /** Offline intake: the agency's working calendar and procedure time limits, to print the due date offline. */
  intakeKit: officer
    .input(ZIntakeKitInputSchema)
    .output(ZIntakeKitSchema)
    .query(({ ctx, input }) => loadIntakeKit(ctx.db, { actorUserId: ctx.actor.userId, agencyId: input.agencyId })),
});
