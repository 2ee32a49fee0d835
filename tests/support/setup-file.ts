import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";
import { startResendStandIn } from "../../app/server/resend-standin";
import { EMBEDDED_S3_CREDENTIALS } from "../../app/server/embedded-storage";
import { TEMPLATE_DB, TMP, TEST_BUCKET } from "./global-setup";

/**
 * Per test file: its own SQLite database (a copy of the migrated template), the run's storage
 * server, and its own Resend stand-in that the real SDK talks to. A test that logs through
 * console.error fails.
 */
const dbFile = path.join(TMP, `db-${randomUUID()}.db`);
copyFileSync(TEMPLATE_DB, dbFile);

const mailbox = await startResendStandIn();
Object.assign(process.env, {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3000",
  DATABASE_URL: `file:${dbFile}`,
  SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
  S3_ENDPOINT: inject("s3Endpoint"),
  S3_BUCKET: TEST_BUCKET,
  S3_ACCESS_KEY_ID: EMBEDDED_S3_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: mailbox.url,
  JOBS_ENABLED: "false",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
});
(globalThis as { __testMailbox?: typeof mailbox }).__testMailbox = mailbox;

let consoleError: { mock: { calls: unknown[][] }; mockRestore: () => void };
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(async () => {
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  const { setNow } = await import("../../app/services/clock.server");
  setNow(undefined);
  if (calls.length > 0) throw new Error(`console.error was called: ${calls.map((c) => c.join(" ")).join("\n")}`);
});
afterAll(async () => {
  await mailbox.close();
});
