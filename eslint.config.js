// ESLint flat config. eslint-config-next 16 ships flat configs (arrays) as its exports.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// ---------------------------------------------------------------------------------------------
// Boundaries (ARCHITECTURE.md, "Layers and boundaries"); scripts/lint-rules.test.ts shows each one
// firing. Every file gets exactly ONE no-restricted-imports setting (a later config entry
// replaces, not merges, a rule's options), so each entry below lists the whole set for its files.
// ---------------------------------------------------------------------------------------------

// Exemptions for today's code. Each PENDING_* array is to be emptied as the moves of issue 10 land:
// a file leaves its array in the commit that makes it obey the rule (scripts/lint-rules.test.ts
// fails while an entry names a missing file or one that no longer needs it). Nothing new goes in.

/**
 * app/ files that still import a server/modules file that is neither a schema.ts nor a pure
 * isomorphic file (an HTTP adapter, a data function, a type kept beside one, or tracking/grant's
 * node:crypto signing). They are to go through server/http, the tRPC caller or a schema.ts.
 */
export const PENDING_ADAPTER_MOVES = [
  "app/(public)/_portal/format.ts", // procedure/catalogue (type TFeeRule)
  "app/(public)/dossiers/[code]/receipt/route.ts", // submission/confirmation
  "app/(public)/dossiers/[code]/submitted/page.tsx", // submission/confirmation
  "app/(public)/me/dossiers/[code]/page.tsx", // account/supplement-form
  "app/(public)/me/dossiers/[code]/supplement/route.ts", // account/supplement-form, files/body, files/service
  "app/(public)/procedures/[code]/procedure-view.tsx", // procedure/catalogue (type TProcedureDetail)
  "app/(public)/procedures/[code]/submit/page.tsx", // files/service, submission/page-data
  "app/(public)/procedures/[code]/submit/save/route.ts", // files/body, files/service, submission/form-post
  "app/(public)/track/[code]/route.tsx", // tracking/lookup, tracking/rate-limit
  "app/(public)/track/actions.ts", // tracking/grant
  "app/(public)/track/lookup.ts", // tracking/grant
  "app/api/files/[id]/route.ts", // files/service
  "app/api/track-lookup/route.ts", // tracking/grant
  "app/api/uploads/route.ts", // files/service
  "app/kiosk/actions.ts", // tracking/grant
  "app/officer/dossiers/[id]/forms/[form]/route.ts", // standard-forms/dossier-forms
  "app/officer/dossiers/[id]/page.tsx", // standard-forms/dossier-forms
  "app/officer/reports/tracking-book/route.ts", // standard-forms/dossier-forms
];

/**
 * server/modules files that are HTTP adapters and choose the database themselves (getDb): they move
 * to server/http, their data parts to queries/commands taking the db.
 */
export const PENDING_ADAPTERS_IN_MODULES = [
  "server/modules/account/supplement-form.ts",
  "server/modules/files/service.ts",
  "server/modules/standard-forms/dossier-forms.ts",
  "server/modules/submission/confirmation.ts",
  "server/modules/submission/form-post.ts",
  "server/modules/submission/page-data.ts",
  "server/modules/tracking/lookup.ts",
];

/**
 * server/modules files that take the Prisma client (Db/DbTx, Prisma, sqlRows) without a data-file
 * name of the vocabulary (queries.ts, queries/<noun>.ts, commands/<verb-noun>.ts, jobs/<name>.ts,
 * policy.ts): they are to be renamed into it. Until then they are held to the data-file rule.
 */
