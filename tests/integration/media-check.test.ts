import { createHash, randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { collectMyData } from "~/models/my-data.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { SizeChangedError, SNIFF_BYTES, storedMedia } from "~/services/media-inspect.server";
import { newObjectKey, storage, type Storage } from "~/services/storage.server";
import { jobHandlers } from "~/jobs.server";
import { resetToDemoContest } from "../support/contest";
import * as entries from "../support/entries";
import { answerBody } from "../support/http";
import { wav } from "../support/wav";

// The check of an upload reads the object where it is stored, against the real storage server
// and the real job: what it reads is counted at the storage layer every read goes through.
const MiB = 1024 * 1024;

beforeEach(resetToDemoContest);

/** Counts what the storage layer reads while the test runs: ranged reads and streamed reads. */
function countReads() {
  const shared = globalThis as unknown as { __mosaicStorage?: Storage };
  const real = storage();
  const reads = { ranged: 0, streams: 0, streamed: 0 };
  shared.__mosaicStorage = {
    ...real,
    async getBytes(key, range) {
      const bytes = await real.getBytes(key, range);
      reads.ranged += bytes.length;
      return bytes;
    },
    async getStream(key, options) {
      const stream = await real.getStream(key, options);
      reads.streams++;
      return (async function* () {
        for await (const chunk of stream) {
          reads.streamed += chunk.length;
          yield chunk;
        }
      })();
    },
  };
  onTestFinished(() => {
    shared.__mosaicStorage = real;
  });
  return reads;
}

/** Sends `file` in parts through the media route and joins them, as the entry page does. */
async function uploadInParts(cookie: string, entryId: string, file: Buffer<ArrayBuffer>, type = "audio/wav") {
  const { assetId, partSize, partCount } = await entries.startUpload(cookie, entryId, "episode.wav", type, file.length);
  const numbers = Array.from({ length: partCount }, (_, i) => i + 1);
  const urls = await entries.partUrls(cookie, entryId, assetId, numbers);
  const parts = await Promise.all(numbers.map((n) => entries.sendFilePart(urls[n]!, file, partSize, n)));
  const joined = answerBody<{ state: string }>(await entries.completeParts(cookie, entryId, assetId, parts));
  expect(joined.state).toBe("uploaded");
  return assetId;
}

/** Runs the checks that are due (not the renditions a check queues). */
const runChecks = () =>
  runDueJobs({ "media.verify": jobHandlers["media.verify"]! }, { lane: { only: ["media.verify"] } });

/** Runs the fingerprints that are due. */
const runFingerprints = () =>
  runDueJobs({ "media.fingerprint": jobHandlers["media.fingerprint"]! }, { lane: { only: ["media.fingerprint"] } });

/** What the entrant's data export says of the fingerprint of their first file, in `locale`. */
async function exportedFingerprint(userId: string, locale: "en" | "fr" = "en") {
  const { data } = await collectMyData(userId, locale);
  return data.entries[0]!.media[0]!.sha256;
}

describe("the check of an upload, read in storage", () => {
  it("accepts a file sent in parts from its first bytes and header, then fingerprints it from one stream of every byte", async () => {
    const { cookie, user } = await entries.entrant("streamed@example.org");
    const entryId = await entries.startId(cookie, "audio");
    // a WAV whose sound is noise: any byte hashed twice, skipped or out of order changes the hash
    const file = wav(18 * MiB);
    randomBytes(file.length - 44).copy(file, 44);
    const assetId = await uploadInParts(cookie, entryId, file);

    const reads = countReads();
    await runChecks();
    let asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.state).toBe("preparing"); // accepted; its web rendition comes next
    expect(asset.durationSec).toBeGreaterThan(100); // ffprobe read it through its URL
    // accepted before a read of every byte; the export says its fingerprint is on the way
    expect(asset.sha256).toBeNull();
    expect(reads).toEqual({ ranged: SNIFF_BYTES, streams: 0, streamed: 0 });
    expect(await exportedFingerprint(user.id)).toBe(
      "being computed: download your data again in a few minutes to have it",
    );
    expect(await exportedFingerprint(user.id, "fr")).toMatch(/^en cours de calcul\u00a0: /);

    // queued with the acceptance, the fingerprint reads the kept object once
    expect(await runFingerprints()).toBe(1);
    asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    const sha256 = createHash("sha256").update(file).digest("hex");
    expect(asset.sha256).toBe(sha256);
    expect(reads).toEqual({ ranged: SNIFF_BYTES, streams: 1, streamed: file.length });
    expect(await exportedFingerprint(user.id)).toBe(sha256);
  });

  it("takes no fingerprint of a file removed or erased before its job runs, and the job ends quietly", async () => {
    const { cookie, user } = await entries.entrant("changed-mind@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const removed = await uploadInParts(cookie, entryId, wav(18 * MiB));
    await runChecks();
    expect(answerBody(await entries.media(cookie, entryId, { intent: "remove", assetId: removed }))).toMatchObject({
      result: { status: "success" },
    });
    // erased: the objects go first, then the row; the job finds either gone
    const erased = await uploadInParts(cookie, entryId, wav(18 * MiB));
    await runChecks();
    const { objectKey } = await db.mediaAsset.findUniqueOrThrow({ where: { id: erased } });
    await storage().remove(objectKey);
    await db.mediaAsset.delete({ where: { id: erased } });

    const reads = countReads();
    expect(await runFingerprints()).toBe(2);
    const jobs = await db.job.findMany({ where: { type: "media.fingerprint" } });
    expect(jobs.map((j) => [j.status, j.lastError])).toEqual([
      ["done", null],
      ["done", null],
    ]);
    expect(reads.streams).toBe(0);
    expect(await db.mediaAsset.count({ where: { entry: { entrantId: user.id } } })).toBe(0);
  });

  it("tries again while a file it could not read is still kept, and ends quietly once the file is gone", async () => {
    const { cookie } = await entries.entrant("erased-meanwhile@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const assetId = await uploadInParts(cookie, entryId, wav(18 * MiB));
    await runChecks();
    const { objectKey } = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    // the object is gone while the row still holds it (an erasure deletes objects first)
    await storage().remove(objectKey);
    expect(await runFingerprints()).toBe(1);
    const retried = await db.job.findFirstOrThrow({ where: { type: "media.fingerprint" } });
    expect(retried).toMatchObject({ status: "queued", attempts: 1 });
    expect(retried.lastError).toBeTruthy();

    await db.mediaAsset.delete({ where: { id: assetId } }); // the erasure's row goes
    await db.job.update({ where: { id: retried.id }, data: { runAt: new Date(0) } });
    expect(await runFingerprints()).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { id: retried.id } })).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("reads no more than the first bytes of a file whose type it refuses", async () => {
    const { cookie } = await entries.entrant("noise@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const assetId = await uploadInParts(cookie, entryId, randomBytes(18 * MiB) as Buffer<ArrayBuffer>);
    const { objectKey } = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });

    const reads = countReads();
    await runChecks();
    const status = answerBody(await entries.media(cookie, entryId, { intent: "status", assetId }));
    expect(status).toMatchObject({ state: "rejected", rejection: { key: "media.rejected.wrongType" } });
    expect(reads).toEqual({ ranged: SNIFF_BYTES, streams: 0, streamed: 0 });
    expect(await storage().head(objectKey)).toBeNull();
  });

  it("keeps a single upload's checked copy, made by storage, and deletes what the upload URL wrote", async () => {
    const { cookie } = await entries.entrant("single@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const file = entries.fixture("audio-2s.wav");
    const uploaded = await entries.upload(cookie, entryId, "audio-2s.wav", "audio/wav", file);
    expect(uploaded.state).not.toBe("rejected");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: uploaded.assetId } });
    expect(asset.objectKey).not.toBe(uploaded.uploadKey);
    expect(await storage().head(uploaded.uploadKey)).toBeNull();
    const kept = await storage().getBytes(asset.objectKey);
    expect(Buffer.from(kept).equals(file)).toBe(true);
    expect(asset.sha256).toBe(createHash("sha256").update(file).digest("hex"));
    expect((await storage().head(asset.objectKey))?.contentType).toBe("audio/wav");
  });

  it("refuses to hash or hold an object that is no longer the size it was checked at", async () => {
    const key = newObjectKey("tests/changed", "bin");
    const bytes = randomBytes(MiB);
    await storage().put(key, bytes, "application/octet-stream");
    try {
      const larger = storedMedia(storage(), key, 1000);
      await expect(larger.sha256()).rejects.toBeInstanceOf(SizeChangedError);
      await expect(larger.whole()).rejects.toBeInstanceOf(SizeChangedError);
      await expect(storedMedia(storage(), key, 2 * MiB).sha256()).rejects.toBeInstanceOf(SizeChangedError);
      const same = storedMedia(storage(), key, MiB);
      expect(await same.sha256()).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(Buffer.from(await same.read(MiB - 10, 100)).equals(bytes.subarray(MiB - 10))).toBe(true);
    } finally {
      await storage().remove(key);
    }
  });
});
