import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { MULTIPART_THRESHOLD, PART_SIZE, partSizes } from "~/models/media";
import { MAX_FILE_MB } from "~/schemas/contest";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import {
  createStorage,
  newObjectKey,
  ObjectTooLargeError,
  storage,
  storageConfigFromEnv,
  type Storage,
} from "~/services/storage.server";
import { demoContest } from "../../prisma/demo-contest";
import { resetDatabase } from "../support/db";
import * as entries from "../support/entries";
import { TODAY } from "../support/contest";
import { answerBody } from "../support/http";
import { browserPut, bytes, forgedUrls, presignedPut } from "../support/storage";
import { wav } from "../support/wav";

/**
 * Mosaic's storage module and upload flow against a strict, real S3 implementation (Ceph's
 * radosgw, started by `npm run test:storage-contract`): what s3rver lets through and real S3
 * refuses shows up here. Nothing here waits a fixed time except for a URL to expire.
 */
const MiB = 1024 * 1024;
const S3_MIN_PART = 5 * MiB;
const APP_ORIGIN = "http://localhost:3000";
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Polls `condition` until it holds, for at most `timeoutMs`; no fixed sleeps. */
async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function sendPart(s: Storage, key: string, uploadId: string, partNumber: number, body: Uint8Array<ArrayBuffer>) {
  const url = await s.presignPart(key, uploadId, { partNumber, contentLength: body.length }, 300);
  const response = await fetch(url, { method: "PUT", body });
  expect(response.status, await response.clone().text()).toBe(200);
  const etag = response.headers.get("etag");
  expect(etag).toBeTruthy();
  return { partNumber, etag: etag! };
}

describe("a single presigned PUT", () => {
  it("takes exactly the signed type and length, and refuses another type, length, key or signature", async () => {
    const key = newObjectKey("contract/put", "jpg");
    const body = bytes("not really a jpeg, but the right length");
    const url = await presignedPut(key, body, "image/jpeg", 300);

    const refusals = {
      wrongType: await browserPut(url, body, "text/html"),
      noType: await fetch(url, { method: "PUT", body }),
      longer: await browserPut(url, bytes("a longer body than was signed for this URL!"), "image/jpeg"),
      shorter: await browserPut(url, bytes("short"), "image/jpeg"),
    };
    for (const [what, response] of Object.entries(refusals)) {
      expect(response.status, what).toBe(403);
      expect(await response.text(), what).toContain("SignatureDoesNotMatch");
    }
    const { tampered, otherKey } = forgedUrls(url);
    for (const target of [tampered, otherKey]) {
      expect((await browserPut(target, body, "image/jpeg")).status).toBe(403);
    }
    expect(await storage().head(key)).toBeNull();

    const exact = await browserPut(url, body, "image/jpeg");
    expect(exact.status).toBe(200);
    expect(await storage().head(key)).toMatchObject({ size: body.length, contentType: "image/jpeg" });
    expect(await storage().getBytes(key)).toEqual(body);
    expect(new TextDecoder().decode(await storage().getBytes(key, { start: 0, end: 6 }))).toBe("not rea");
    await storage().remove(key);
  });
});

describe("a presigned GET", () => {
  it("reads the object, and stops working once it has expired (as does a PUT signed with it)", async () => {
    const key = newObjectKey("contract/get", "txt");
    await storage().put(key, bytes("for judges only"), "text/plain");
    const get = await fetch(await storage().presignGet(key, { expiresInSec: 300 }));
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("for judges only");
    // an organizer's download of an original is saved by the browser, not shown
    const saved = await fetch(await storage().presignGet(key, { expiresInSec: 300, attachment: true }));
    expect(saved.headers.get("content-disposition")).toBe("attachment");

    // A second is the smallest expiry S3 takes: sign both, then wait until the GET is refused.
    const body = bytes("too late");
    const lateKey = newObjectKey("contract/late", "txt");
    const shortPut = await presignedPut(lateKey, body, "text/plain", 1);
    const shortGet = await storage().presignGet(key, { expiresInSec: 1 });
    let expired: Response | undefined;
    await until(
      async () => {
        const response = await fetch(shortGet);
        if (response.status === 200) return false;
        expired = response;
        return true;
      },
      15_000,
      "the short-lived GET URL to expire",
    );
    expect(expired!.status).toBe(403);
    expect(await expired!.text()).toContain("AccessDenied");
    const late = await browserPut(shortPut, body, "text/plain");
    expect(late.status).toBe(403);
    expect(await storage().head(lateKey)).toBeNull();
    await storage().remove(key);
  });
});

