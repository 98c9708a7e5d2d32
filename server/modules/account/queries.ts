// The citizen's profile as the profile page shows it (server/modules/submission/queries.ts reads the
// same columns to prefill e-forms).
import type { Db } from "../../db";
import { AppError } from "../../errors";
import type { TProfile } from "./schema";

export const profileSelect = {
  email: true,
  name: true,
  phone: true,
  idNumber: true,
  dateOfBirth: true,
  address: true,
  applicantType: true,
  organisationName: true,
  taxCode: true,
  active: true,
} as const;

export function toProfile(user: { dateOfBirth: Date | null } & Omit<TProfile, "dateOfBirth">): TProfile {
  return {
    email: user.email,
    name: user.name,
    phone: user.phone,
    idNumber: user.idNumber,
    // DATE columns arrive as UTC midnight of the calendar date.
    dateOfBirth: user.dateOfBirth ? user.dateOfBirth.toISOString().slice(0, 10) : null,
    address: user.address,
    applicantType: user.applicantType,
    organisationName: user.organisationName,
    taxCode: user.taxCode,
  };
}

export async function getProfile(db: Db, { userId }: { userId: string }): Promise<TProfile> {
  const user = await db.user.findUnique({ where: { id: userId }, select: profileSelect });
  if (!user?.active) throw new AppError("NOT_FOUND", { message: `user ${userId}` });
  return toProfile(user);
}
