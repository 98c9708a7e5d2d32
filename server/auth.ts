import "server-only";
import { type DefaultSession, type NextAuthOptions } from "next-auth";
import NextAuth from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb, type UserKind } from "./db";
import { currentSessionVersion, validateSession } from "./modules/auth/queries";
import { revokeSessions } from "./modules/auth/commands/revoke-sessions";
import { signInWithPassword, type SignedInUser, type SignInResult } from "./modules/auth/commands/sign-in-with-password";
import { readSsoIdentity, SSO_PROVIDERS, type SsoProvider } from "./modules/auth/sso-claims";
import { signInWithSso } from "./modules/auth/commands/sign-in-with-sso";
import { clientKeyFrom } from "./modules/tracking/rate-limit";
import {
  decodeSessionToken,
  encodeSessionToken,
  resolveAuthSecret,
  SESSION_IDLE_SECONDS,
  SESSION_MAX_AGE_SECONDS,
  sessionCookie,
  toSessionToken,
  useSecureCookies,
} from "./session-token";

export { resolveAuthSecret, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS, sessionCookie };

declare module "next-auth" {
  /** The session carries who, not what they may do: rights are re-read from the database per call. */
  interface Session extends DefaultSession {
    user: { id: string; kind: UserKind };
  }
  interface User {
    kind: UserKind;
    /** User.sessionVersion at sign-in (see server/modules/auth/commands/revoke-sessions.ts). */
    sv?: number;
  }
}

// ─── Single sign-on providers (OpenID Connect) ─────────────────────────────

interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  prompt: string;
}

/** VNEID_* (citizens' national electronic identity) and ORG_OIDC_* (officers' organisational SSO). */
function oidcSettings(provider: SsoProvider): OidcSettings | null {
  const prefix = provider === "vneid" ? "VNEID" : "ORG_OIDC";
  const issuer = process.env[`${prefix}_ISSUER`]?.trim();
  const clientId = process.env[`${prefix}_CLIENT_ID`]?.trim();
  const clientSecret = process.env[`${prefix}_CLIENT_SECRET`];
  if (!issuer || !clientId || !clientSecret) return null;
  const scope = process.env[`${prefix}_SCOPE`]?.trim() || (provider === "vneid" ? "openid profile email phone" : "openid profile email");
  // "login": the provider asks who is there every time, so after signing out at a shared counter
  // computer or kiosk the next person is not let in as the previous one. `${prefix}_PROMPT=` turns it off.
  const prompt = process.env[`${prefix}_PROMPT`] ?? "login";
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, scope, prompt };
}

/** The SSO providers this deployment has configured, in the order the sign-in page shows them. */
export function configuredSsoProviders(): SsoProvider[] {
  return SSO_PROVIDERS.filter((provider) => oidcSettings(provider) !== null);
}

function oidcProvider(id: SsoProvider, settings: OidcSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id,
    name: id === "vneid" ? "VNeID" : "SSO",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scope, ...(settings.prompt ? { prompt: settings.prompt } : {}) } },
    // The claims come from the ID token; state and PKCE bind the callback to this browser's request.
    idToken: true,
    checks: ["pkce", "state"],
    // Replaced by the linked local user in the signIn callback below.
    profile: (claims) => ({ id: String(claims.sub), kind: id === "org-sso" ? "OFFICER" : "CITIZEN" }),
  };
}

/** Query values of /sign-in?error=… for refused SSO sign-ins (the page translates them). */
const SSO_REFUSALS = {
  NO_ID_NUMBER: "SsoNoIdNumber",
  NO_EMAIL: "SsoNoEmail",
  NOT_AN_OFFICER: "SsoNotOfficer",
  INACTIVE: "SsoInactive",
} as const;

// ─── next-auth options ─────────────────────────────────────────────────────

/** Thrown from authorize() so next-auth redirects to /sign-in?error=AccountLocked. */
const LOCKED_ERROR = "AccountLocked";
const RATE_LIMITED_ERROR = "TooManyAttempts";

let cachedOptions: NextAuthOptions | undefined;

/** Built on first use, so `next build` never creates a secret file while collecting routes. */
export function getAuthOptions(): NextAuthOptions {
  cachedOptions ??= {
    secret: resolveAuthSecret(),
    // JWT sessions: app nodes stay stateless. next-auth issues tokens for the idle window; the proxy
    // slides them while the person is active and the absolute limit is checked on every request.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
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
        async authorize(credentials, req) {
          const result = await signInWithPassword(getDb(), {
            identifier: credentials?.identifier ?? "",
            password: credentials?.password ?? "",
            clientKey: clientKeyFrom({ get: (name) => (typeof req.headers?.[name] === "string" ? (req.headers[name] as string) : null) }),
          });
          if (result.ok) {
            const sv = await currentSessionVersion(getDb(), { userId: result.user.id });
            return { id: result.user.id, kind: result.user.kind, name: result.user.name, sv };
          }
          if (result.reason === "LOCKED") throw new Error(LOCKED_ERROR);
          if (result.reason === "RATE_LIMITED") throw new Error(RATE_LIMITED_ERROR);
          return null;
        },
      }),
      ...SSO_PROVIDERS.flatMap((id) => {
        const settings = oidcSettings(id);
        return settings ? [oidcProvider(id, settings)] : [];
      }),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        const provider = SSO_PROVIDERS.find((p) => p === account.provider);
        if (!provider || !profile) return false;
        const identity = readSsoIdentity(profile as Record<string, unknown>, { idNumberClaim: process.env.VNEID_ID_NUMBER_CLAIM });
        // Some directories send no email_verified; a deployment that vouches for its directory says so.
        if (provider === "org-sso" && process.env.ORG_OIDC_ASSUME_EMAIL_VERIFIED === "1") identity.emailVerified = true;
        const result = await signInWithSso(getDb(), { provider, identity });
        if (!result.ok) return `/sign-in?error=${SSO_REFUSALS[result.reason]}`;
        // Without an adapter next-auth hands this same object to the jwt callback: from here on the
        // session is the local user's, whatever the provider's subject was.
        Object.assign(user, { id: result.user.id, kind: result.user.kind, name: result.user.name, sv: result.user.sessionVersion });
        return true;
      },
      jwt({ token, user }) {
        // On sign-in `user` is what authorize returned, or the linked user; afterwards the token is carried as is.
        return user ? toSessionToken({ uid: user.id, kind: user.kind, sv: user.sv ?? 0, authTime: Date.now() }) : token;
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.uid ?? token.sub ?? "", kind: token.kind ?? "CITIZEN" } };
      },
    },
    events: {
      // next-auth's own sign-out route (the app's button uses endSession): end the session everywhere too.
      async signOut({ token }) {
        if (token?.uid) await revokeSessions(getDb(), { userId: token.uid, fromVersion: token.sv ?? 0 });
      },
    },
  };
  return cachedOptions;
}

