// The password rule of citizen accounts: long enough to resist guessing behind the sign-in lockout,
// with letters and digits, and not simply the e-mail address or phone number it signs in with.
import { normaliseEmail, normalisePhone } from "../auth/identifier";

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 128;

type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "NEEDS_LETTER_AND_DIGIT" | "SAME_AS_IDENTIFIER";

/** Problems with a new password (empty when acceptable). Identifiers: the account's e-mail and phone. */
export function passwordProblems(password: string, identifiers: ReadonlyArray<string | null | undefined> = []): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const value = password.normalize("NFC");
  const length = [...value].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push("TOO_SHORT");
  if (length > PASSWORD_MAX_LENGTH) problems.push("TOO_LONG");
  if (!/\p{L}/u.test(value) || !/\p{Nd}/u.test(value)) problems.push("NEEDS_LETTER_AND_DIGIT");
  const lower = value.trim().toLocaleLowerCase("vi");
  for (const identifier of identifiers) {
    if (!identifier) continue;
    const forms = new Set([normaliseEmail(identifier), identifier.trim().toLocaleLowerCase("vi")]);
    const phone = normalisePhone(identifier);
    if (phone) forms.add(phone).add(`+84${phone.slice(1)}`).add(`84${phone.slice(1)}`);
    // The e-mail's name part ("nguyenvan.an2024") is the first thing a guesser tries.
    if (identifier.includes("@")) forms.add(normaliseEmail(identifier).split("@")[0]!);
    if ([...forms].some((f) => f.length > 0 && f === lower)) {
      problems.push("SAME_AS_IDENTIFIER");
      break;
    }
  }
  return problems;
}