export const PENDING_VOCABULARY_FILES = [
  "server/modules/account/profile.ts",
  "server/modules/account/register.ts",
  "server/modules/admin/agencies.ts",
  "server/modules/admin/audit.ts",
  "server/modules/admin/holidays.ts",
  "server/modules/admin/procedures.ts",
  "server/modules/admin/users.ts",
  "server/modules/auth/session.ts",
  "server/modules/auth/sign-in.ts",
  "server/modules/auth/sso.ts",
  "server/modules/dossier/code-allocation.ts",
  "server/modules/dossier/create-dossier.ts",
  "server/modules/dossier/detail.ts",
  "server/modules/dossier/reservations.ts",
  "server/modules/dossier/worklist.ts",
  "server/modules/files/attachments.ts",
  "server/modules/procedure/catalogue.ts",
  "server/modules/procedure/sectors.ts",
  "server/modules/rating/rating.ts",
  "server/modules/submission/drafts.ts",
  "server/modules/submission/submit.ts",
  "server/modules/tracking/rate-limit.ts",
];

/** Composition roots that still use a Prisma-client export of server/db (Prisma.sql for EXPLAIN). */
export const PENDING_ROOT_PRISMA = ["bench/worklist.bench.ts"];

/** app/_offline files that still import app/officer (app/_offline becomes a UI-free library). */
export const PENDING_OFFLINE_UI = [];

/**
 * Not pending: the schema-engine bridge speaks to the database through Prisma's driver adapter
 * itself (it is Prisma tooling, not application code).
 */
const PRISMA_TOOLING = ["scripts/prisma-schema-engine.mjs"];

// ---------------------------------------------------------------------------------------------
// The files, by role.
// ---------------------------------------------------------------------------------------------

/** Module data files: the only module files that touch the Prisma client. */
const MODULE_DATA_FILES = [
  "server/modules/*/queries.ts",
  "server/modules/*/queries/**",
  "server/modules/*/commands/**",
  "server/modules/*/jobs/**",
  "server/modules/*/policy.ts",
];

/** Composition roots: they choose the database (getDb/createDb) and call module functions. */
const SERVER_ROOTS = ["server/http/**", "server/api/**", "server/auth.ts", "server/jobs/**", "server/test/**", "server/**/*.test.ts"];
const OUTER_ROOTS = ["scripts/**", "prisma/**", "bench/**", "e2e/**", "prisma.config.ts", "**/*.test.ts"];

/**
 * server/modules files app/ may import besides schema.ts: pure, isomorphic rules (no database, no
 * Node built-in, no `server-only`) that the browser runs too. Paths without the extension.
 * tracking/grant.ts is not one: it signs with node:crypto (server-only).
 */
const PURE_ISOMORPHIC = [
  "admin/content",
  "calendar/working-time",
  "dossier/acting-roles",
  "dossier/dossier-code",
  "dossier/status",
  "dossier/workflow",
  "eform/form-data",
  "eform/format",
  "eform/provinces",
  "eform/validator",
  "files/sniff",
];
/** The same files on disk, plus every schema.ts: held to the isomorphic rule below. */
const ISOMORPHIC_FILES = ["server/modules/*/schema.ts", ...PURE_ISOMORPHIC.map((p) => `server/modules/${p}.ts`)];

// ---------------------------------------------------------------------------------------------
// Import specifiers, however they are spelled: "~/server/…", "../server/…" from outside server/,
// "../…" or "./…" from inside it.
// ---------------------------------------------------------------------------------------------

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A regex source for an import of server/<rest>; `rest` is a regex source. */
const serverPath = (rest) => String.raw`^(?:~/server/|(?:\.\./)*server/|(?:\.\./)+|\./)(?:${rest})$`;

/** The generated enums (values and types), read from the schema so the list never drifts. */
const PRISMA_ENUMS = [...readFileSync(new URL("./prisma/schema.prisma", import.meta.url), "utf8").matchAll(/^enum\s+(\w+)/gm)].map((m) => m[1]);

const DB_INDEX = serverPath(String.raw`db(?:/index(?:\.ts)?)?`);
const PRISMA = String.raw`^@prisma/`;

const NO_DB_MESSAGE =
  "The database is reached through module functions that take a client (server/modules/<domain>/queries.ts, commands/*), called by the composition roots (server/http, server/api, server/jobs, scripts, seed, bench, tests); this file imports none of it.";
