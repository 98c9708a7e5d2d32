import { z } from "zod";
import { countDossiersByStatus, listAgencies } from "../../modules/agency/queries";
import { ZAgencyDossierCountsSchema, ZAgencyOptionSchema } from "../../modules/agency/schema";
import { agencyIdsOf } from "../../modules/auth/policy";
import { createTRPCRouter, officerProcedure, publicProcedure } from "../trpc";

export const agencyRouter = createTRPCRouter({
  /** Active agencies for pickers (public: citizens choose where to submit). */
  list: publicProcedure.output(z.array(ZAgencyOptionSchema)).query(({ ctx }) => listAgencies(ctx.db)),

  /** Dossiers per status at each agency where the officer holds a membership. */
  dossierCounts: officerProcedure()
    .output(z.array(ZAgencyDossierCountsSchema))
    .query(({ ctx }) => countDossiersByStatus(ctx.db, { agencyIds: agencyIdsOf(ctx.actor) })),
});
