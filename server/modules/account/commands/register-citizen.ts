// Citizen sign-up: one account per person for every procedure and agency. The ID number is unique
// (one person, one account); e-mail and phone are the sign-in identifiers.
import type { Db } from "../../../db";
import { hashPassword } from "../../auth/password";
import { checkRegistration, type TRegisterInput } from "../schema";
import { fieldValidationError, uniqueFieldErrors } from "../unique-fields";

interface TRegisteredUser {
  id: string;
  kind: "CITIZEN";
  name: string;
  /** What the new user signs in with (the e-mail, else the phone). */
  identifier: string;
}

/**
 * Creates a citizen (or business) account. VALIDATION with `details.fieldErrors` (field → reason)
 * for bad input and for an ID number, e-mail or phone already registered.
 */
export async function registerCitizen(db: Db, raw: TRegisterInput): Promise<TRegisteredUser> {
  const { values, errors } = checkRegistration(raw);
  // Friendly answers for the usual case, together with any other problem; the unique indexes
  // still decide under races.
  const idNumber = errors.idNumber ? null : values.idNumber;
  const email = errors.email ? null : values.email;
  const phone = errors.phone ? null : values.phone;
  const taken =
    idNumber || email || phone
      ? await db.user.findMany({
          where: {
            OR: [
              ...(idNumber ? [{ idNumber }] : []),
              ...(email ? [{ email }] : []),
              ...(phone ? [{ phone: { in: [phone, `+84${phone.slice(1)}`] } }] : []),
            ],
          },
          select: { idNumber: true, email: true, phone: true },
        })
      : [];
  for (const user of taken) {
    if (idNumber && user.idNumber === idNumber) errors.idNumber = "ID_NUMBER_TAKEN";
    if (email && user.email === email) errors.email = "EMAIL_TAKEN";
    if (phone && user.phone && user.phone.replace(/^\+84/, "0") === phone) errors.phone = "PHONE_TAKEN";
  }
  if (Object.keys(errors).length > 0) throw fieldValidationError("registration input is invalid or already registered", errors);

  const passwordHash = await hashPassword(values.password);
  try {
    const user = await db.user.create({
      data: {
        kind: "CITIZEN",
        name: values.name,
        email: values.email,
        phone: values.phone,
        passwordHash,
        idNumber: values.idNumber,
        dateOfBirth: values.dateOfBirth,
        address: values.address,
        applicantType: values.applicantType,
        organisationName: values.organisationName,
        taxCode: values.taxCode,
        locale: values.locale,
      },
      select: { id: true, name: true },
    });
    return { id: user.id, kind: "CITIZEN", name: user.name, identifier: values.email ?? values.phone! };
  } catch (error) {
    const fieldErrors = uniqueFieldErrors(error);
    if (fieldErrors) throw fieldValidationError("identity registered concurrently", fieldErrors);
    throw error;
  }
}