const ROOT_MESSAGE =
  "A composition root chooses the database (getDb/createDb from server/db, types Db/DbTx, the generated enums) and calls module functions; the Prisma client itself (@prisma/*, Prisma, sqlRows, server/db/generated) is for module data files (queries, commands, jobs, policy) and server/db.";
const PURE_MESSAGE =
  "A pure module file (schema.ts, rule files) imports only types (not Db/DbTx) and the generated enums from server/db; what takes the db is a data file: queries.ts, queries/<noun>.ts, commands/<verb-noun>.ts, jobs/<name>.ts or policy.ts.";
const DATA_MESSAGE =
  "Module functions take the db as their first argument: only composition roots (server/http, server/api, server/jobs, scripts, seed, bench, tests) call getDb/createDb.";
const APP_MODULES_MESSAGE = `app/ imports from server/modules only schema.ts and the pure isomorphic files (${PURE_ISOMORPHIC.join(", ")}); data goes through the tRPC caller (server/api/caller), HTTP adapters through server/http.`;
const APP_SERVER_MESSAGE =
  "app/ imports from server/ only modules/*/schema and pure files, api/caller, api/root, api/context, auth, i18n, errors, validation and http/*.";
const NO_APP_MESSAGE = "server/ must not depend on app/ (routes depend on the server, never the reverse).";
const OFFLINE_MESSAGE = "app/_offline is a UI-free library the officer workspace uses; it must not import app/officer.";
const ISOMORPHIC_MESSAGE =
  "schema.ts and the pure files app/ imports run in the browser too: no Node built-ins, no server-only (move server-only code to a data file or server/http).";

/** The messages, for scripts/lint-rules.test.ts. */
export const BOUNDARY_MESSAGES = {
  noDb: NO_DB_MESSAGE,
  root: ROOT_MESSAGE,
  pure: PURE_MESSAGE,
  data: DATA_MESSAGE,
  appModules: APP_MODULES_MESSAGE,
  appServer: APP_SERVER_MESSAGE,
  noApp: NO_APP_MESSAGE,
  offline: OFFLINE_MESSAGE,
  isomorphic: ISOMORPHIC_MESSAGE,
};

/** No database at all (app/ and files that are none of the roles above). */
const noDb = [
  { regex: PRISMA, message: NO_DB_MESSAGE },
  { regex: serverPath(String.raw`db(?:/.*)?`), message: NO_DB_MESSAGE },
];

/** Composition roots. */
const rootDb = [
  { regex: PRISMA, message: ROOT_MESSAGE },
  { regex: DB_INDEX, allowImportNames: ["getDb", "createDb", ...PRISMA_ENUMS], allowTypeImports: true, message: ROOT_MESSAGE },
  // server/db/health is server/db's own query (checkDatabase(db)), like a module's queries.ts.
  { regex: serverPath(String.raw`db/(?!(?:generated/enums|health|index)(?:\.ts)?$).*`), message: ROOT_MESSAGE },
];

/** Pure files in server/ (module files outside the data vocabulary; errors, i18n, validation). */
const pureDb = [
  { regex: PRISMA, message: PURE_MESSAGE },
  { regex: DB_INDEX, allowImportNames: PRISMA_ENUMS, allowTypeImports: true, message: PURE_MESSAGE },
  // Not even as types: a file that takes the client is a data file and is named like one.
  { regex: DB_INDEX, importNames: ["Db", "DbTx"], message: PURE_MESSAGE },
  { regex: serverPath(String.raw`db/(?!(?:generated/enums|index)(?:\.ts)?$).*`), message: PURE_MESSAGE },
];

/** Module data files: everything of the client, but the db is an argument, never chosen here. */
const dataDb = [
  { regex: DB_INDEX, importNames: ["getDb", "createDb"], message: DATA_MESSAGE },
  { regex: serverPath(String.raw`db/client(?:\.ts)?`), importNames: ["getDb", "createDb"], message: DATA_MESSAGE },
];

