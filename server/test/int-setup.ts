// Global setup of the "integration" Vitest project: one fresh, migrated database per run,
// dropped at the end. DATABASE_URL names a PostgreSQL *server* (any database on it that we may
// connect to); without it a throwaway embedded database is started.
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's integration database. */
    databaseUrl: string;
    /** True on the embedded database: it runs one query at a time and refuses extra connections. */
    databaseEmbedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL || undefined;
  const database = await createTestDatabase({
    prefix: "motcua_it_",
    serverUrl,
    log: (line) => console.log(`[int-setup] ${line}`),
  });
  project.provide("databaseUrl", database.url);
  project.provide("databaseEmbedded", database.embedded);
  return async () => {
    await database.drop();
  };
}
