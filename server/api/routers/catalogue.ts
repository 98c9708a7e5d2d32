// The public procedure catalogue (citizen portal and kiosk). Thin: validate, call the module.
import { z } from "zod";
import { catalogueFilters, getProcedureByCode, searchProcedures } from "../../modules/procedure/queries";
import { ZCatalogueSearchSchema } from "../../modules/procedure/schema";
import { AppError } from "../../errors";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const catalogueRouter = createTRPCRouter({
  /** Search by name, code, sector or agency (diacritics-insensitive), with filters; keyset pages. */
  search: publicProcedure.input(ZCatalogueSearchSchema).query(({ ctx, input }) => searchProcedures(ctx.db, input)),

  /** Sectors and agencies for the search form. */
  filters: publicProcedure.query(({ ctx }) => catalogueFilters(ctx.db, { locale: ctx.locale })),

  /** One procedure's current published version; NOT_FOUND when none. */
  byCode: publicProcedure.input(z.object({ code: z.string().trim().min(1).max(100) })).query(async ({ ctx, input }) => {
    const procedure = await getProcedureByCode(ctx.db, { code: input.code, locale: ctx.locale });
    if (!procedure) throw new AppError("NOT_FOUND", { message: `procedure ${input.code}` });
    return procedure;
  }),
});
