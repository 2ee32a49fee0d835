/**
 * Upload benchmark (`npm run bench`): a 200 MB file through Mosaic's own upload flow — presign,
 * parts, complete, verify — against the same file sent by a plain SDK multipart upload to the
 * same storage server, in one run. Prints both, and their ratio (goal: Mosaic ≥ 0.8 × plain).
 *
 * Everything runs on this machine: an embedded s3rver and a throwaway SQLite database.
 */
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { wav } from "../support/wav";

const SIZE = Number(process.env.BENCH_MB ?? 200) * 1024 * 1024;
const PARALLEL = 3;
const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "tests/.tmp/bench");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const { startEmbeddedStorage, EMBEDDED_S3_CREDENTIALS } = await import("../../app/server/embedded-storage");
const s3 = await startEmbeddedStorage({
  directory: path.join(dir, "s3"),
  bucket: "bench",
  origins: ["http://localhost:3000"],
});
Object.assign(process.env, {
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: "bench",
  S3_ACCESS_KEY_ID: EMBEDDED_S3_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: EMBEDDED_S3_CREDENTIALS.secretAccessKey,
  RESEND_API_KEY: "re_bench",
  JOBS_ENABLED: "false",
});
execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, stdio: "pipe" });

// A real file for the checks: a WAV (ffprobe reads its duration).
const filePath = path.join(dir, "recording.wav");
writeFileSync(filePath, wav(SIZE, { sampleRate: 48_000, fill: 1 }));
const file = readFileSync(filePath);

const { db } = await import("../../app/services/db.server");
const { storageConfigFromEnv, newObjectKey } = await import("../../app/services/storage.server");
const { startUpload, presignParts, completeMultipart } = await import("../../app/models/media-upload.server");
const { verifyAsset } = await import("../../app/models/media-verify.server");
const { PART_SIZE } = await import("../../app/models/media");
const { saveProfile } = await import("../../app/models/profile.server");
const { startEntry } = await import("../../app/models/entry.server");
const { demoContest } = await import("../../prisma/demo-contest");

async function pool<T>(items: T[], run: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
    }),
  );
}
const parts = Array.from({ length: Math.ceil(SIZE / PART_SIZE) }, (_, i) => i + 1);
const slice = (n: number) => file.subarray((n - 1) * PART_SIZE, Math.min(n * PART_SIZE, SIZE));

// Plain: the SDK sends the parts itself (no presigning), same part size and parallelism.
const config = storageConfigFromEnv();
const client = new S3Client({
  endpoint: config.endpoint,
  region: config.region,
  forcePathStyle: true,
  credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  requestChecksumCalculation: "WHEN_REQUIRED",
});
async function plain() {
  const Key = newObjectKey("bench/plain", "wav");
  const Bucket = config.bucket;
  const started = performance.now();
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: "audio/wav" }));
  const done: { PartNumber: number; ETag: string }[] = [];
  await pool(parts, async (n) => {
    const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: n, Body: slice(n) }));
    done.push({ PartNumber: n, ETag: ETag! });
  });
  done.sort((a, b) => a.PartNumber - b.PartNumber);
  await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: done } }));
  return (performance.now() - started) / 1000;
}

// Mosaic: an entrant's entry, the upload API's functions, the checks.
const contest = await db.contest.create({ data: demoContest(new Date()) });
await db.category.updateMany({
  where: { contestId: contest.id, slug: "audio" },
  data: { maxFileBytes: 1024 * 1024 * 1024, maxDurationSec: null },
});
const audio = await db.category.findFirstOrThrow({ where: { contestId: contest.id, slug: "audio" } });
async function mosaic(run: number) {
  const user = await db.user.create({ data: { email: `bench${run}@example.org` } });
  await saveProfile(user.id, { fullName: "Bench", displayName: "Bench", dateOfBirth: "2000-01-01", country: "CH" });
  const entry = await startEntry(user.id, contest.id, audio.id);
  if (!entry.ok) throw new Error(JSON.stringify(entry.problems));
  const started = performance.now();
  const upload = await startUpload(user.id, entry.entryId, { name: "recording.wav", type: "audio/wav", size: SIZE });
  if (!upload.ok || upload.mode !== "multipart") throw new Error("expected a multipart upload");
  const done: { partNumber: number; etag: string }[] = [];
  await pool(parts, async (n) => {
    const urls = await presignParts(user.id, entry.entryId, upload.assetId, [n]);
    const response = await fetch(urls![n]!, { method: "PUT", body: slice(n) });
    done.push({ partNumber: n, etag: response.headers.get("etag")! });
  });
  const transferred = performance.now();
  await completeMultipart(user.id, entry.entryId, upload.assetId, done);
  const completed = performance.now();
  const asset = await verifyAsset(upload.assetId);
  if (asset?.state !== "verified") throw new Error(`upload not verified: ${asset?.state} ${asset?.rejection}`);
  const end = performance.now();
  return {
    total: (end - started) / 1000,
    transfer: (transferred - started) / 1000,
    completed: (completed - started) / 1000,
    check: (end - completed) / 1000,
  };
}

const MB = SIZE / (1024 * 1024);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const plainTimes: number[] = [];
const mosaicTimes: { total: number; transfer: number; completed: number; check: number }[] = [];
for (let round = 0; round < rounds; round++) {
  plainTimes.push(await plain());
  mosaicTimes.push(await mosaic(round));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const plainS = median(plainTimes);
const totalS = median(mosaicTimes.map((t) => t.total));
const transferS = median(mosaicTimes.map((t) => t.transfer));
const checkS = median(mosaicTimes.map((t) => t.check));
const completedS = median(mosaicTimes.map((t) => t.completed));
const rate = (seconds: number) => `${(MB / seconds).toFixed(1)} MB/s`;
console.log(
  `upload benchmark: ${MB} MB, ${parts.length} parts of ${PART_SIZE / 1024 / 1024} MiB, ${PARALLEL} at a time, median of ${rounds}`,
);
console.log(`  plain SDK multipart              ${plainS.toFixed(2)} s  ${rate(plainS)}`);
console.log(
  `  Mosaic: presign + parts           ${transferS.toFixed(2)} s  ${rate(transferS)}  ratio ${(plainS / transferS).toFixed(2)}`,
);
console.log(
  `  Mosaic: + complete (entrant done) ${completedS.toFixed(2)} s  ${rate(completedS)}  ratio ${(plainS / completedS).toFixed(2)}`,
);
console.log(
  `  Mosaic: + background check       ${totalS.toFixed(2)} s  ${rate(totalS)}  ratio ${(plainS / totalS).toFixed(2)} (checking took ${checkS.toFixed(2)} s)`,
);
console.log(
  `  goal ratio ≥ 0.80: ${plainS / completedS >= 0.8 ? "met" : "not met"} for what the entrant waits for, ${plainS / totalS >= 0.8 ? "met" : "not met"} with the check included`,
);

await db.$disconnect();
await s3.close();
rmSync(dir, { recursive: true, force: true });
