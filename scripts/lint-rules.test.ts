// The import boundaries of eslint.config.js, each shown firing on a violation and silent on its
// allowed counterpart, through ESLint's own API on virtual files (nothing is written to disk).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Boundaries {
  PENDING_ADAPTER_MOVES: string[];
  PENDING_ADAPTERS_IN_MODULES: string[];
  PENDING_VOCABULARY_FILES: string[];
  PENDING_ROOT_PRISMA: string[];
  PENDING_OFFLINE_UI: string[];
  BOUNDARY_MESSAGES: Record<"noDb" | "root" | "pure" | "data" | "appModules" | "appServer" | "noApp" | "offline" | "isomorphic", string>;
}

let eslint: ESLint;
let boundaries: Boundaries;

beforeAll(async () => {
  // Not a literal specifier: the config is plain JavaScript (allowJs is off), read as untyped.
  const configUrl = pathToFileURL(join(ROOT, "eslint.config.js")).href;
  boundaries = (await import(configUrl)) as Boundaries;
  // One instance for every case; only the rule under test runs.
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports" });
}, 30_000);

/** The no-restricted-imports messages for `code` linted as if it were `file`. */
async function restrictions(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

type Message = keyof Boundaries["BOUNDARY_MESSAGES"];
/** [file, code, the message it must report (or null: silent)] */
type Case = [file: string, code: string, fires: Message | null];

const cases: Record<string, Case[]> = {
  "app/ imports from server/modules only schema.ts and pure isomorphic files": [
    ["app/x/page.tsx", `import { getDossier } from "~/server/modules/dossier/queries";`, "appModules"],
    ["app/x/page.tsx", `import { act } from "../../server/modules/dossier/commands/act";`, "appModules"],
    ["app/x/route.ts", `import { TRACK_GRANT_COOKIE } from "~/server/modules/tracking/grant";`, "appModules"],
    ["app/x/page.tsx", `import type { TProcedureDetail } from "~/server/modules/procedure/catalogue";`, "appModules"],
    ["app/x/y.test.ts", `import { getDossier } from "~/server/modules/dossier/queries";`, "appModules"],
    ["app/x/page.tsx", `import { ZDossierInput } from "~/server/modules/dossier/schema";`, null],
    ["app/x/page.tsx", `import { parseFormSchema } from "~/server/modules/eform/format";`, null],
    ["app/_offline/x.ts", `import { can } from "~/server/modules/dossier/workflow";`, null],
    ["app/x/page.tsx", `import { checkProcedureContent } from "~/server/modules/admin/content";`, null],
  ],
  "app/ imports from server/ only the entry points it is meant to use": [
    ["app/x/page.tsx", `import { createTestDb } from "~/server/test/db";`, "appServer"],
    ["app/x/page.tsx", `import { protectedProcedure } from "~/server/api/trpc";`, "appServer"],
    [
      "app/x/route.ts",
      [
        `import { api } from "~/server/api/caller";`,
        `import type { RouterOutputs } from "~/server/api/root";`,
        `import { getServerAuthSession } from "~/server/auth";`,
        `import { getT } from "~/server/i18n";`,
        `import { fieldProblemMessage } from "~/server/i18n/core";`,
        `import { AppError } from "~/server/errors";`,
        `import { parseInput } from "~/server/validation";`,
        `import { errorResponse } from "~/server/http/respond";`,
      ].join("\n"),
      null,
    ],
  ],
  "app/ never reaches the database": [
    ["app/x/page.tsx", `import { getDb } from "~/server/db";`, "noDb"],
    ["app/x/page.tsx", `import { Role } from "~/server/db/generated/enums";`, "noDb"],
    ["app/x/page.tsx", `import { PrismaClient } from "@prisma/client";`, "noDb"],
  ],
  "the Prisma client in module data files (queries, commands, jobs, policy) and server/db": [
    ["server/modules/dossier/queries.ts", `import { Prisma, sqlRows, type Db } from "../../db";`, null],
    ["server/modules/dossier/queries/worklist.ts", `import type { DbTx } from "../../../db";`, null],
    ["server/modules/dossier/commands/act.ts", `import { Prisma } from "../../../db/generated/client";`, null],
    ["server/modules/dossier/jobs/notify.ts", `import { PrismaClient } from "@prisma/client";`, null],
    ["server/modules/dossier/policy.ts", `import type { Db, Role } from "../../db";`, null],
    ["server/db/client.ts", `import { PrismaPg } from "@prisma/adapter-pg";`, null],
    ["server/modules/dossier/queries.ts", `import { getDb } from "../../db";`, "data"],
    ["server/modules/dossier/commands/act.ts", `import { createDb } from "../../../db/client";`, "data"],
  ],
  "pure module files take only types (not Db/DbTx) and the generated enums from server/db": [
    ["server/modules/dossier/schema.ts", `import { DossierStatus } from "../../db/generated/enums";`, null],
    ["server/modules/dossier/workflow.ts", `import { Role, type Prisma } from "../../db";`, null],
    ["server/modules/dossier/schema.ts", `import { Prisma } from "../../db";`, "pure"],
    ["server/modules/dossier/deadline.ts", `import type { Db } from "../../db";`, "pure"],
    ["server/modules/dossier/deadline.ts", `import { type DbTx } from "../../db";`, "pure"],
    ["server/modules/dossier/deadline.ts", `import { sqlRows } from "../../db";`, "pure"],
    ["server/modules/dossier/deadline.ts", `import { PrismaClient } from "@prisma/client";`, "pure"],
    ["server/modules/dossier/deadline.ts", `import type { PrismaClient } from "../../db/generated/client";`, "pure"],
    ["server/errors.ts", `import { getDb } from "./db";`, "pure"],
  ],
  "composition roots choose the db (getDb/createDb, Db/DbTx, enums) but never touch the client": [
    ["server/http/x.ts", `import { getDb, Role, type Db, type Prisma } from "../db";\nimport { checkDatabase } from "../db/health";`, null],
    ["server/api/routers/x.ts", `import { getDb } from "../../db";\nimport { DossierStatus } from "../../db/generated/enums";`, null],
    ["server/auth.ts", `import { getDb } from "./db";`, null],
    ["server/jobs/x.ts", `import { getDb } from "../db";`, null],
    ["scripts/x.ts", `import { createDb, type DbTx } from "../server/db";`, null],
    ["prisma/seed/x.ts", `import { createDb } from "../../server/db";`, null],
    ["bench/x.ts", `import { createDb } from "../server/db";`, null],
    ["e2e/fixtures/x.ts", `import { createDb } from "../../server/db";`, null],
    ["server/modules/dossier/x.int.test.ts", `import { createDb } from "../../db";`, null],
    ["server/http/x.ts", `import { Prisma } from "../db";`, "root"],
    ["server/api/routers/x.ts", `import { sqlRows } from "../../db";`, "root"],
    ["server/http/x.ts", `import { PrismaPg } from "@prisma/adapter-pg";`, "root"],
    ["server/jobs/x.ts", `import { PrismaClient } from "../db/generated/client";`, "root"],
    ["scripts/x.ts", `import { PrismaClient } from "@prisma/client";`, "root"],
    ["bench/x.ts", `import { Prisma } from "../server/db";`, "root"],
    ["server/modules/dossier/commands/act.int.test.ts", `import { Prisma } from "../../../db";`, "root"],
  ],
  "files that are none of these never reach the database": [
    ["lib/x.ts", `import { getDb } from "../server/db";`, "noDb"],
    ["next.config.js", `import { PrismaClient } from "@prisma/client";`, "noDb"],
  ],
  "schema.ts and the pure files app/ imports are isomorphic": [
    ["server/modules/dossier/schema.ts", `import { createHash } from "node:crypto";`, "isomorphic"],
    ["server/modules/eform/format.ts", `import { readFileSync } from "fs";`, "isomorphic"],
    ["server/modules/dossier/workflow.ts", `import "server-only";`, "isomorphic"],
    ["server/modules/tracking/grant.ts", `import { createHmac } from "node:crypto";`, null],
  ],
  "nothing in server/ imports app/": [
    ["server/api/routers/x.ts", `import { x } from "~/app/officer/_lib/format";`, "noApp"],
    ["server/modules/dossier/queries.ts", `import { x } from "../../../app/_offline/store";`, "noApp"],
    ["server/db/x.ts", `import { x } from "~/app/x";`, "noApp"],
    ["server/modules/dossier/workflow.ts", `import { x } from "~/app/x";`, "noApp"],
    ["server/modules/files/service.ts", `import { x } from "~/app/x";`, "noApp"],
    ["server/api/routers/x.ts", `import { x } from "../../modules/dossier/queries";`, null],
  ],
  "app/_offline does not import app/officer": [
    ["app/_offline/x.ts", `import { formatDateTime } from "~/app/officer/_lib/format";`, "offline"],
    ["app/_offline/x.tsx", `import { Notice } from "../officer/_components/badges";`, "offline"],
    ["app/_offline/x.test.ts", `import { x } from "~/app/officer/x";`, "offline"],
    ["app/_offline/x.tsx", `import { Button } from "~/app/_components/ui/button";`, null],
    // Once exempt (PENDING_OFFLINE_UI, emptied when the offline screens moved to app/officer).
    ["app/_offline/offline-views.tsx", `import { ActionPanel } from "~/app/officer/dossiers/[id]/action-panel";`, "offline"],
    ["app/_offline/offline-views.tsx", `import { x } from "~/server/modules/dossier/queries";`, "appModules"],
    ["app/officer/x.tsx", `import { Notice } from "~/app/officer/_components/badges";\nimport { outbox } from "~/app/_offline/outbox";`, null],
  ],
  "an exemption lifts only its own rule": [
    ["app/api/uploads/route.ts", `import { uploadFromRequest } from "~/server/modules/files/service";`, null],
    ["app/api/uploads/route.ts", `import { getDb } from "~/server/db";`, "noDb"],
    ["app/(public)/procedures/[code]/submit/save/route.ts", `import { x } from "~/server/modules/submission/form-post";`, null],
    ["server/modules/files/service.ts", `import { getDb } from "../../db";`, null],
    ["server/modules/admin/agencies.ts", `import { Prisma, type Db } from "../../db";`, null],
    ["server/modules/admin/agencies.ts", `import { getDb } from "../../db";`, "data"],
    ["bench/worklist.bench.ts", `import { Prisma } from "../server/db";`, null],
    ["bench/worklist.bench.ts", `import { PrismaClient } from "@prisma/client";`, "root"],
    ["scripts/prisma-schema-engine.mjs", `import { PrismaPg } from "@prisma/adapter-pg";`, null],
  ],
};

describe.each(Object.entries(cases))("%s", (_rule, table) => {
  it.each(table)("%s: %s", async (file, code, fires) => {
    const messages = await restrictions(file, code);
    if (fires === null) {
      expect(messages).toEqual([]);
    } else {
      expect(messages.length, `expected a report for ${file}`).toBeGreaterThan(0);
      const expected = boundaries.BOUNDARY_MESSAGES[fires];
      for (const message of messages) expect(message).toContain(expected);
    }
  });
});

/** Only a file's import and export-from declarations (what the rule reads): a real file is linted in milliseconds. */
function importsOf(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return source.statements
    .filter((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || (ts.isExportDeclaration(s) && s.moduleSpecifier))
    .map((s) => s.getText(source))
    .join("\n");
}

describe("the exemption arrays", () => {
  /** Each list, with the virtual sibling its file is linted as without the exemption, and the report expected there. */
  const lists: [keyof Boundaries, (file: string) => string, Message][] = [
    ["PENDING_ADAPTER_MOVES", (file) => join(dirname(file), "__unexempted__.tsx"), "appModules"],
    ["PENDING_OFFLINE_UI", (file) => join(dirname(file), "__unexempted__.tsx"), "offline"],
    ["PENDING_VOCABULARY_FILES", (file) => join(dirname(file), "__unexempted__.ts"), "pure"],
    // Held to the data-file rule (db as an argument), they would still be refused.
    ["PENDING_ADAPTERS_IN_MODULES", (file) => join(dirname(file), "queries", "__unexempted__.ts"), "data"],
    ["PENDING_ROOT_PRISMA", (file) => join(dirname(file), "__unexempted__.ts"), "root"],
  ];

  it.each(lists)("%s names existing files that still need it (remove an entry once its file obeys)", async (list, unexempted, expected) => {
    const files = boundaries[list] as string[];
    const stale: string[] = [];
    for (const file of files) {
      if (!existsSync(join(ROOT, file))) {
        stale.push(`${file} (no such file)`);
        continue;
      }
      const messages = await restrictions(unexempted(file), importsOf(file));
      if (!messages.some((m) => m.includes(boundaries.BOUNDARY_MESSAGES[expected]))) stale.push(file);
    }
    expect(stale, `${list} in eslint.config.js lists files that no longer need the exemption`).toEqual([]);
  });
});
