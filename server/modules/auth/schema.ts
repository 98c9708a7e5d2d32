import { z } from "zod";

const ZRole = z.enum([
  "RECEPTION_OFFICER", "SPECIALIST", "LEADER", "RECORDS_CLERK",
  "POSTAL_STAFF", "AGENCY_ADMIN", "CONTROLLER", "SYSTEM_ADMIN",
]);

const ZMembershipSchema = z.object({
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyNameVi: z.string(),
  agencyNameEn: z.string(),
  role: ZRole,
});

/** What `me` returns: the signed-in user and their active memberships. No hashes, no lock state. */
export const ZCurrentUserSchema = z.object({
  id: z.string(),
  kind: z.enum(["CITIZEN", "OFFICER"]),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string(),
  memberships: z.array(ZMembershipSchema),
});
export type TCurrentUser = z.infer<typeof ZCurrentUserSchema>;