describe("a multipart upload", () => {
  it("is planned in parts that real S3 accepts, for every size Mosaic allows", () => {
    const sizes = [MULTIPART_THRESHOLD + 1, 2 * PART_SIZE + 1, 3 * PART_SIZE, 3 * PART_SIZE - 1, 1234567891];
    for (let size = MULTIPART_THRESHOLD + 1; size <= MAX_FILE_MB * 1024 * 1024; size += 97 * MiB + 12345) {
      sizes.push(size);
    }
    sizes.push(MAX_FILE_MB * 1024 * 1024);
    for (const size of sizes) {
      const plan = partSizes(size, PART_SIZE);
      expect(
        plan.reduce((a, b) => a + b, 0),
        `size ${size}`,
      ).toBe(size);
      expect(plan.length, `size ${size}`).toBeLessThanOrEqual(10_000);
      expect(plan.at(-1), `size ${size}`).toBeGreaterThan(0);
      expect(Math.min(...plan.slice(0, -1)), `size ${size}`).toBeGreaterThanOrEqual(S3_MIN_PART);
    }
  });

  it("is sent in parts, resumed later with new URLs for the rest, joined, and read back whole", async () => {
    const key = newObjectKey("contract/multipart", "bin");
    const size = 2 * PART_SIZE + 4321;
    const file = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) file[i] = (i / 4096) % 251;
    const plan = partSizes(size, PART_SIZE);
    expect(plan).toHaveLength(3);
    const part = (n: number) => file.subarray((n - 1) * PART_SIZE, (n - 1) * PART_SIZE + plan[n - 1]!);

    const uploadId = await storage().createMultipart(key, "application/octet-stream");
    // a part URL binds the part's length as a single PUT's does
    const bound = await storage().presignPart(key, uploadId, { partNumber: 1, contentLength: plan[0]! }, 300);
    const short = await fetch(bound, { method: "PUT", body: part(1).subarray(1) });
    expect(short.status).toBe(403);
    expect(await short.text()).toContain("SignatureDoesNotMatch");

    const first = await sendPart(storage(), key, uploadId, 1, part(1));
    // The connection drops here. Later (another process, new URLs) the rest is sent.
    const later = createStorage(storageConfigFromEnv());
    const rest = await Promise.all([3, 2].map((n) => sendPart(later, key, uploadId, n, part(n))));
    await later.completeMultipart(key, uploadId, [...rest, first]);

    // radosgw answers CompleteMultipartUpload with an empty ETag: Mosaic reads the object's head.
    const head = await storage().head(key);
    expect(head).toMatchObject({ size, contentType: "application/octet-stream" });
    const whole = await storage().getBytes(key);
    expect(sha256(whole)).toBe(sha256(file));
    expect(await storage().getBytes(key, { start: PART_SIZE - 2, end: PART_SIZE + 1 })).toEqual(
      file.subarray(PART_SIZE - 2, PART_SIZE + 2),
    );
    await storage().remove(key);
    expect(await storage().head(key)).toBeNull();
  });

  it("refuses to join parts below 5 MiB (except the last): EntityTooSmall", async () => {
    const key = newObjectKey("contract/small-parts", "bin");
    const uploadId = await storage().createMultipart(key, "application/octet-stream");
    const parts = [
      await sendPart(storage(), key, uploadId, 1, new Uint8Array(1000).fill(1)),
      await sendPart(storage(), key, uploadId, 2, new Uint8Array(10).fill(2)),
    ];
    await expect(storage().completeMultipart(key, uploadId, parts)).rejects.toMatchObject({ name: "EntityTooSmall" });
    expect(await storage().head(key)).toBeNull();
    await storage().abortMultipart(key, uploadId);
  });

  it("refuses a part with a wrong ETag, and once aborted takes no more parts and cannot be joined", async () => {
    const key = newObjectKey("contract/aborted", "bin");
    const uploadId = await storage().createMultipart(key, "application/octet-stream");
    const only = await sendPart(storage(), key, uploadId, 1, new Uint8Array(2048).fill(3));
    await expect(
      storage().completeMultipart(key, uploadId, [{ partNumber: 1, etag: `"${"0".repeat(32)}"` }]),
    ).rejects.toMatchObject({ name: "InvalidPart" });

    await storage().abortMultipart(key, uploadId);
    const url = await storage().presignPart(key, uploadId, { partNumber: 2, contentLength: 10 }, 300);
    const afterAbort = await fetch(url, { method: "PUT", body: new Uint8Array(10) });
    expect(afterAbort.status).toBe(404);
    expect(await afterAbort.text()).toContain("NoSuchUpload");
    // AWS answers NoSuchUpload; radosgw 16.2 answers 500 InternalError ("This multipart completion is
    // already in progress"), which Mosaic reads as an outage. Mosaic never joins an upload it has
    // aborted: the sweep that aborts one removes its row, so the entrant's "complete" finds nothing.
    await expect(storage().completeMultipart(key, uploadId, [only])).rejects.toThrow();
    expect(await storage().head(key)).toBeNull();
  });
});