export interface SessionUser {
  id: string;
  kind: UserKind;
}

/**
 * The signed-in user: a valid session cookie whose user is active, whose sessionVersion still
 * matches (not signed out elsewhere) and whose sign-in is within SESSION_MAX_AGE_SECONDS. One
 * database read, memoised per request. Rights are still re-read by the tRPC builders.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const value = (await cookies()).get(sessionCookie.name)?.value;
  if (!value) return null;
  const token = await decodeSessionToken(value);
  if (!token?.uid) return null;
  return validateSession(
    getDb(),
    { userId: token.uid, sessionVersion: token.sv, authTime: token.authTime },
    { maxAgeMs: SESSION_MAX_AGE_SECONDS * 1000 },
  );
});

// ─── Form sign-in (Server Actions) ─────────────────────────────────────────

/**
 * Checks the password and, on success, sets the same session cookie next-auth's credentials
 * callback would. The sign-in page posts here through a Server Action, so it works without
 * JavaScript and shows its errors in place; next-auth's own /api/auth/callback/credentials
 * route stays available and shares signInWithPassword. Failures are rate-limited per client address.
 */
export async function signInAndStartSession(identifier: string, password: string): Promise<SignInResult> {
  const clientKey = clientKeyFrom(await headers());
  const result = await signInWithPassword(getDb(), { identifier, password, clientKey });
  if (result.ok) await startSession(result.user);
  return result;
}

async function startSession(user: SignedInUser): Promise<void> {
  const sv = await currentSessionVersion(getDb(), { userId: user.id });
  const token = await encodeSessionToken({ uid: user.id, kind: user.kind, sv, authTime: Date.now() });
  const store = await cookies();
  store.set(sessionCookie.name, token.value, { ...sessionCookie.options, maxAge: token.maxAge });
}

/**
 * Signs out: the user's sessions end in every browser (sessionVersion moves on), and this browser's
 * cookie is cleared. The portal and the officer workspace share the one cookie.
 */
export async function endSession(): Promise<void> {
  const store = await cookies();
  const value = store.get(sessionCookie.name)?.value;
  const token = value ? await decodeSessionToken(value) : null;
  if (token?.uid) await revokeSessions(getDb(), { userId: token.uid, fromVersion: token.sv ?? 0 });
  // Same attributes as when set (a __Secure- cookie is only cleared by a Secure Set-Cookie).
  store.set(sessionCookie.name, "", { ...sessionCookie.options, maxAge: 0 });
}

// ─── Starting an SSO sign-in ───────────────────────────────────────────────

/** Collects what next-auth's API handler writes, in the shape of a Next.js API response. */
class CapturedResponse {
  statusCode = 200;
  readonly headers = new Map<string, string | string[]>();
  body: unknown;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  end() {}
  json(body: unknown) {
    this.body = body;
  }
  send(body: unknown) {
    this.body = body;
  }
  setCookies(): string[] {
    const value = this.headers.get("set-cookie") ?? [];
    return Array.isArray(value) ? value : [value];
  }
}

/**
 * Starts an OpenID Connect sign-in from a plain link (GET): runs next-auth's csrf and signin steps
 * server-side and answers with the redirect to the provider, carrying next-auth's state and PKCE
 * cookies. A link rather than a form, because the page's CSP `form-action 'self'` would block a form
 * whose response redirects to the provider; the caller refuses cross-site requests instead.
 */
export async function startSsoSignIn(request: Request, provider: SsoProvider, callbackUrl: string): Promise<Response> {
  const options = getAuthOptions();
  const requestHeaders = Object.fromEntries(request.headers);
  const cookieJar: Record<string, string> = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  const setCookies: string[] = [];

  const call = async (nextauth: string[], method: "GET" | "POST", body?: Record<string, string>) => {
    const res = new CapturedResponse();
    const req = { method, query: { nextauth }, headers: requestHeaders, cookies: { ...cookieJar }, body };
    await NextAuth(req as never, res as never, options);
    for (const cookie of res.setCookies()) {
      setCookies.push(cookie);
      const [pair = ""] = cookie.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) cookieJar[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
    }
    return res;
  };

  const csrf = await call(["csrf"], "GET");
  const csrfToken = (csrf.body as { csrfToken?: string } | undefined)?.csrfToken ?? "";
  const signin = await call(["signin", provider], "POST", { csrfToken, callbackUrl, json: "true" });
  const target = (signin.body as { url?: string } | undefined)?.url ?? "/sign-in?error=OAuthSignin";

  const response = new Response(null, { status: 302, headers: { Location: target, "Cache-Control": "no-store" } });
  for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
}
