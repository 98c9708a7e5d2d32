// Forgotten passwords of local accounts: ask for a link, check a link, set a new password.
import { z } from "zod";
import { requestPasswordReset } from "../../modules/auth/commands/request-password-reset";
import { checkPasswordResetToken, resetPassword } from "../../modules/auth/commands/reset-password";
import { clientKeyFrom } from "../../modules/tracking/rate-limit";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const passwordResetRouter = createTRPCRouter({
  /** Always { accepted: true } (whether or not the address has an account); RATE_LIMITED past the limits. */
  request: publicProcedure
    .input(z.object({ email: z.string().max(254), locale: z.enum(["vi", "en"]).optional() }))
    .output(z.object({ accepted: z.literal(true) }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, { ...input, clientKey: clientKeyFrom(ctx.headers) })),
  check: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .output(z.object({ valid: z.boolean(), minPasswordLength: z.number().int() }))
    .query(({ ctx, input }) => checkPasswordResetToken(ctx.db, input)),
  reset: publicProcedure
    .input(z.object({ token: z.string().max(200), password: z.string().max(1000) }))
    .output(z.object({ done: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input);
      return { done: true as const };
    }),
});
