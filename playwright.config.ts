import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eBaseUrl } from "./e2e/support/env";

// Debian's chromium: Playwright cannot download its own browsers on these machines.
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  throw new Error(
    `Chromium not found: install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH (looked for ${executablePath})`,
  );
}

const launchOptions = {
  executablePath,
  // Without the networking flags Chromium keeps dialling Google services and is refused here.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  // One app server and one database are shared: tests make their own data, so files may run in parallel.
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: e2eBaseUrl,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "chromium-desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // Citizens mostly come on phones: public pages run on a phone profile too; the officer workspace does not.
      name: "chromium-phone",
      testMatch: "public/**/*.spec.ts",
      use: { ...devices["Pixel 7"], launchOptions },
    },
  ],
});
