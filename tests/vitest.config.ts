import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-file.ts"],
    pool: "forks",
    // Bounds, not waits: a test ends when what it waits for happens. At 20 s, tests that upload
    // 18 MiB in parts timed out with other work keeping both cores busy.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    globals: true,
  },
});
