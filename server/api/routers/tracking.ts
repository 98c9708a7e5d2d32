// Public dossier tracking and rating. Rate limits and the right to the full view live in the
// modules; this router supplies who is asking: the client's address, the session, the grant cookie.
import { z } from "zod";
import { rateDossier } from "../../modules/rating/commands/rate-dossier";
import { ZRatingInputSchema } from "../../modules/rating/schema";
import { cookieValue, TRACK_GRANT_COOKIE } from "../../modules/tracking/grant";
import { checkTrackingIdNumber } from "../../modules/tracking/commands/check-id-number";
import { trackDossier, type TrackingAccess } from "../../modules/tracking/queries/lookups";
import { clientKeyFrom } from "../../modules/tracking/rate-limit";
import { ZTrackingViewSchema } from "../../modules/tracking/schema";
import { createTRPCRouter, publicProcedure, type TRPCContext } from "../trpc";

/** The grant signing secret: the auth secret, loaded lazily (server/auth is server-only). */
async function grantSecret(): Promise<string> {
  const { resolveAuthSecret } = await import("../../auth");
  return resolveAuthSecret();
}

async function accessOf(ctx: TRPCContext): Promise<TrackingAccess> {
  return {
    viewerUserId: ctx.session?.id ?? null,
    grant: cookieValue(ctx.headers.get("cookie"), TRACK_GRANT_COOKIE),
    secret: await grantSecret(),
  };
}

const ZCode = z.object({ code: z.string().trim().min(1).max(60) });

export const trackingRouter = createTRPCRouter({
  /** The public view by code (rate-limited per client); the full view too for the owner or a grant holder. */
  get: publicProcedure
    .input(ZCode)
    .output(ZTrackingViewSchema)
    .query(async ({ ctx, input }) => trackDossier(ctx.db, { code: input.code, clientKey: clientKeyFrom(ctx.headers), ...(await accessOf(ctx)) })),

  /** Code + the applicant's ID number: a grant for the full view (the caller keeps it in the track_grant cookie). */
  checkIdNumber: publicProcedure
    .input(ZCode.extend({ idNumber: z.string().max(40) }))
    .output(z.object({ ok: z.boolean(), code: z.string(), grant: z.string().optional() }))
    .mutation(async ({ ctx, input }) =>
      checkTrackingIdNumber(ctx.db, { code: input.code, idNumber: input.idNumber, clientKey: clientKeyFrom(ctx.headers), secret: await grantSecret() }),
    ),

  /** Satisfaction rating once the result is returned: once per dossier, by the applicant only. */
  rate: publicProcedure
    .input(ZRatingInputSchema)
    .output(z.object({ id: z.string(), createdAt: z.date() }))
    .mutation(async ({ ctx, input }) => rateDossier(ctx.db, { ...input, ...(await accessOf(ctx)) })),
});
