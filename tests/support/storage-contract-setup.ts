import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from "@aws-sdk/client-s3";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { bucketCorsRule } from "../../app/services/storage.server";
import { emptyTemplate, TMP } from "./databases";
import { TEST_APP_URL, TEST_BUCKET } from "./global-setup";

/**
 * Once per storage contract run: a migrated template database, and the test bucket on the real
 * S3 service that CEPH_S3_* name (tests/support/ceph.sh prints them), made as an operator makes
 * it: created, with Mosaic's CORS rule for APP_URL. radosgw accepts the SDK's bucket-level calls,
 * so this goes through the SDK, not a server option as with s3rver.
 */
export default async function setup(project: TestProject) {
  const endpoint = process.env.CEPH_S3_ENDPOINT;
  const accessKeyId = process.env.CEPH_S3_ACCESS_KEY_ID;
  const secretAccessKey = process.env.CEPH_S3_SECRET_ACCESS_KEY;
  if (!endpoint || !accessKeyId || !secretAccessKey) {
    throw new Error(
      "The storage contract suite needs a real S3 service: run `npm run test:storage-contract`, which starts one, " +
        'or `eval "$(CEPH_ROOT=/tmp/mosaic-ceph bash tests/support/ceph.sh start)"` first',
    );
  }
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const root = path.resolve(import.meta.dirname, "../..");
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: await emptyTemplate() },
    stdio: "pipe",
  });

  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: TEST_BUCKET }));
  } catch (error) {
    // a cluster kept from an earlier run already has it
    if ((error as { name?: string }).name !== "BucketAlreadyOwnedByYou") throw error;
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: TEST_BUCKET,
      CORSConfiguration: { CORSRules: [bucketCorsRule([TEST_APP_URL])] },
    }),
  );
  client.destroy();

  project.provide("s3Endpoint", endpoint);
  project.provide("s3Credentials", { accessKeyId, secretAccessKey });
}
