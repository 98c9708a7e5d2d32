// ESLint flat config. eslint-config-next 16 ships flat configs (arrays) as its exports.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const DB_MESSAGE =
  "The database is reached through domain functions (server/modules/<domain>) that take a client; only server/db, server/modules, the HTTP adapters (server/http), the composition roots (server/api/trpc.ts, server/api/context.ts, server/auth.ts), seeds, scripts and tests import it.";

/** Imports of the Prisma client, the generated code and the db module, however they are spelled ("**" also matches "~"). */
const dbImportPatterns = [
  { group: ["@prisma/*"], message: DB_MESSAGE },
  { group: ["**/server/db", "**/server/db/*", "**/server/db/**"], message: DB_MESSAGE },
  // Relative imports from inside server/ ("../db", "../../db/generated/...").
  { regex: "^(\\.\\./)+db(/.*)?$", message: DB_MESSAGE },
  { regex: "^\\./db(/.*)?$", message: DB_MESSAGE },
];

const appImportPatterns = [
  { group: ["~/app", "~/app/*", "**/app/*"], message: "server/ must not depend on app/ (routes depend on the server, never the reverse)." },
];

/** Files allowed to reach the database directly. */
const dbAllowed = [
  "server/db/**",
  "server/modules/**",
  "server/http/**",
  "server/api/trpc.ts",
  "server/api/context.ts",
  "server/auth.ts",
  "server/test/**",
  "prisma/**",
  "scripts/**",
  "bench/**",
  "e2e/**",
  "**/*.test.ts",
  "**/*.int.test.ts",
  "prisma.config.ts",
];

/** The subset of dbAllowed under server/: these may reach the database but still never import app/. */
const serverDbAllowed = dbAllowed.filter((p) => p.startsWith("server/") || p.startsWith("**/"));

const config = [
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "server/db/generated/**",
      "public/sw.js",
      "public/workbox-*.js",
      "next-env.d.ts",
      "playwright-report/**",
      "test-results/**",
      ".data/**",
      "storage/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["warn", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Not React: `useTestDb()` and Playwright's fixture `use()` are not hooks.
    files: ["server/**/*.ts", "e2e/**", "scripts/**", "prisma/**", "bench/**", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // Boundaries. A later entry replaces (does not merge) no-restricted-imports, so each file gets exactly one.
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: dbImportPatterns }] },
  },
  {
    files: ["server/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...dbImportPatterns, ...appImportPatterns] }] },
  },
  {
    files: serverDbAllowed,
    rules: { "no-restricted-imports": ["error", { patterns: appImportPatterns }] },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["server/**", "app/**", ...dbAllowed],
    rules: { "no-restricted-imports": ["error", { patterns: dbImportPatterns }] },
  },
];

export default config;
