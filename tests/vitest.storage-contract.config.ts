import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:storage-contract`: Mosaic's storage code against a real S3 implementation
 * (Ceph's radosgw, started by tests/support/test-storage-contract.sh). Its own scratch folder,
 * so it can run beside the default suite; no app build, only a migrated database.
 */
const root = path.resolve(import.meta.dirname, "..");
process.env.MOSAIC_TEST_TMP ??= path.join(root, "tests/.tmp/storage-contract");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    include: ["tests/contract/**/*.test.ts"],
    globalSetup: ["tests/support/storage-contract-setup.ts"],
    setupFiles: ["tests/support/setup-file.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globals: true,
  },
});
