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
      // Integration tests (*.int.test.ts) get their own project here.
    ],
  },
});
