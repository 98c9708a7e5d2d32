// The session cookie: a next-auth JWT (encrypted) that says who signed in, when, and at which
// sessionVersion. No database here, so the proxy (proxy.ts) can slide it on every request.
//
// Lifetimes:
//   idle      SESSION_IDLE_SECONDS without a request ends the session (the token's own expiry);
//   absolute  SESSION_MAX_AGE_SECONDS after sign-in it ends whatever the activity;
//   refresh   a request made more than SESSION_REFRESH_SECONDS after the token was issued gets a
//             new token (new expiry, same sign-in time), so activity keeps a session alive.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decode, encode, type JWT } from "next-auth/jwt";

/** The same union as the database enum (this file stays free of the database client). */
type UserKind = "CITIZEN" | "OFFICER";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    kind?: UserKind;
    sv?: number;
    authTime?: number;
  }
}

/** A working day and a bit: an officer signs in once per shift; a forgotten kiosk session dies overnight. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** A counter screen left unattended over a long break asks for the password again. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_REFRESH_SECONDS = 15 * 60;

export interface SessionTokenClaims {
  uid: string;
  kind: UserKind;
  /** User.sessionVersion when the session began. */
  sv: number;
  /** Sign-in time, ms since epoch. */
  authTime: number;
}

// ─── Secret ────────────────────────────────────────────────────────────────

let cachedSecret: string | undefined;

/**
 * AUTH_SECRET (or NEXTAUTH_SECRET). Without either, a random secret is generated once and kept in
 * `.data/auth-secret` (MOTCUA_DATA_DIR overrides the directory), so `npm start` works on a fresh
 * machine and sessions survive restarts. Nothing is hard-coded. Several app nodes must share
 * AUTH_SECRET, since each would otherwise generate its own.
 */
export function resolveAuthSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) return (cachedSecret = fromEnv);
  // `next build` may render pages while collecting them: never persist (or bake into an image) a secret then.
  if (process.env.NEXT_PHASE === "phase-production-build") return randomBytes(32).toString("base64url");

  const dir = process.env.MOTCUA_DATA_DIR || join(process.cwd(), ".data");
  const file = join(dir, "auth-secret");
  try {
    cachedSecret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    try {
      // "wx": when two processes start together, exactly one creates the file and the other reads it.
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
      console.warn(`[auth] AUTH_SECRET is not set: generated one in ${file}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    cachedSecret = readFileSync(file, "utf8").trim();
  }
  if (cachedSecret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters`);
  return cachedSecret;
}

// ─── Origin and cookies ────────────────────────────────────────────────────

function configureOrigin(): string | undefined {
  // next-auth 4 reads NEXTAUTH_URL; accept Auth.js' AUTH_URL as an alias.
  if (!process.env.NEXTAUTH_URL && process.env.AUTH_URL) process.env.NEXTAUTH_URL = process.env.AUTH_URL;
  // Without a configured URL, next-auth would send its /api/auth redirects to localhost:3000 whatever
  // port or host the app was reached on. Trusting the Host header instead only shapes redirects in the
  // requester's own responses; behind a reverse proxy set NEXTAUTH_URL to the public URL.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  return process.env.NEXTAUTH_URL;
}

const publicUrl = configureOrigin();
/** Secure (and __Secure- prefixed) cookies when the public URL is https; plain http on localhost otherwise. */
export const useSecureCookies = publicUrl?.startsWith("https://") ?? false;

export const sessionCookie = {
  name: `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies },
};

// ─── Tokens ────────────────────────────────────────────────────────────────

/** The token next-auth and our own sign-in both issue. `sub` stays for next-auth's defaults. */
export function toSessionToken(claims: SessionTokenClaims): JWT {
  return { sub: claims.uid, ...claims };
}

/** Seconds the next token may live: the idle window, cut short by the absolute limit. */
export function nextTokenLifetime(authTime: number, now = Date.now()): number {
  const remaining = Math.floor((authTime + SESSION_MAX_AGE_SECONDS * 1000 - now) / 1000);
  return Math.max(0, Math.min(SESSION_IDLE_SECONDS, remaining));
}

export async function encodeSessionToken(claims: SessionTokenClaims, now = Date.now()): Promise<{ value: string; maxAge: number }> {
  const maxAge = nextTokenLifetime(claims.authTime, now);
  return { value: await encode({ token: toSessionToken(claims), secret: resolveAuthSecret(), maxAge }), maxAge };
}

/** The session claims of a cookie value, or null when it is not a valid, unexpired token of ours. */
export async function decodeSessionToken(value: string): Promise<JWT | null> {
  try {
    return await decode({ token: value, secret: resolveAuthSecret() });
  } catch {
    return null;
  }
}

/**
 * A fresh token for an active session whose token is older than SESSION_REFRESH_SECONDS; null when
 * nothing should change (fresh enough, invalid, or past the absolute limit: such a token just expires).
 */
export async function refreshSessionToken(value: string, now = Date.now()): Promise<{ value: string; maxAge: number } | null> {
  const token = await decodeSessionToken(value);
  if (!token?.uid || typeof token.authTime !== "number" || typeof token.iat !== "number") return null;
  if (now - token.iat * 1000 < SESSION_REFRESH_SECONDS * 1000) return null;
  if (nextTokenLifetime(token.authTime, now) === 0) return null;
  return encodeSessionToken({ uid: token.uid, kind: token.kind ?? "CITIZEN", sv: token.sv ?? 0, authTime: token.authTime }, now);
}
