import { watch } from "node:fs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "~/i18n";
import { MAX_UPLOADS_PER_DAY, PART_SIZE } from "~/models/media";
import { advance } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { storage } from "~/services/storage.server";
import { jobHandlers } from "~/jobs.server";
import { resetToDemoContest } from "../support/contest";
import * as entries from "../support/entries";
import { answerBody, problemKeys, answerProblems } from "../support/http";
import { TMP } from "../support/global-setup";
import { wav } from "../support/wav";

// Limits an entrant cannot get around, against the real storage server (which checks
// signatures and signed lengths) and the real job that checks files.
type Started = {
  data: { result: { status: string }; assetId: string; url: string; partSize: number; partCount: number };
};
type Answer = { state: string; rejection: { key: string } | null };

const MiB = 1024 * 1024;

beforeEach(resetToDemoContest);

async function startMultipart(cookie: string, entryId: string, size: number) {
  const started = await entries.startUpload(cookie, entryId, "episode.wav", "audio/wav", size);
  expect(started).toMatchObject({ result: { status: "success" }, mode: "multipart" });
  return started;
}

async function partUrl(cookie: string, entryId: string, assetId: string, n: number) {
  return (await entries.partUrls(cookie, entryId, assetId, [n]))[n]!;
}

describe("a multipart upload", () => {
  it("cannot be bigger than declared: each part's URL takes exactly its planned length", async () => {
    const { cookie } = await entries.entrant("big@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const declared = 17 * MiB;
    const file = wav(declared);
    const { assetId, partSize, partCount } = await startMultipart(cookie, entryId, declared);
    expect({ partSize, partCount }).toEqual({ partSize: PART_SIZE, partCount: 3 });

    // The first part may be 8 MiB and nothing else; the last exactly what is left (1 MiB).
    const first = await partUrl(cookie, entryId, assetId, 1);
    for (const body of [new Uint8Array(PART_SIZE + MiB), new Uint8Array(PART_SIZE + 1), file.subarray(0, MiB)]) {
      const refused = await fetch(first, { method: "PUT", body });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("SignatureDoesNotMatch");
    }
    const last = await partUrl(cookie, entryId, assetId, 3);
    expect((await fetch(last, { method: "PUT", body: new Uint8Array(PART_SIZE) })).status).toBe(403);

    // Sent as planned, the parts join into exactly the declared file, which is then checked.
    const parts = [];
    for (const n of [1, 2, 3])
      parts.push(await entries.sendFilePart(await partUrl(cookie, entryId, assetId, n), file, partSize, n));
    const joined = answerBody<Answer>(await entries.completeParts(cookie, entryId, assetId, parts));
    expect(joined.state).toBe("uploaded");
    await entries.runJobsUntilIdle();
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset).toMatchObject({ state: "verified", size: declared });
  });

  it("is joined only from exactly the planned parts, and stays resumable when a part is missing", async () => {
    const { cookie } = await entries.entrant("gaps@example.org");
    const entryId = await entries.startId(cookie, "audio");
    const file = wav(17 * MiB);
    const { assetId, partSize } = await startMultipart(cookie, entryId, file.length);
    const sent: { partNumber: number; etag: string }[] = [];
    for (const n of [1, 2])
      sent.push(await entries.sendFilePart(await partUrl(cookie, entryId, assetId, n), file, partSize, n));
    for (const parts of [
      sent, // the last part is missing
      [...sent, { ...sent[0]!, partNumber: 1 }], // one part twice
      [...sent, { partNumber: 4, etag: sent[0]!.etag }], // a part outside the plan
      // (A part storage never received is refused by S3 with InvalidPart; s3rver cannot be
      // asked: it crashes on it.)
    ]) {
      const refused = (await entries.completeParts(cookie, entryId, assetId, parts)) as { init: { status: number } };
      expect(refused.init.status).toBe(400);
      expect(problemKeys(refused)).toEqual(["upload.partsMissing"]);
    }
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset.state).toBe("pending");
    expect(asset.uploadId).not.toBeNull();
    expect(await storage().head(asset.objectKey)).toBeNull();
    const resumed = await entries.resumeUpload(cookie, entryId, assetId, file.length, "audio/wav");
    expect(answerBody(resumed).resume).not.toBeNull();
  });
});