describe("the bucket's CORS rule", () => {
  const preflight = (origin: string, method = "PUT") =>
    fetch(`${storageConfigFromEnv().endpoint}/${storage().bucket}/${newObjectKey("contract/cors", "jpg")}`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "content-type",
      },
    });

  it("lets a page on APP_URL upload and read the ETag, and refuses other origins", async () => {
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");

    // the upload itself, as the browser sends it from the page
    const key = newObjectKey("contract/cors", "jpg");
    const body = bytes("from the entry page");
    const url = await presignedPut(key, body, "image/jpeg", 300);
    const sent = await browserPut(url, body, "image/jpeg", { Origin: APP_ORIGIN });
    expect(sent.status).toBe(200);
    expect(sent.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(sent.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("etag");
    await storage().remove(key);

    for (const response of [await preflight("https://evil.example"), await preflight("http://localhost:3001")]) {
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
    // and only the methods Mosaic needs
    expect((await preflight(APP_ORIGIN, "DELETE")).status).toBe(403);
  });
});

describe("objects", () => {
  it("are written from a file and from memory, streamed, downloaded with a cap, deleted; a missing one is null", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mosaic-contract-"));
    const key = newObjectKey("contract/file", "bin");
    try {
      const source = path.join(dir, "source");
      const data = new Uint8Array(3 * MiB + 17).fill(9);
      writeFileSync(source, data);
      await storage().putFile(key, source, data.length, "application/octet-stream");
      expect(await storage().head(key)).toMatchObject({ size: data.length, contentType: "application/octet-stream" });

      const chunks: Uint8Array[] = [];
      for await (const chunk of await storage().getStream(key)) chunks.push(chunk);
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(data));

      expect(await storage().download(key, path.join(dir, "whole"), data.length)).toBe(data.length);
      expect(statSync(path.join(dir, "whole")).size).toBe(data.length);
      await expect(storage().download(key, path.join(dir, "capped"), MiB)).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect(statSync(path.join(dir, "capped")).size).toBeLessThanOrEqual(MiB);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await storage().remove(key);
    expect(await storage().head(key)).toBeNull();
    // deleting what is already gone is not an error (a retried deletion)
    await expect(storage().remove(key)).resolves.toBeUndefined();
    expect(await storage().head(newObjectKey("contract/never", "jpg"))).toBeNull();
  });

  it("answers the readiness ping, and fails it for a bucket that does not exist or a wrong secret", async () => {
    await expect(storage().ping()).resolves.toBeUndefined();
    await expect(createStorage({ ...storageConfigFromEnv(), bucket: "no-such-bucket" }).ping()).rejects.toThrow();
    const wrongSecret = createStorage({ ...storageConfigFromEnv(), secretAccessKey: "not-the-secret" });
    await expect(wrongSecret.head("any")).rejects.toThrow();
    const url = await wrongSecret.presignGet("any", { expiresInSec: 60 });
    expect((await fetch(url)).status).toBe(403);
  });
});

