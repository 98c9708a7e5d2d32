import { AppError } from "../../errors";
import { getCurrentUser } from "../../modules/auth/queries";
import { ZCurrentUserSchema } from "../../modules/auth/schema";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const meRouter = createTRPCRouter({
  /** The signed-in user with active memberships and agency names. */
  get: protectedProcedure.output(ZCurrentUserSchema).query(async ({ ctx }) => {
    const user = await getCurrentUser(ctx.db, { userId: ctx.actor.userId });
    if (!user) throw new AppError("NOT_FOUND", { message: `user ${ctx.actor.userId}` });
    return user;
  }),
});
