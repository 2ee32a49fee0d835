import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./chromium";

/**
 * Browser tests drive Debian's Chromium (Playwright's own browser download cannot run here).
 * global-setup.ts builds Mosaic and starts it on a free port with its embedded services.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Bounds, not waits: a test ends as soon as what it waits for shows. They are wide so that a
  // 2-core machine kept busy by other work still passes (at 60 s and expect's default 5 s, half
  // the tests timed out with two other processes using both cores).
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  outputDir: "../.tmp/e2e-results",
  use: {
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
