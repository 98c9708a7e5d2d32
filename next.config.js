// @ts-check
/**
 * Next.js configuration. ESM because package.json has "type": "module".
 * Build with webpack (`next build --webpack`): the service worker plugin needs the webpack hook below.
 */

const isDev = process.env.NODE_ENV !== "production";

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
  // and the Prisma runtime and pg driver carry native/WASM pieces webpack must not rewrite.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/client-runtime-utils",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
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
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  webpack(config, { isServer, dev }) {
    return config;
  },
};

export default nextConfig;
