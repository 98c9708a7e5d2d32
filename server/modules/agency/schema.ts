import { z } from "zod";

const ZAgencyKind = z.enum(["MINISTRY", "PROVINCIAL_DEPARTMENT", "COMMUNE", "MINISTRY_UNIT"]);

/** An agency as shown in pickers: no contact or configuration fields. */
export const ZAgencyOptionSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: ZAgencyKind,
  nameVi: z.string(),
  nameEn: z.string(),
  shortNameVi: z.string().nullable(),
  provinceName: z.string().nullable(),
  parentId: z.string().nullable(),
});

export const ZDossierStatus = z.enum([
  "NEW", "RECEIVED", "REFUSED", "PROCESSING", "SUPPLEMENT_REQUESTED",
  "AWAITING_FEE", "WITHDRAWN", "STOPPED", "PROCESSED", "RETURNED",
]);

/** Dossiers handled by one agency, counted per status; every status is present (0 when none). */
export const ZAgencyDossierCountsSchema = z.object({
  agencyId: z.string(),
  counts: z.array(z.object({ status: ZDossierStatus, count: z.number().int().nonnegative() })),
  total: z.number().int().nonnegative(),
});

export type TAgencyOption = z.infer<typeof ZAgencyOptionSchema>;
export type TAgencyDossierCounts = z.infer<typeof ZAgencyDossierCountsSchema>;
