import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { agencyRouter } from "./routers/agency";
import { catalogueRouter } from "./routers/catalogue";
import { dossierRouter } from "./routers/dossier";
import { meRouter } from "./routers/me";
import { notificationRouter } from "./routers/notification";
import { passwordResetRouter } from "./routers/password-reset";
import { sectorRouter } from "./routers/sector";
import { submissionRouter } from "./routers/submission";
import { trackingRouter } from "./routers/tracking";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Every router of the API. Add a domain's router here; keep routers thin (one module call each). */
export const appRouter = createTRPCRouter({
  me: meRouter,
  agency: agencyRouter,
  sector: sectorRouter,
  dossier: dossierRouter,
  catalogue: catalogueRouter,
  tracking: trackingRouter,
  account: accountRouter,
  admin: adminRouter,
  submission: submissionRouter,
  notification: notificationRouter,
  passwordReset: passwordResetRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
