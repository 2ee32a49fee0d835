import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";
import { startResendStandIn } from "../../app/server/resend-standin";
import { EMBEDDED_S3_CREDENTIALS } from "../../app/server/embedded-storage";
import { freshDatabase } from "./databases";
import { TEST_APP_URL, TEST_BUCKET } from "./global-setup";

/**
 * Per test file: its own database (a copy of the migrated template), the run's storage
 * server (s3rver, or radosgw in the storage contract suite), and its own Resend stand-in that the real SDK talks to. A test that logs through
 * console.error fails.
 */
const databaseUrl = await freshDatabase("file");

const mailbox = await startResendStandIn();
const s3Credentials = inject("s3Credentials") ?? EMBEDDED_S3_CREDENTIALS;
Object.assign(process.env, {
  NODE_ENV: "test",
  APP_URL: TEST_APP_URL,
  DATABASE_URL: databaseUrl,
  SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
  S3_ENDPOINT: inject("s3Endpoint"),
  S3_BUCKET: TEST_BUCKET,
  S3_ACCESS_KEY_ID: s3Credentials.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3Credentials.secretAccessKey,
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: mailbox.url,
  JOBS_ENABLED: "false",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
});
(globalThis as { __testMailbox?: typeof mailbox }).__testMailbox = mailbox;

// node-postgres warns when one connection gets a second query before the first answered: two
// queries at once inside an interactive transaction, which pg 9 will refuse. Fail the test.
const overlapping: string[] = [];
process.on("warning", (warning) => {
  if (/already executing a query/.test(warning.message)) overlapping.push(warning.stack ?? warning.message);
});

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
  if (overlapping.length > 0) {
    throw new Error(`concurrent queries inside one transaction:\n${overlapping.splice(0).join("\n")}`);
  }
});
afterAll(async () => {
  await mailbox.close();
});
