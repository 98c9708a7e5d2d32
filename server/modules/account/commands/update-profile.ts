// The citizen's profile: what e-forms are prefilled with (server/modules/submission/queries.ts reads
// the same columns). The e-mail is the sign-in identifier and is not edited here.
import type { Db } from "../../../db";
import { AppError } from "../../../errors";
import { profileSelect, toProfile } from "../queries";
import { checkProfile, type TProfile, type TProfileInput } from "../schema";
import { fieldValidationError, uniqueFieldErrors } from "../unique-fields";

/** Saves the profile. VALIDATION with `details.fieldErrors` for bad values or an ID number/phone of another account. */
export async function updateProfile(db: Db, input: { userId: string } & TProfileInput): Promise<TProfile> {
  const { userId, ...raw } = input;
  const current = await db.user.findUnique({ where: { id: userId }, select: { active: true, email: true, idNumber: true } });
  if (!current?.active) throw new AppError("NOT_FOUND", { message: `user ${userId}` });
  // Once set, the ID number stays required: it is how the account's dossiers are tracked.
  const { values, errors } = checkProfile(raw, { requireIdNumber: current.idNumber !== null });
  // Without an e-mail the phone is the only way to sign in.
  if (!current.email && !values.phone && !errors.phone) errors.phone = "REQUIRED";
  if (Object.keys(errors).length > 0) throw fieldValidationError("profile input is invalid", errors);

  const clash = await db.user.findFirst({
    where: {
      id: { not: userId },
      OR: [
        ...(values.idNumber ? [{ idNumber: values.idNumber }] : []),
        ...(values.phone ? [{ phone: { in: [values.phone, `+84${values.phone.slice(1)}`] } }] : []),
      ],
    },
    select: { idNumber: true, phone: true },
  });
  if (clash) {
    throw fieldValidationError(
      "identity belongs to another account",
      clash.idNumber && clash.idNumber === values.idNumber ? { idNumber: "ID_NUMBER_TAKEN" } : { phone: "PHONE_TAKEN" },
    );
  }
  try {
    const user = await db.user.update({ where: { id: userId }, data: values, select: profileSelect });
    return toProfile(user);
  } catch (error) {
    const fieldErrors = uniqueFieldErrors(error);
    if (fieldErrors) throw fieldValidationError("identity registered concurrently", fieldErrors);
    throw error;
  }
}
