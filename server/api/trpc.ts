/**
 * tRPC setup: the context type, the procedure builders and the error formatter.
 * The context itself is built in ./context.ts (it reads cookies through next/headers), which
 * keeps this file importable from unit tests.
 *
 *   publicProcedure            anyone
 *   protectedProcedure         a signed-in, active user; ctx.actor re-read from the database
 *   officerProcedure(roles?)   an officer with an active membership (holding one of `roles`, if given)
 *
 * Rights at a particular agency are checked by the domain's policy, e.g.
 * `requireRoleAt(ctx.actor, input.agencyId, ["RECEPTION_OFFICER"])` (server/modules/auth/policy.ts).
 */
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Db, Role } from "../db";
import type { SessionUser } from "../auth";
import { AppError } from "../errors";
import type { Locale } from "../i18n/core";
import { isOfficer, hasRole } from "../modules/auth/policy";
import { loadActor } from "../modules/auth/queries";
import { formatError, toTRPCError } from "./error-format";

export interface TRPCContext {
  db: Db;
  session: SessionUser | null;
  locale: Locale;
  headers: Headers;
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  isDev: process.env.NODE_ENV !== "production",
  errorFormatter({ shape, error, ctx }) {
    return formatError({
      shape,
      error,
      locale: ctx?.locale ?? "vi",
      production: process.env.NODE_ENV === "production",
    });
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain code throws AppError; this gives it the matching tRPC code (and so the HTTP status). */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new AppError("UNAUTHENTICATED");
  // Re-read on every call: a deactivated user or a revoked membership loses access at once.
  const actor = await loadActor(ctx.db, { userId: ctx.session.id });
  if (!actor) throw new AppError("UNAUTHENTICATED", { message: `user ${ctx.session.id} is missing or inactive` });
  return next({ ctx: { session: ctx.session, actor } });
});

/** An officer holding an active membership; with `roles`, one of them at some agency. */
export function officerProcedure(roles?: readonly Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!isOfficer(ctx.actor) || (roles && !hasRole(ctx.actor, roles))) {
      throw new AppError("FORBIDDEN", { message: `user ${ctx.actor.userId} is not an officer${roles ? ` with ${roles.join("|")}` : ""}` });
    }
    return next();
  });
}
