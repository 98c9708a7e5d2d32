// Contracts of citizen accounts: sign-up, profile, the citizen's own dossiers. Validation answers
// with a reason code per field (account.errors.<CODE> in messages), so forms can say exactly what
// is wrong in the user's language.
import { z } from "zod";
import { normaliseEmail, normalisePhone } from "../auth/identifier";
import { passwordProblems } from "./password-policy";

const ACCOUNT_APPLICANT_TYPES = ["CITIZEN", "BUSINESS"] as const;
type TAccountApplicantType = (typeof ACCOUNT_APPLICANT_TYPES)[number];

export type FieldErrors = Record<string, string>;

/** Raw form values: every field a string (or absent), as posted. */
export const ZProfileInputSchema = z.object({
  name: z.string().max(1000).default(""),
  phone: z.string().max(100).optional(),
  idNumber: z.string().max(100).optional(),
  /** YYYY-MM-DD. */
  dateOfBirth: z.string().max(20).optional(),
  address: z.string().max(2000).optional(),
  applicantType: z.enum(ACCOUNT_APPLICANT_TYPES).default("CITIZEN"),
  organisationName: z.string().max(1000).optional(),
  taxCode: z.string().max(100).optional(),
});
export type TProfileInput = z.input<typeof ZProfileInputSchema>;

export const ZRegisterInputSchema = ZProfileInputSchema.extend({
  email: z.string().max(400).optional(),
  password: z.string().max(1000),
  locale: z.enum(["vi", "en"]).default("vi"),
});
export type TRegisterInput = z.input<typeof ZRegisterInputSchema>;

/** A profile as stored: trimmed, normalised, nulls for blanks. */
interface TProfileValues {
  name: string;
  phone: string | null;
  idNumber: string | null;
  dateOfBirth: Date | null;
  address: string | null;
  applicantType: TAccountApplicantType;
  organisationName: string | null;
  taxCode: string | null;
}

const blank = (v: string | undefined) => {
  const t = (v ?? "").normalize("NFC").trim().replace(/\s+/g, " ");
  return t.length === 0 ? null : t;
};

/** A calendar date typed as YYYY-MM-DD, plausible for a living person; null when malformed. */
function parseDateOfBirth(raw: string, today = new Date()): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== raw) return null;
  if (date.getUTCFullYear() < 1900 || date.getTime() > today.getTime()) return null;
  return date;
}

/** Profile fields checked and normalised; `errors` names each bad field with a reason code. */
export function checkProfile(raw: TProfileInput, options: { requireIdNumber: boolean }): { values: TProfileValues; errors: FieldErrors } {
  const input = ZProfileInputSchema.parse(raw);
  const errors: FieldErrors = {};
  const name = blank(input.name);
  if (!name) errors.name = "REQUIRED";
  else if (name.length > 200) errors.name = "TOO_LONG";

  const phoneRaw = blank(input.phone);
  const phone = phoneRaw ? normalisePhone(phoneRaw) : null;
  if (phoneRaw && !phone) errors.phone = "INVALID_PHONE";

  const idRaw = blank(input.idNumber)?.replace(/[\s.]/g, "") ?? null;
  if (!idRaw && options.requireIdNumber) errors.idNumber = "REQUIRED";
  else if (idRaw && !/^\d{12}$/.test(idRaw)) errors.idNumber = "INVALID_ID_NUMBER";

  const dobRaw = blank(input.dateOfBirth);
  const dateOfBirth = dobRaw ? parseDateOfBirth(dobRaw) : null;
  if (dobRaw && !dateOfBirth) errors.dateOfBirth = "INVALID_DATE";

  const address = blank(input.address);
  if (address && address.length > 500) errors.address = "TOO_LONG";

  const business = input.applicantType === "BUSINESS";
  const organisationName = business ? blank(input.organisationName) : null;
  const taxCode = business ? (blank(input.taxCode)?.replace(/\s/g, "") ?? null) : null;
  if (business && !organisationName) errors.organisationName = "REQUIRED";
  else if (organisationName && organisationName.length > 300) errors.organisationName = "TOO_LONG";
  if (business && !taxCode) errors.taxCode = "REQUIRED";
  else if (taxCode && !/^\d{10}(-\d{3})?$/.test(taxCode)) errors.taxCode = "INVALID_TAX_CODE";

  return {
    values: {
      name: name ?? "",
      phone,
      idNumber: idRaw,
      dateOfBirth,
      address,
      applicantType: input.applicantType,
      organisationName,
      taxCode,
    },
    errors,
  };
}

interface TRegistrationValues extends TProfileValues {
  email: string | null;
  password: string;
  locale: "vi" | "en";
}

/** Sign-up values checked: e-mail or phone required, the password rule, a 12-digit ID number. */
export function checkRegistration(raw: TRegisterInput): { values: TRegistrationValues; errors: FieldErrors } {
  const input = ZRegisterInputSchema.parse(raw);
  const { values, errors } = checkProfile(input, { requireIdNumber: true });
  const emailRaw = blank(input.email);
  const email = emailRaw ? normaliseEmail(emailRaw) : null;
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.email = "INVALID_EMAIL";
  if (!email && !blank(input.phone)) errors.email = "EMAIL_OR_PHONE_REQUIRED";
  const problems = passwordProblems(input.password, [email, values.phone, blank(input.phone)]);
  if (problems.length > 0) errors.password = problems[0]!;
  return { values: { ...values, email, password: input.password.normalize("NFC"), locale: input.locale }, errors };
}

/** The profile page's view of the account. */
export const ZProfileSchema = z.object({
  email: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  address: z.string().nullable(),
  applicantType: z.enum(["CITIZEN", "BUSINESS", "STATE_AGENCY", "ORGANISATION"]),
  organisationName: z.string().nullable(),
  taxCode: z.string().nullable(),
});
export type TProfile = z.infer<typeof ZProfileSchema>;
