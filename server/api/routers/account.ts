// Citizen accounts: sign-up, profile, the citizen's dossiers and what they may do with them.
import { z } from "zod";
import { answerSupplement } from "../../modules/applicant/commands/answer-supplement";
import { withdrawMyDossier } from "../../modules/applicant/commands/withdraw-dossier";
import { getMyDossier, listMyDossiers } from "../../modules/applicant/queries";
import { getProfile } from "../../modules/account/queries";
import { updateProfile } from "../../modules/account/commands/update-profile";
import { registerCitizen } from "../../modules/account/commands/register-citizen";
import { ZProfileInputSchema, ZProfileSchema, ZRegisterInputSchema } from "../../modules/account/schema";
import { ZActResultSchema } from "../../modules/dossier/schema";
import { clientKeyFrom } from "../../modules/tracking/rate-limit";
import { enforceRateLimit } from "../../modules/tracking/commands/hit-rate-limit";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

/** Sign-ups per client address per hour: enough for a family or a kiosk, not for a script. */
const SIGN_UPS_PER_CLIENT = { name: "sign-up", limit: Number(process.env.SIGN_UPS_PER_HOUR) > 0 ? Number(process.env.SIGN_UPS_PER_HOUR) : 20, windowMs: 3_600_000 };

const ZIdempotencyKey = z.string().min(8).max(200);
const ZCode = z.string().trim().min(1).max(60);

export const accountRouter = createTRPCRouter({
  /** Creates a citizen account (the caller then signs in). VALIDATION details.fieldErrors: field → reason. */
  register: publicProcedure
    .input(ZRegisterInputSchema)
    .output(z.object({ id: z.string(), kind: z.literal("CITIZEN"), name: z.string(), identifier: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await enforceRateLimit(ctx.db, { rule: SIGN_UPS_PER_CLIENT, subject: clientKeyFrom(ctx.headers) });
      return registerCitizen(ctx.db, input);
    }),

  profile: protectedProcedure.output(ZProfileSchema).query(({ ctx }) => getProfile(ctx.db, { userId: ctx.actor.userId })),

  updateProfile: protectedProcedure
    .input(ZProfileInputSchema)
    .output(ZProfileSchema)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, { ...input, userId: ctx.actor.userId })),

  /** The signed-in user's dossiers across procedures and agencies, newest first. */
  dossiers: protectedProcedure
    .input(z.object({ cursor: z.string().max(200).nullish() }).default({}))
    .query(({ ctx, input }) => listMyDossiers(ctx.db, { ownerId: ctx.actor.userId, cursor: input.cursor })),

  dossier: protectedProcedure.input(z.object({ code: ZCode })).query(({ ctx, input }) => getMyDossier(ctx.db, { ownerId: ctx.actor.userId, code: input.code })),

  /** Answer a supplement request: a note, corrected e-form fields, files stored beforehand. */
  answerSupplement: protectedProcedure
    .input(
      z.object({
        code: ZCode,
        idempotencyKey: ZIdempotencyKey,
        expectedVersion: z.number().int().min(1).optional(),
        note: z.string().max(4000).optional(),
        formDataPatch: z.record(z.string(), z.unknown()).optional(),
        attachmentIds: z.array(z.string().min(1).max(64)).max(50).optional(),
      }),
    )
    .output(ZActResultSchema)
    .mutation(({ ctx, input }) =>
      answerSupplement(ctx.db, {
        ownerId: ctx.actor.userId,
        dossierCode: input.code,
        idempotencyKey: input.idempotencyKey,
        note: input.note,
        formDataPatch: input.formDataPatch,
        attachmentIds: input.attachmentIds,
        expectedVersion: input.expectedVersion,
      }),
    ),

  /** Withdraw the dossier at the applicant's request, with a reason. */
  withdraw: protectedProcedure
    .input(z.object({ code: ZCode, idempotencyKey: ZIdempotencyKey, reason: z.string().max(4000), expectedVersion: z.number().int().min(1).optional() }))
    .output(ZActResultSchema)
    .mutation(({ ctx, input }) =>
      withdrawMyDossier(ctx.db, {
        ownerId: ctx.actor.userId,
        dossierCode: input.code,
        idempotencyKey: input.idempotencyKey,
        reason: input.reason,
        expectedVersion: input.expectedVersion,
      }),
    ),
});
