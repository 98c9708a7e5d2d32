// Which requests the proxy runs on, and which /track/<code> requests get the plain-HTML page,
// decided by Next.js's own matchers over this project's config (proxy.ts, next.config.js).
import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import { describe, expect, it, vi } from "vitest";
import type { NextConfig } from "next";
import { config } from "./proxy";
import { isCrossSiteWrite } from "./server/http/same-origin";

// Next.js's own matcher compiler (internal: it has no type declaration).
const { getMiddlewareMatchers } = staticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, config: unknown) => unknown };

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  query?: Record<string, string>;
}

function incoming(req: Req) {
  const cookie = Object.entries(req.cookies ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  const headers: Record<string, string> = { host: "motcua.test", ...Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])) };
  if (cookie) headers.cookie = cookie;
  return { headers };
}

const proxyRuns = (() => {
  const matcher = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher as never, { i18n: null, basePath: "" } as never) as never);
  return (req: Req) => matcher(req.path, incoming(req) as never, req.query ?? {});
})();

/** What the proxy exists for: a session to slide, or a cross-site write to refuse. */
function proxyHasWork(req: Req): boolean {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies?.[name]);
  return hasSession || isCrossSiteWrite(req.method, new Headers(incoming(req).headers));
}

/** `runs`: whether the proxy runs. It must wherever it has work; it may (and does) on a same-site Origin-only post. */
const CASES: Array<Req & { name: string; runs: boolean }> = [
  { name: "signed-out page view", method: "GET", path: "/track/000.00.20.H09-260903-0001", headers: { "sec-fetch-site": "none" }, runs: false },
  { name: "signed-out link from the site", method: "GET", path: "/procedures", headers: { "sec-fetch-site": "same-origin" }, runs: false },
  { name: "a script without browser headers", method: "GET", path: "/track/X", runs: false },
  { name: "same-origin form post", method: "POST", path: "/api/locale", headers: { origin: "http://motcua.test", "sec-fetch-site": "same-origin" }, runs: false },
  { name: "cross-site form post", method: "POST", path: "/api/locale", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, runs: true },
  { name: "same-site neighbour post", method: "POST", path: "/sign-in", headers: { origin: "http://motcua.test:8080", "sec-fetch-site": "same-site" }, runs: true },
  { name: "older browser, Origin only, other site", method: "POST", path: "/sign-in", headers: { origin: "https://evil.example" }, runs: true },
  { name: "older browser, Origin only, this site", method: "POST", path: "/sign-in", headers: { origin: "http://motcua.test" }, runs: true },
  { name: "signed in, page view", method: "GET", path: "/me", headers: { "sec-fetch-site": "none" }, cookies: { "next-auth.session-token": "x" }, runs: true },
  { name: "signed in over https", method: "GET", path: "/officer", cookies: { "__Secure-next-auth.session-token": "x" }, runs: true },
  { name: "signed in, cross-site link", method: "GET", path: "/me", headers: { "sec-fetch-site": "cross-site" }, cookies: { "next-auth.session-token": "x" }, runs: true },
  { name: "cross-site DELETE", method: "DELETE", path: "/api/uploads/1", headers: { "sec-fetch-site": "cross-site" }, runs: true },
];