describe("an entrant's upload through Mosaic's own routes", () => {
  beforeEach(async () => {
    await resetDatabase();
    setNow(TODAY);
    await db.contest.create({ data: demoContest(TODAY) });
  });

  it("sends a photo with one presigned PUT; the check keeps a copy without its GPS position", async () => {
    const { cookie } = await entries.entrant("amaya@example.org");
    const entryId = await entries.startId(cookie, "photography");
    const photo = await entries.upload(cookie, entryId, "photo-with-gps.jpg", "image/jpeg");
    expect(photo).toMatchObject({ state: "verified", rejection: null });
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: photo.assetId } });
    expect(asset.objectKey).not.toBe(photo.uploadKey);
    expect(await storage().head(photo.uploadKey)).toBeNull();
    expect((await sharp(entries.fixture("photo-with-gps.jpg")).metadata()).exif).toBeDefined();
    for (const key of [asset.cleanKey!, asset.previewKey!]) {
      expect(await storage().head(key)).toMatchObject({ size: expect.any(Number) as number });
      const bytes = Buffer.from(await storage().getBytes(key));
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
      expect(bytes.toString("latin1")).not.toContain("GPS");
    }
  });

  it("sends a large file in parts, resumes after a drop with only the missing parts, and checks the whole", async () => {
    const { cookie } = await entries.entrant("podcaster@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const file = wav(MULTIPART_THRESHOLD + 2 * MiB);
    const started = await entries.startUpload(cookie, entryId, "episode.wav", "audio/wav", file.length);
    expect(started).toMatchObject({ mode: "multipart", partSize: PART_SIZE, partCount: 3 });
    const { assetId, partSize } = started;
    const send = async (n: number) =>
      entries.sendFilePart((await entries.partUrls(cookie, entryId, assetId, [n]))[n]!, file, partSize, n);
    const first = await send(1);

    // A join asked for before every part is there: the page is answered at once, storage refuses
    // the list when the check joins it, and the upload is resumable again.
    const early = await entries.completeParts(cookie, entryId, assetId, [
      first,
      { partNumber: 2, etag: first.etag },
      { partNumber: 3, etag: first.etag },
    ]);
    expect(answerBody<{ state: string }>(early).state).toBe("uploaded");
    await entries.runJobsUntilIdle();
    expect(answerBody(await entries.media(cookie, entryId, { intent: "status", assetId })).state).toBe("pending");
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } })).toMatchObject({
      state: "pending",
      uploadId: expect.any(String) as string,
    });

    const resumed = await entries.resumeUpload(cookie, entryId, assetId, file.length, "audio/wav");
    expect(answerBody(resumed)).toMatchObject({ resume: { partCount: 3 } });
    const rest = [await send(2), await send(3)];

    const joined = answerBody<{ state: string }>(
      await entries.completeParts(cookie, entryId, assetId, [first, ...rest]),
    );
    expect(joined.state).toBe("uploaded");
    await entries.runJobsUntilIdle();
    expect(answerBody(await entries.media(cookie, entryId, { intent: "status", assetId })).state).toBe("verified");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset).toMatchObject({ detectedType: "audio/wav", size: file.length, uploadId: null });
    expect(await storage().head(asset.objectKey)).toMatchObject({ size: file.length });
  });

  it("finishes an upload whose parts storage joined on a check that failed before noting it", async () => {
    const { cookie } = await entries.entrant("unlucky-network@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const file = wav(MULTIPART_THRESHOLD + MiB);
    const { assetId, partSize, partCount } = await entries.startUpload(
      cookie,
      entryId,
      "episode.wav",
      "audio/wav",
      file.length,
    );
    const numbers = Array.from({ length: partCount }, (_, i) => i + 1);
    const urls = await entries.partUrls(cookie, entryId, assetId, numbers);
    const parts = await Promise.all(numbers.map((n) => entries.sendFilePart(urls[n]!, file, partSize, n)));
    const claimed = answerBody<{ state: string }>(await entries.completeParts(cookie, entryId, assetId, parts));
    expect(claimed.state).toBe("uploaded");
    // An earlier try of the check had storage join the parts, then failed before noting it.
    // Asked again, storage answers as if it joined them now (radosgw and AWS both do).
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    await storage().completeMultipart(asset.objectKey, asset.uploadId!, parts);
    await entries.runJobsUntilIdle();
    expect(answerBody(await entries.media(cookie, entryId, { intent: "status", assetId })).state).toBe("verified");
  });
});
