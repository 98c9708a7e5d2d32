import { z } from "zod";
import { listSectorsWithProcedureCounts } from "../../modules/procedure/queries";
import { createTRPCRouter, publicProcedure } from "../trpc";

const ZSectorSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  procedureCount: z.number().int().nonnegative(),
});

export const sectorRouter = createTRPCRouter({
  /** Sectors with active procedures and their counts (home page). */
  list: publicProcedure.output(z.array(ZSectorSummarySchema)).query(({ ctx }) => listSectorsWithProcedureCounts(ctx.db)),
});
