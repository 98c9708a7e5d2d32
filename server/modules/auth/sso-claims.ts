// What an OpenID Connect identity provider's claims mean here, normalised. Two providers:
//   vneid    the national electronic identity (citizens): identified by the verified ID number;
//   org-sso  the organisation's directory (officers): identified by a verified work e-mail.
// Pure; commands/sign-in-with-sso.ts decides which local user a sign-in becomes.
import { normaliseEmail, normalisePhone } from "./identifier";

export const SSO_PROVIDERS = ["vneid", "org-sso"] as const;

export type SsoProvider = (typeof SSO_PROVIDERS)[number];

/** Claim names tried for the national ID number after the configured one (providers differ). */
const FALLBACK_ID_NUMBER_CLAIMS = ["citizen_id", "cccd", "id_number"] as const;

/** What a provider asserts about the person, normalised. */
export interface SsoIdentity {
  /** The provider's stable subject identifier (`sub`). */
  subject: string;
  /** 12-digit citizen identity number (or a 9-digit legacy one), digits only. */
  idNumber: string | null;
  name: string | null;
  dateOfBirth: Date | null;
  /** National format (0xxxxxxxxx). */
  phone: string | null;
  email: string | null;
  emailVerified: boolean;
}

function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.normalize("NFC").replace(/\s+/g, " ").trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Digits only; a CCCD has 12, the old CMND 9. Anything else is not an ID number. */
export function normaliseIdNumber(raw: unknown): string | null {
  const value = text(raw)?.replace(/[\s.-]/g, "");
  return value && /^(\d{12}|\d{9})$/.test(value) ? value : null;
}

/** OIDC `birthdate` is YYYY-MM-DD; a year alone or a 0000 year says too little to store. */
function parseBirthdate(raw: unknown): Date | null {
  const value = text(raw);
  const match = value && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || match[1] === "0000") return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

function fullName(claims: Record<string, unknown>): string | null {
  const name = text(claims.name);
  if (name) return name;
  // Vietnamese order: family, middle, given.
  const parts = [claims.family_name, claims.middle_name, claims.given_name].map(text).filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" ") : null;
}

/**
 * Reads an ID token's claims. `idNumberClaim` names the claim holding the ID number (configurable per
 * deployment; `citizen_id` by default), then `cccd` and `id_number` are tried.
 */
export function readSsoIdentity(claims: Record<string, unknown>, options: { idNumberClaim?: string } = {}): SsoIdentity {
  const subject = text(claims.sub);
  if (!subject) throw new Error("The identity provider sent no subject (sub) claim");
  const claimNames = [options.idNumberClaim || "citizen_id", ...FALLBACK_ID_NUMBER_CLAIMS];
  let idNumber: string | null = null;
  for (const claim of claimNames) {
    idNumber = normaliseIdNumber(claims[claim]);
    if (idNumber) break;
  }
  const email = text(claims.email);
  const phone = text(claims.phone_number);
  return {
    subject,
    idNumber,
    name: fullName(claims),
    dateOfBirth: parseBirthdate(claims.birthdate),
    phone: phone ? normalisePhone(phone) : null,
    email: email && email.includes("@") ? normaliseEmail(email) : null,
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
  };
}
