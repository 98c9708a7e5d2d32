// @ts-check
/**
 * Next.js configuration. ESM because package.json has "type": "module".
 * Build with webpack (`next build --webpack`): the service worker plugin needs the webpack hook below.
 */

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InjectManifest } from "workbox-webpack-plugin";

const isDev = process.env.NODE_ENV !== "production";
const projectDir = dirname(fileURLToPath(import.meta.url));

/**
 * Content-Security-Policy without nonces. Next's App Router streams inline <script> tags
 * (self.__next_f.push) into every page; a nonce would force every page to render per request
 * and cannot survive the service worker's cached shell, so inline scripts are allowed and the
 * rest is locked down: only this origin for scripts, connections, frames, forms and workers, no
 * plugins, no framing by other sites, no <base> hijack. Dev adds what the dev server needs
 * (eval for React's debug tooling, websockets for HMR).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors above is the standard; X-Frame-Options covers older browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // The officer app may scan paper documents with the camera; nothing needs the rest.
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=()" },
];

/**
 * HSTS only on responses that went out over https: the app itself speaks http behind a TLS-terminating
 * reverse proxy, which says so in X-Forwarded-Proto. Sent over plain http (localhost, e2e) it would be
 * ignored at best and pin a development host to https at worst.
 */
const hstsHeader = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // NEXT_DIST_DIR lets two builds share one work tree (e.g. e2e runs beside a dev server).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Types are checked once, by `npm run typecheck` (a suite of `npm test`, so CI fails on them);
  // the build skips its own pass over the whole project (seeds, scripts, tests) to stay fast.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time instead of bundled: PGlite resolves its WASM and data files by URL,
  // the Prisma runtime and pg driver carry native/WASM pieces webpack must not rewrite, and pg-boss
  // (enqueueing in commands) imports its package.json with import attributes and optional peers.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "pg-boss",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/client-runtime-utils",
  ],
  /**
   * The signed-out citizen's busiest pages are plain-HTML route handlers (app/_plain-html): the home
   * page, a procedure's page and a dossier's public tracking, without the client runtime. Requests
   * that need the React page go to it instead, at the same address: a session (the header shows the
   * person; the owner sees the full tracking view), a kiosk (its idle reset is a client component),
   * the client router's own RSC and Server Action requests, and for tracking a grant for the full
   * view and the error and rating redirects. One rule per condition (a rule's `has` must all hold);
   * proxy.test.ts checks them.
   */
  async rewrites() {
    /** @type {import("next/dist/lib/load-custom-routes").RouteHas[]} */
    const needsReactPage = [
      { type: "cookie", key: "next-auth.session-token" },
      { type: "cookie", key: "__Secure-next-auth.session-token" },
      { type: "cookie", key: "kiosk" },
      { type: "header", key: "rsc" },
      { type: "header", key: "next-action" },
    ];
    /** @type {import("next/dist/lib/load-custom-routes").RouteHas[]} */
    const trackingNeedsReactPage = [
      ...needsReactPage,
      { type: "cookie", key: "track_grant" },
      { type: "query", key: "error" },
      { type: "query", key: "rated" },
      { type: "query", key: "rateError" },
    ];
    const toReactPage = (/** @type {string} */ source, /** @type {string} */ destination, /** @type {typeof needsReactPage} */ conditions) =>
      conditions.map((condition) => ({ source, has: [condition], destination }));
    return {
      beforeFiles: [
        ...toReactPage("/", "/home", needsReactPage),
        ...toReactPage("/procedures/:code", "/procedures/:code/detail", needsReactPage),
        ...toReactPage("/track/:code", "/track/:code/detail", trackingNeedsReactPage),
      ],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The service worker must never be stale in an HTTP cache: browsers check it for updates.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }, { key: "Service-Worker-Allowed", value: "/" }] },
      { source: "/manifest.webmanifest", headers: [{ key: "Content-Type", value: "application/manifest+json; charset=utf-8" }, { key: "Cache-Control", value: "no-cache" }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [hstsHeader] },
    ];
  },

  // ─── webpack ───────────────────────────────────────────────────────────────
  // Kept separate on purpose: the service worker build (workbox InjectManifest in the client,
  // non-dev compilation) is added here by its own change. Return the config unchanged otherwise.
  /**
   * @param {import("webpack").Configuration} config
   * @param {{ isServer: boolean, dev: boolean }} context
   */
  webpack(config, { isServer, dev, buildId }) {
    // The officer workspace's service worker: client compilation of a production build only (the
    // dev server rebuilds too often for a precache to make sense). `next build` without --webpack
    // (Turbopack) never runs this hook and so produces no worker: e2e checks that /sw.js is served.
    if (!isServer && !dev) {
      config.plugins.push(
        new InjectManifest({
          swSrc: join(projectDir, "app/_sw/sw.ts"),
          // Into this build's own directory (app/sw.js/route.ts serves it as /sw.js): builds in other
          // dist dirs of the same work tree then never overwrite each other's worker.
          swDest: "static/sw.js",
          // Client assets are named static/…; served under /_next/static/… (webpack's publicPath
          // is prefixed by the plugin, so the rewrite below only applies where it is not).
          modifyURLPrefix: { "static/": "/_next/static/" },
          // Hashed file names: the URL is the version.
          dontCacheBustURLsMatching: /\/_next\/static\//,
          // Only what the browser loads: not the server manifests this compilation also emits (server/…).
          exclude: [/^server\//, /^\.\.\//, /\.map$/, /^build-manifest\.json$/, /react-loadable-manifest/, /\.nft\.json$/, /_buildManifest\.js$/, /_ssgManifest\.js$/],
          maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
          // Pages served offline, versioned by the build.
          additionalManifestEntries: [
            { url: "/officer-shell", revision: buildId },
            { url: "/manifest.webmanifest", revision: buildId },
            { url: "/icons/icon-192.png", revision: buildId },
            { url: "/icons/icon-512.png", revision: buildId },
            { url: "/icons/icon-maskable-512.png", revision: buildId },
          ],
        }),
      );
    }
    return config;
  },
};

export default nextConfig;
