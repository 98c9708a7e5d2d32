// Online submission for API clients (the browser pages post forms instead: they work without
// JavaScript). Thin: the signed-in user is the draft's owner; the module does the rest.
import { getDraft } from "../../modules/submission/queries";
import { saveDraft } from "../../modules/submission/commands/save-draft";
import { ZDraftRefSchema, ZDraftSchema, ZSaveDraftInputSchema, ZSubmitDraftInputSchema, ZSubmittedSchema } from "../../modules/submission/schema";
import { submitDraft } from "../../modules/submission/commands/submit-draft";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const submissionRouter = createTRPCRouter({
  /** One of the caller's drafts, with its files. */
  getDraft: protectedProcedure
    .input(ZDraftRefSchema)
    .output(ZDraftSchema)
    .query(({ ctx, input }) => getDraft(ctx.db, { ownerId: ctx.actor.userId, draftId: input.draftId })),

  /** Saves typed values as they are (validated at submission); without draftId resumes or starts the caller's draft. */
  saveDraft: protectedProcedure
    .input(ZSaveDraftInputSchema)
    .output(ZDraftSchema)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, { ownerId: ctx.actor.userId, ...input })),

  /**
   * Files the draft as an online dossier. VALIDATION errors carry `data.details.issues`
   * ([{path, key, vars}], message keys to translate); replaying the key returns the same dossier.
   */
  submit: protectedProcedure
    .input(ZSubmitDraftInputSchema)
    .output(ZSubmittedSchema)
    .mutation(({ ctx, input }) => submitDraft(ctx.db, { ownerId: ctx.actor.userId, ...input })),
});