describe("the check of an uploaded file", () => {
  let tmp: string;
  let previousTmp: string | undefined;
  beforeEach(() => {
    // The checks make their temporary files under os.tmpdir(), which reads TMPDIR.
    tmp = mkdtempSync(path.join(TMP, "tmpdir-"));
    previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    process.env.TMPDIR = previousTmp;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Names of everything created in the temporary directory while `run` ran. */
  async function createdDuring(run: () => Promise<unknown>) {
    const created: string[] = [];
    let marked: () => void = () => undefined;
    const mark = new Promise<void>((resolve) => (marked = resolve));
    const watcher = watch(tmp, (_event, name) => {
      if (name === "end-mark") marked();
      else if (name) created.push(name);
    });
    try {
      await run();
      // Events arrive in order: once the mark is seen, everything before it has been seen.
      writeFileSync(path.join(tmp, "end-mark"), "");
      await mark;
    } finally {
      watcher.close();
    }
    return created;
  }

  it("refuses a stored object larger than declared from its size, without reading a byte of it", async () => {
    const { cookie } = await entries.entrant("swapped@example.org");
    const entryId = await entries.startId(cookie, "photography");
    const sent = await entries.sendFile(cookie, entryId, "photo.jpg", "image/jpeg");
    expect(sent.put.status).toBe(200);
    expect(
      answerBody<Answer>(await entries.media(cookie, entryId, { intent: "complete", assetId: sent.assetId })).state,
    ).toBe("uploaded");
    // The object changes after the upload was claimed (as an object written before parts were
    // bound could have): 20 MiB where 60 KB were declared.
    const { objectKey } = await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } });
    await storage().put(objectKey, new Uint8Array(20 * MiB), "image/jpeg");

    const created = await createdDuring(() => runDueJobs(jobHandlers));
    expect(created).toEqual([]); // no temporary file at all
    const status = answerBody(await entries.media(cookie, entryId, { intent: "status", assetId: sent.assetId }));
    expect(status).toMatchObject({ state: "rejected", rejection: { key: "media.rejected.notAsDeclared" } });
    expect(await storage().head(objectKey)).toBeNull();

    // A file as declared is checked in storage too, never copied to disk...
    const ok = await createdDuring(() => entries.upload(cookie, entryId, "photo.jpg", "image/jpeg"));
    expect(ok).toEqual([]);
    // ...but for what ffmpeg writes, a video's poster frame: the watch above does see files made.
    const videoEntryId = await entries.startId(cookie, "video");
    const video = await createdDuring(() => entries.upload(cookie, videoEntryId, "video-3s.mp4", "video/mp4"));
    expect(video.some((name) => name.startsWith("mosaic-media-"))).toBe(true);
  });

  it("refuses at completion an object that is not the declared size, and queues no check", async () => {
    const { cookie } = await entries.entrant("padded@example.org");
    const entryId = await entries.startId(cookie, "photography");
    const started = (await entries.media(cookie, entryId, {
      intent: "start",
      name: "photo.jpg",
      type: "image/jpeg",
      size: "1000",
    })) as unknown as Started;
    const { objectKey } = await db.mediaAsset.findUniqueOrThrow({ where: { id: started.data.assetId } });
    await storage().put(objectKey, new Uint8Array(5 * MiB), "image/jpeg");
    const answer = answerBody(
      await entries.media(cookie, entryId, { intent: "complete", assetId: started.data.assetId }),
    );
    expect(answer).toMatchObject({ state: "rejected", rejection: { key: "media.rejected.notAsDeclared" } });
    expect(await storage().head(objectKey)).toBeNull();
    expect(await db.job.count({ where: { type: "media.verify" } })).toBe(0);
  });
});

