// Runs in front of every page, route handler and Server Action (Next.js 16 proxy, Node.js runtime):
//   1. refuses state-changing requests from other origins (CSRF), for route handlers that have no
//      protection of their own (the language switch, uploads, draft saves) and everything after them;
//   2. slides the session: an active person's session token is re-issued, so the session ends after
//      SESSION_IDLE_SECONDS without activity (and SESSION_MAX_AGE_SECONDS after sign-in in any case).
import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteWrite } from "./server/http/same-origin";
import { refreshSessionToken, sessionCookie } from "./server/session-token";

export async function proxy(request: NextRequest) {
  if (isCrossSiteWrite(request.method, request.headers)) {
    return new NextResponse("Cross-site request refused", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  const response = NextResponse.next();
  // Sign-in and sign-out set or clear the cookie themselves (next-auth routes, Server Actions): a
  // refreshed copy of the old token on the same response could undo a sign-out.
  const ownsCookie = request.nextUrl.pathname.startsWith("/api/auth/") || request.headers.has("next-action");
  const current = request.cookies.get(sessionCookie.name)?.value;
  if (current && !ownsCookie) {
    const refreshed = await refreshSessionToken(current);
    if (refreshed) response.cookies.set(sessionCookie.name, refreshed.value, { ...sessionCookie.options, maxAge: refreshed.maxAge });
  }
  return response;
}

/**
 * Where the proxy has work, and only there (it costs every request it runs on about as much as a
 * small route handler): requests carrying a session cookie (to slide it), and requests a browser
 * marks as coming from elsewhere (to refuse writes): fetch metadata saying cross-site or same-site,
 * or an Origin without fetch metadata (older browsers). A request with neither is no browser's
 * cross-site request (isCrossSiteRequest lets it through anyway), so signed-out page views, the
 * bulk of the public portal, skip it. Literals only: Next.js reads this statically. The cookie
 * names are sessionCookie's (server/session-token.ts; proxy.test.ts checks).
 * Not for build output and static files: they carry no session and change nothing.
 */
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|sw\\.js|workbox-|icons/|manifest\\.webmanifest).*)",
      has: [{ type: "cookie", key: "next-auth.session-token" }],
    },
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|sw\\.js|workbox-|icons/|manifest\\.webmanifest).*)",
      has: [{ type: "cookie", key: "__Secure-next-auth.session-token" }],
    },
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|sw\\.js|workbox-|icons/|manifest\\.webmanifest).*)",
      has: [{ type: "header", key: "sec-fetch-site", value: "(?:cross-site|same-site)" }],
    },
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|sw\\.js|workbox-|icons/|manifest\\.webmanifest).*)",
      has: [{ type: "header", key: "origin" }],
      missing: [{ type: "header", key: "sec-fetch-site" }],
    },
  ],
};
