// The proof that a browser gave a dossier's code together with the applicant's ID number: a
// short-lived HMAC-signed token, kept in an httpOnly cookie, so the number is typed once and never
// travels in a URL. It names one dossier code and an expiry; nothing personal is inside.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TRACK_GRANT_COOKIE = "track_grant";
/** Long enough to read the detail and rate the service; short enough for a shared screen. */
export const TRACK_GRANT_TTL_SECONDS = 15 * 60;

function sign(secret: string, code: string, expiresAtMs: number): string {
  return createHmac("sha256", secret).update(`track-grant\u0000${code}\u0000${expiresAtMs}`).digest("base64url");
}

export function createTrackGrant(secret: string, code: string, now = new Date()): string {
  const expiresAtMs = now.getTime() + TRACK_GRANT_TTL_SECONDS * 1000;
  return `${Buffer.from(code).toString("base64url")}.${expiresAtMs}.${sign(secret, code, expiresAtMs)}`;
}

/** True when `token` was made with `secret` for exactly this code and has not expired. */
export function verifyTrackGrant(secret: string, token: string | null | undefined, code: string, now = new Date()): boolean {
  if (!token) return false;
  const parts = token.split(".");
  if (parts.length !== 3) return false;
  const [codePart, expPart, mac] = parts as [string, string, string];
  if (Buffer.from(codePart, "base64url").toString() !== code) return false;
  if (!/^\d{1,16}$/.test(expPart)) return false;
  const expiresAtMs = Number(expPart);
  if (expiresAtMs <= now.getTime()) return false;
  const expected = Buffer.from(sign(secret, code, expiresAtMs));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The value of one cookie in a raw Cookie header. */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