describe("upload attempts", () => {
  it(`are limited to ${MAX_UPLOADS_PER_DAY} a day per entrant, refused files included, with a clear message`, async () => {
    const { cookie, user } = await entries.entrant("again@example.org");
    const entryId = await entries.startId(cookie, "photography");
    const start = (fields: Record<string, string> = {}) =>
      entries.media(cookie, entryId, { intent: "start", name: "p.jpg", type: "image/jpeg", size: "1000", ...fields });

    // Refused before anything starts: costs nothing.
    expect(((await start({ type: "image/gif" })) as { init: { status: number } }).init.status).toBe(400);
    for (let i = 0; i < MAX_UPLOADS_PER_DAY; i++) {
      const started = (await start()) as unknown as Started;
      expect(started.data.result.status).toBe("success");
      // removed at once, so none of them holds a place in the entry
      await entries.media(cookie, entryId, { intent: "remove", assetId: started.data.assetId });
    }
    const { revision } = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    const refused = (await start()) as { init: { status: number } };
    expect(refused.init.status).toBe(429);
    // the refused start changed nothing of the entry
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).revision).toBe(revision);
    expect(problemKeys(refused)).toEqual(["upload.tooManyToday"]);
    const { key, values } = answerProblems(refused)[0]!;
    expect(createI18n("en").t(key, values)).toBe(
      `You have started ${MAX_UPLOADS_PER_DAY} uploads today, the most a day allows. You can upload again in 24 hours.`,
    );
    expect(createI18n("fr").t(key, values)).toContain("24 heures");
    expect(await db.mediaAsset.count({ where: { entry: { entrantId: user.id } } })).toBe(0);

    // Another entrant is not affected; the same entrant may start again a day later.
    const other = await entries.entrant("other@example.org");
    const otherEntry = await entries.startId(other.cookie, "photography");
    const theirs = (await entries.media(other.cookie, otherEntry, {
      intent: "start",
      name: "p.jpg",
      type: "image/jpeg",
      size: "1000",
    })) as unknown as Started;
    expect(theirs.data.result.status).toBe("success");
    advance(24 * 60 * 60 * 1000 + 1);
    expect(((await start()) as unknown as Started).data.result.status).toBe("success");
  });
});

describe("the file limit", () => {
  it("counts files that arrived, not uploads that never started, and holds when uploads complete", async () => {
    const { cookie } = await entries.entrant("one-file@example.org");
    const entryId = await entries.startId(cookie, "written-work"); // one file
    const pdf = entries.fixture("essay.pdf");
    const start = async () =>
      (
        (await entries.media(cookie, entryId, {
          intent: "start",
          name: "essay.pdf",
          type: "application/pdf",
          size: String(pdf.length),
        })) as unknown as Started
      ).data;
    const abandoned = await start(); // never sent
    const first = await start();
    const second = await start();
    expect([abandoned, first, second].map((started) => started.result.status)).toEqual([
      "success",
      "success",
      "success",
    ]);
    for (const { url } of [first, second])
      expect(
        (await fetch(url, { method: "PUT", body: pdf, headers: { "Content-Type": "application/pdf" } })).status,
      ).toBe(200);

    const one = answerBody<Answer>(
      await entries.media(cookie, entryId, { intent: "complete", assetId: first.assetId }),
    );
    const two = answerBody(await entries.media(cookie, entryId, { intent: "complete", assetId: second.assetId }));
    expect(one.state).toBe("uploaded");
    expect(two).toMatchObject({ state: "rejected", rejection: { key: "missing.tooManyFiles" } });
    const refusedKey = (await db.mediaAsset.findUniqueOrThrow({ where: { id: second.assetId } })).objectKey;
    expect(await storage().head(refusedKey)).toBeNull();

    // With one file in, the next start is refused before anything is created.
    const full = await entries.media(cookie, entryId, {
      intent: "start",
      name: "essay.pdf",
      type: "application/pdf",
      size: String(pdf.length),
    });
    expect(problemKeys(full)).toEqual(["missing.tooManyFiles"]);
  });
});
