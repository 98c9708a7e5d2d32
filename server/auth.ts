import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getServerSession, type DefaultSession, type NextAuthOptions } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getDb, type UserKind } from "./db";
import { signInWithPassword, type SignedInUser, type SignInResult } from "./modules/auth/sign-in";

declare module "next-auth" {
  /** The session carries who, not what they may do: rights are re-read from the database per call. */
  interface Session extends DefaultSession {
    user: { id: string; kind: UserKind };
  }
  interface User {
    kind: UserKind;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    kind?: UserKind;
  }
}

/** A working day and a bit: an officer signs in once per shift; a forgotten kiosk session dies overnight. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
const useSecureCookies = publicUrl?.startsWith("https://") ?? false;

export const sessionCookie = {
  name: `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies },
};

function toSessionToken(user: { id: string; kind: UserKind }): JWT {
  return { sub: user.id, uid: user.id, kind: user.kind };
}

// ─── next-auth options ─────────────────────────────────────────────────────

/** Thrown from authorize() so next-auth redirects to /sign-in?error=AccountLocked. */
const LOCKED_ERROR = "AccountLocked";

let cachedOptions: NextAuthOptions | undefined;

/** Built on first use, so `next build` never creates a secret file while collecting routes. */
export function getAuthOptions(): NextAuthOptions {
  cachedOptions ??= {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    useSecureCookies,
    cookies: { sessionToken: sessionCookie },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email / phone",
        credentials: {
          identifier: { label: "Email hoặc số điện thoại", type: "text" },
          password: { label: "Mật khẩu", type: "password" },
        },
        async authorize(credentials) {
          const result = await signInWithPassword(getDb(), {
            identifier: credentials?.identifier ?? "",
            password: credentials?.password ?? "",
          });
          if (result.ok) return { id: result.user.id, kind: result.user.kind, name: result.user.name };
          if (result.reason === "LOCKED") throw new Error(LOCKED_ERROR);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // On sign-in `user` is what authorize returned; afterwards the token is carried as is.
        return user ? toSessionToken({ id: user.id, kind: user.kind }) : token;
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.uid ?? token.sub ?? "", kind: token.kind ?? "CITIZEN" } };
      },
    },
  };
  return cachedOptions;
}

export interface SessionUser {
  id: string;
  kind: UserKind;
}

/** The signed-in user from the session cookie (not re-validated: use the tRPC builders for rights). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user?.id ? { id: session.user.id, kind: session.user.kind } : null;
}

// ─── Form sign-in (Server Actions) ─────────────────────────────────────────

/**
 * Checks the password and, on success, sets the same session cookie next-auth's credentials
 * callback would. The sign-in page posts here through a Server Action, so it works without
 * JavaScript and shows its errors in place; next-auth's own /api/auth/callback/credentials
 * route stays available and shares signInWithPassword.
 */
export async function signInAndStartSession(identifier: string, password: string): Promise<SignInResult> {
  const result = await signInWithPassword(getDb(), { identifier, password });
  if (result.ok) await startSession(result.user);
  return result;
}

async function startSession(user: SignedInUser): Promise<void> {
  const token = await encode({ token: toSessionToken(user), secret: resolveAuthSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  const store = await cookies();
  store.set(sessionCookie.name, token, { ...sessionCookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function endSession(): Promise<void> {
  const store = await cookies();
  // Same attributes as when set (a __Secure- cookie is only cleared by a Secure Set-Cookie).
  store.set(sessionCookie.name, "", { ...sessionCookie.options, maxAge: 0 });
}