describe("proxy matcher", () => {
  it.each(CASES)("$name: runs $runs", (req) => {
    expect(proxyRuns(req)).toBe(req.runs);
  });

  it.each(CASES.filter((req) => proxyHasWork(req)))("runs wherever it has work: $name", (req) => {
    expect(proxyRuns(req)).toBe(true);
  });

  it("has cases on both sides: skipped where it has no work, run where it has", () => {
    expect(CASES.some((req) => !proxyHasWork(req) && !req.runs)).toBe(true);
    expect(CASES.some((req) => proxyHasWork(req))).toBe(true);
  });

  it("never runs on build output", () => {
    expect(proxyRuns({ method: "GET", path: "/_next/static/chunks/main.js", cookies: { "next-auth.session-token": "x" } })).toBe(false);
  });

  it("names the session cookie as server/session-token.ts does, secure or not", async () => {
    const names = new Set<string>();
    const saved = process.env.NEXTAUTH_URL;
    for (const url of ["http://localhost:3000", "https://motcua.gov.vn"]) {
      process.env.NEXTAUTH_URL = url;
      vi.resetModules();
      const { sessionCookie } = await import("./server/session-token");
      names.add(sessionCookie.name);
    }
    if (saved === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved;
    expect([...names].sort()).toEqual([...SESSION_COOKIES].sort());
  });
});

describe("the plain-HTML pages", () => {
  /** Where a request ends up: the React page a rewrite sends it to, or null for the plain route. */
  const reactPageFor = async () => {
    const configFile = "./next.config.js";
    const nextConfig = ((await import(/* @vite-ignore */ configFile)) as { default: NextConfig }).default;
    const rules = await nextConfig.rewrites!();
    const list = Array.isArray(rules) ? rules : (rules.beforeFiles ?? []);
    const patterns: Record<string, RegExp> = { "/": /^\/$/, "/procedures/:code": /^\/procedures\/[^/]+$/, "/track/:code": /^\/track\/[^/]+$/ };
    return (req: Req) => {
      const rule = list.find((r) => patterns[r.source]?.test(req.path) && matchHas(incoming(req) as never, req.query ?? {}, r.has, r.missing) !== false);
      return rule ? rule.destination.replace(":code", req.path.split("/")[2] ?? "") : null;
    };
  };

  it.each<{ name: string; req: Req; react: string | null }>([
    { name: "a signed-out visitor's tracking", req: { method: "GET", path: "/track/A" }, react: null },
    { name: "a visitor with a language chosen", req: { method: "GET", path: "/track/A", cookies: { locale: "en" } }, react: null },
    { name: "the owner (session)", req: { method: "GET", path: "/track/A", cookies: { "next-auth.session-token": "x" } }, react: "/track/A/detail" },
    { name: "the owner over https", req: { method: "GET", path: "/track/A", cookies: { "__Secure-next-auth.session-token": "x" } }, react: "/track/A/detail" },
    { name: "a grant holder (ID number given)", req: { method: "GET", path: "/track/A", cookies: { track_grant: "g" } }, react: "/track/A/detail" },
    { name: "a kiosk's tracking", req: { method: "GET", path: "/track/A", cookies: { kiosk: "1" } }, react: "/track/A/detail" },
    { name: "an error redirect", req: { method: "GET", path: "/track/A", query: { error: "idMismatch" } }, react: "/track/A/detail" },
    { name: "after rating", req: { method: "GET", path: "/track/A", query: { rated: "1" } }, react: "/track/A/detail" },
    { name: "a rating error", req: { method: "GET", path: "/track/A", query: { rateError: "missingScores" } }, react: "/track/A/detail" },
    { name: "the client router's RSC request", req: { method: "GET", path: "/track/A", headers: { rsc: "1" } }, react: "/track/A/detail" },
    { name: "a Server Action post", req: { method: "POST", path: "/track/A", headers: { "next-action": "abc" } }, react: "/track/A/detail" },
    { name: "a signed-out home page", req: { method: "GET", path: "/" }, react: null },
    { name: "a signed-in home page", req: { method: "GET", path: "/", cookies: { "next-auth.session-token": "x" } }, react: "/home" },
    { name: "the home page on a kiosk", req: { method: "GET", path: "/", cookies: { kiosk: "1" } }, react: "/home" },
    { name: "the client router going home", req: { method: "GET", path: "/", headers: { rsc: "1" } }, react: "/home" },
    { name: "a signed-out procedure page", req: { method: "GET", path: "/procedures/1.004473" }, react: null },
    { name: "a procedure page with a grant cookie (not its business)", req: { method: "GET", path: "/procedures/1.004473", cookies: { track_grant: "g" } }, react: null },
    { name: "a signed-in procedure page", req: { method: "GET", path: "/procedures/1.004473", cookies: { "next-auth.session-token": "x" } }, react: "/procedures/1.004473/detail" },
    { name: "the client router to a procedure", req: { method: "GET", path: "/procedures/1.004473", headers: { rsc: "1" } }, react: "/procedures/1.004473/detail" },
  ])("$name → $react", async ({ req, react }) => {
    expect((await reactPageFor())(req)).toBe(react);
  });
});
