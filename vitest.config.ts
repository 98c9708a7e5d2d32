import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run in a time zone that is not Vietnam's, so code that leans on the process TZ
// instead of the agency's time zone fails loudly (server/modules/calendar/tz-guard.test.ts).
const TEST_TZ = "America/New_York";

export default defineConfig({
  resolve: {
    alias: [{ find: /^~\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "e2e/**", "**/node_modules/**", ".next/**"],
          env: { TZ: TEST_TZ },
        },
      },
      {
        extends: true,
        test: {
          // *.int.test.ts on a real PostgreSQL: a fresh migrated motcua_it_* database per run
          // (server/test/int-setup.ts); DATABASE_URL names the server, else an embedded one.
          name: "integration",
          environment: "node",
          include: ["**/*.int.test.ts"],
          exclude: ["e2e/**", "**/node_modules/**", ".next/**"],
          env: { TZ: TEST_TZ },
          globalSetup: ["./server/test/int-setup.ts"],
          // The embedded database refuses connections past its limit: one file at a time there.
          fileParallelism: Boolean(process.env.DATABASE_URL),
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