const noApp = [{ group: ["~/app", "~/app/*", "**/app/*"], message: NO_APP_MESSAGE }];

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith("_")).map(escape);
const isomorphic = [
  { regex: String.raw`^(?:node:.*|(?:${nodeBuiltins.join("|")})(?:/.*)?)$`, message: ISOMORPHIC_MESSAGE },
  { regex: "^server-only$", message: ISOMORPHIC_MESSAGE },
];

const APP_MODULE_ALLOWED = ["[^/]+/schema", ...PURE_ISOMORPHIC.map(escape)].join("|");
const appModules = [{ regex: String.raw`^(?:~/|(?:\.\./)+)server/modules/(?!(?:${APP_MODULE_ALLOWED})(?:\.tsx?)?$)`, message: APP_MODULES_MESSAGE }];
const appServer = [
  {
    // server/db has its own message (noDb); server/modules its own (appModules).
    regex: String.raw`^(?:~/|(?:\.\./)+)server(?:/(?!(?:db|modules|http)(?:/|$)|(?:api/caller|api/root|api/context|auth|errors|validation)(?:\.tsx?)?$|i18n(?:/|$)).*)?$`,
    message: APP_SERVER_MESSAGE,
  },
];
const offline = [{ regex: String.raw`^(?:~/app/|(?:\.\./)+(?:app/)?)officer(?:/.*)?$`, message: OFFLINE_MESSAGE }];

const ROOT = fileURLToPath(new URL(".", import.meta.url));
/** Exact paths (not globs: "[id]" and "(public)" are literal here). */
const exactly = (paths) => paths.map((file) => (absolute) => relative(ROOT, absolute).split(sep).join("/") === file);

const restrict = (...groups) => ({ "no-restricted-imports": ["error", { patterns: groups.flat() }] });

/** An app/ file's patterns; `adapterPending` lifts the server/modules allow-list, `offlinePending` the app/officer ban. */
function appRules(file, { adapterPending = false, offlinePending = false } = {}) {
  const inOffline = file.startsWith("app/_offline/");
  return restrict(noDb, appServer, adapterPending ? [] : appModules, inOffline && !offlinePending ? offline : []);
}

const pendingAdapter = new Set(PENDING_ADAPTER_MOVES);
const pendingOffline = new Set(PENDING_OFFLINE_UI);
const pendingApp = [...new Set([...PENDING_ADAPTER_MOVES, ...PENDING_OFFLINE_UI])];

const boundaries = [
  // Anything not named below: no database.
  { files: ["**/*.{ts,tsx,js,mjs}"], rules: restrict(noDb) },
  { files: OUTER_ROOTS, rules: restrict(rootDb) },
  { files: exactly(PENDING_ROOT_PRISMA), rules: restrict(rootDb.slice(0, 1)) },
  { files: exactly(PRISMA_TOOLING), rules: restrict() },
  // server/: never app/; pure unless a data file or a composition root.
  { files: ["server/**/*.{ts,tsx}"], rules: restrict(pureDb, noApp) },
  { files: ISOMORPHIC_FILES, rules: restrict(pureDb, noApp, isomorphic) },
  { files: [...MODULE_DATA_FILES, ...exactly(PENDING_VOCABULARY_FILES)], rules: restrict(dataDb, noApp) },
  { files: ["server/db/**", ...exactly(PENDING_ADAPTERS_IN_MODULES)], rules: restrict(noApp) },
  { files: SERVER_ROOTS, rules: restrict(rootDb, noApp) },
  // app/ (its tests too: they are app code).
  { files: ["app/**/*.{ts,tsx}"], rules: appRules("app/") },
  { files: ["app/_offline/**/*.{ts,tsx}"], rules: appRules("app/_offline/") },
  ...pendingApp.map((file) => ({
    files: exactly([file]),
    rules: appRules(file, { adapterPending: pendingAdapter.has(file), offlinePending: pendingOffline.has(file) }),
  })),
].filter((entry) => entry.files.length > 0); // an empty exemption array is no entry (ESLint refuses `files: []`)

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
  ...boundaries,
];

export default config;
