import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedStorage } from "../../app/server/embedded-storage";
import { emptyTemplate, testEngine, TMP } from "./databases";

/**
 * Once per run: a migrated template database that each test file copies (SQLite, or PostgreSQL
 * under `npm run test:postgres`), a fresh app build for the HTTP tests, and one real
 * S3-compatible server (s3rver checks signatures).
 */
export { TMP };
export const TEST_BUCKET = "mosaic-test";
export const TEST_APP_URL = "http://localhost:3000";

export default async function setup(project: TestProject) {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const root = path.resolve(import.meta.dirname, "../..");
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  execFileSync(bin("prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: await emptyTemplate() },
    stdio: "pipe",
  });
  // the app build for the HTTP tests, and the compiled server that the instances test starts
  // a production build, as `npm run build` makes it (this process's NODE_ENV is "test")
  execFileSync("npm", ["run", "build", "--silent"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });

  const storage = await startEmbeddedStorage({
    directory: path.join(TMP, "s3"),
    bucket: TEST_BUCKET,
    origins: [TEST_APP_URL],
  });
  console.log(`Integration tests on ${testEngine()}`);
  project.provide("s3Endpoint", storage.endpoint);
  return async () => {
    await storage.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
    /** another storage service's keys (the storage contract suite's); s3rver's otherwise */
    s3Credentials?: { accessKeyId: string; secretAccessKey: string };
  }
}
