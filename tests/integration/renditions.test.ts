import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { backfillRenditions } from "~/models/media-prepare.server";
import { sweepAbandonedUploads } from "~/models/media-sweep.server";
import { viewableMedia } from "~/models/media-view.server";
import { action as guardianAction, loader as guardianLoader } from "~/routes/guardian";
import { keyedHash } from "~/services/tokens.server";
import { advance, now, setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { phoneClip, probe } from "~/services/ffmpeg.server";
import { runDueJobs } from "~/services/jobs.server";
import { readRecording } from "~/services/media-inspect.server";
import { storage } from "~/services/storage.server";
import { jobHandlers } from "~/jobs.server";
import { resetToDemoContest } from "../support/contest";
import * as entries from "../support/entries";
import { TMP } from "../support/global-setup";
import { answerBody, context, formRequest, getRequest, problemKeys, settle } from "../support/http";

// Every judge and visitor can play every entry: videos and sound get web renditions made by a
// background job, against the real storage server, the real ffmpeg and the real job queue.

const dir = mkdtempSync(path.join(TMP, "renditions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An iPhone-style HEVC clip held upright: 1280×720 stored, shown 720×1280, with a location and a phone model. */
let clip: Buffer<ArrayBuffer> | undefined;
async function hevcClip() {
  if (!clip) {
    const file = path.join(dir, "IMG_0042.MOV");
    await phoneClip(file, { seconds: 2, width: 1280, height: 720 });
    clip = readFileSync(file);
  }
  return clip;
}

/** What a stored object is, as ffprobe reads it, after a download. */
async function stored(key: string) {
  const file = path.join(dir, `${path.basename(key)}`);
  await storage().download(key, file, 50 * 1024 * 1024);
  const probed = await probe(file);
  const video = probed?.streams?.find((s) => s.codec_type === "video");
  const audio = probed?.streams?.find((s) => s.codec_type === "audio");
  return {
    file,
    video: video && { codec: video.codec_name, width: video.width, height: video.height },
    audio: audio?.codec_name ?? null,
    pixels: (video as { pix_fmt?: string } | undefined)?.pix_fmt,
    transfer: video?.color_transfer,
    personal: (await readRecording(file, video ? "video" : "audio"))?.personalMetadata,
  };
}

/** Runs the jobs that are due except the making of renditions: the file stops once checked. */
const checkOnly = () => runDueJobs(jobHandlers, { lane: { except: ["media.prepare"] } });

/** A file uploaded by a new entrant to a new entry of `category`, checked and made ready: its row. */
async function readyUpload(email: string, category: string, name: string, type: string, bytes?: Buffer<ArrayBuffer>) {
  const { cookie } = await entries.entrant(email);
  const sent = await entries.upload(cookie, await entries.startId(cookie, category), name, type, bytes);
  expect(sent.state).toBe("verified");
  return db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } });
}

/** A new entrant's Video entry with the phone's clip sent and checked, its renditions not yet made. */
async function preparingClip(email: string, name: string) {
  const { cookie } = await entries.entrant(email);
  const entryId = await entries.startId(cookie, "video");
  const sent = await entries.sendFile(cookie, entryId, name, "video/quicktime", await hevcClip());
  expect(sent.put.status).toBe(200);
  await entries.media(cookie, entryId, { intent: "complete", assetId: sent.assetId });
  await checkOnly();
  return { cookie, entryId, assetId: sent.assetId };
}

beforeEach(resetToDemoContest);

describe("a phone's HEVC video", () => {
  it("is checked, then prepared as H.264 renditions without personal tags, turned upright; the original stays", async () => {
    // Checked, not yet ready: the entrant reads that it is being prepared, and cannot submit yet.
    const sent = await preparingClip("phone@example.org", "IMG_0042.MOV");
    const { cookie, entryId } = sent;
    const status = answerBody<{ state: string }>(
      await entries.media(cookie, entryId, { intent: "status", assetId: sent.assetId }),
    );
    expect(status.state).toBe("preparing");
    expect(problemKeys(await entries.save(cookie, entryId, {}, "submit"))).toContain("missing.mediaPreparing");
    expect(await db.job.count({ where: { type: "media.prepare", status: "queued", maxAttempts: 2 } })).toBe(1);

    await entries.runJobsUntilIdle();
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } });
    expect(asset).toMatchObject({ state: "verified", detectedType: "video/quicktime", width: 1280, height: 720 });
    expect(asset.webKey).toMatch(/\.mp4$/);
    expect(asset.lightKey).toMatch(/\.mp4$/);
    expect(asset.verifiedAt).not.toBeNull();
    expect(problemKeys(await entries.save(cookie, entryId, {}, "submit"))).not.toContain("missing.mediaPreparing");

    // The web rendition: H.264 4:2:0 (every browser decodes it) with AAC, upright, at most 1080
    // on its shorter side (this one is 720), and nothing about where or on what it was shot.
    const web = await stored(asset.webKey!);
    expect(web).toMatchObject({
      video: { codec: "h264", width: 720, height: 1280 },
      audio: "aac",
      pixels: "yuv420p",
      personal: false,
    });
    // The light one for slow connections: 480 on its shorter side.
    expect(await stored(asset.lightKey!)).toMatchObject({
      video: { codec: "h264", width: 480, height: 854 },
      audio: "aac",
      personal: false,
    });
    // The original is kept, as sent but for its tags: still HEVC, for organizers to download.
    expect((await stored(asset.objectKey)).video).toMatchObject({ codec: "hevc" });

    // Judges and visitors get the renditions (best first) and no original; organizers get both.
    const [forJudges] = await viewableMedia([asset]);
    expect(forJudges!.url).toContain(asset.webKey!);
    expect(forJudges!.renditions).toEqual([
      { url: expect.stringContaining(asset.webKey!), side: 720 },
      { url: expect.stringContaining(asset.lightKey!), side: 480 },
    ]);
    expect(forJudges!.original).toBeNull();
    const [forOrganizers] = await viewableMedia([asset], { originals: true });
    expect(forOrganizers!.original).toContain(asset.objectKey);
    // saved by the browser rather than shown (it could not show it)
    const download = await fetch(forOrganizers!.original!);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe("attachment");

    // Removing the file removes its renditions and poster too.
    await entries.media(cookie, entryId, { intent: "remove", assetId: asset.id });
    for (const key of [asset.objectKey, asset.webKey!, asset.lightKey!, asset.previewKey!]) {
      expect(await storage().head(key)).toBeNull();
    }
  });

  it("that cannot be prepared is tried once more, then refused with a clear message and nothing kept", async () => {
    const sent = await preparingClip("broken@example.org", "IMG_0043.MOV");
    const { cookie, entryId } = sent;
    const checked = await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } });
    expect(checked.state).toBe("preparing");
    // The stored bytes go bad after the check (a fault of the storage, say): no rendition can be made.
    await storage().put(checked.objectKey, Buffer.alloc(4096, 7), "video/quicktime");

    await entries.runJobsUntilIdle();
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: checked.id } })).state).toBe("preparing");
    const job = await db.job.findFirstOrThrow({ where: { type: "media.prepare" } });
    expect(job).toMatchObject({ status: "queued", attempts: 1 });
    expect(job.lastError).toMatch(/ffmpeg/);

    advance(10 * 60 * 1000); // past the retry's back-off
    await entries.runJobsUntilIdle();
    const refused = answerBody<{ state: string; rejection: { key: string } }>(
      await entries.media(cookie, entryId, { intent: "status", assetId: checked.id }),
    );
    expect(refused).toMatchObject({ state: "rejected", rejection: { key: "media.rejected.cannotPrepare" } });
    expect(await db.job.findFirstOrThrow({ where: { type: "media.prepare" } })).toMatchObject({
      status: "failed",
      attempts: 2,
    });
    for (const key of [checked.objectKey, checked.previewKey!]) expect(await storage().head(key)).toBeNull();
  });

  it("whose rendition job was lost is refused a day on, with the same message, rather than left waiting", async () => {
    const sent = await preparingClip("lost@example.org", "IMG_0045.MOV");
    // taken by an instance that did not know the kind of job (during a deploy), and failed for good
    await db.job.updateMany({ where: { type: "media.prepare" }, data: { status: "failed" } });
    await sweepAbandonedUploads();
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } })).state).toBe("preparing");
    advance(25 * 60 * 60 * 1000);
    await sweepAbandonedUploads();
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } })).toMatchObject({
      state: "rejected",
      rejection: expect.stringContaining("media.rejected.cannotPrepare"),
    });
  });
});

describe("a video checked before renditions existed", () => {
  it("gets them from a one-off backfill and stays verified; a backfill that fails leaves it as it was", async () => {
    const sent = await readyUpload("early@example.org", "video", "video-3s.mp4", "video/mp4");
    const broken = await readyUpload("early2@example.org", "video", "video-3s.mp4", "video/mp4");
    // as such files were stored: verified, played from their original
    for (const id of [sent.id, broken.id]) {
      const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id } });
      for (const key of [asset.webKey!, asset.lightKey].filter(Boolean)) await storage().remove(key!);
      await db.mediaAsset.update({ where: { id }, data: { webKey: null, lightKey: null } });
    }
    await db.job.deleteMany();
    await storage().put(broken.objectKey, Buffer.alloc(4096, 7), "video/mp4");

    expect(await backfillRenditions()).toBe(2);
    await entries.runJobsUntilIdle();
    advance(10 * 60 * 1000); // past the failed one's retry
    await entries.runJobsUntilIdle();
    const made = await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.id } });
    expect(made).toMatchObject({ state: "verified", webKey: expect.stringMatching(/\.mp4$/) });
    expect((await stored(made.webKey!)).video).toMatchObject({ codec: "h264" });
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({
      state: "verified",
      webKey: null,
      rejection: null,
    });
    expect(await backfillRenditions()).toBe(1); // only the one still without: run again, it is tried again
  });
});

describe("Submit pressed while a film is being prepared", () => {
  it("submits the entry once the film is ready, as of that moment, even past the deadline; a change meanwhile cancels it", async () => {
    const sent = await preparingClip("rush@example.org", "IMG_0046.MOV");
    const { cookie, entryId } = sent;
    const fields = {
      title: "Hands that rebuild",
      summary: "A short film about a prosthetics workshop.",
      statement: "Assistance is a whole community learning to make room.",
      language: "Filipino",
      aiUse: "none",
      transcript: "Narrator: We make legs here.",
      originalWork: "on",
      licence: "on",
      identifiablePeople: "no",
      showsSurvivors: "no",
      showsExactLocations: "no",
      graphicContent: "no",
    };
    await entries.save(cookie, entryId, fields);

    // a change after pressing Submit cancels the request
    const pressed = (await entries.save(cookie, entryId, fields, "submit")) as Response;
    expect(pressed.headers.get("Location")).toBe(`/entries/${entryId}`);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).submitWhenReadyAt).not.toBeNull();
    await entries.save(cookie, entryId, { ...fields, title: "Hands that rebuild (final cut)" });
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).submitWhenReadyAt).toBeNull();

    // pressed again just before the deadline; the film is ready only after it
    const contest = await db.contest.update({
      where: { slug: "yhd-2025" },
      data: { deadline: new Date(now().getTime() + 60_000), graceMinutes: 0 },
    });
    await entries.save(cookie, entryId, { ...fields, title: "Hands that rebuild (final cut)" }, "submit");
    const asked = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(asked).toMatchObject({ status: "draft", referenceCode: null });
    setNow(new Date(contest.deadline.getTime() + 3 * 60 * 60 * 1000));
    await entries.runJobsUntilIdle();
    const submitted = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(submitted).toMatchObject({
      status: "submitted",
      submitWhenReadyAt: null,
      submittedAt: asked.submitWhenReadyAt,
    });
    expect(submitted.referenceCode).toMatch(/^YHD25-\d{4}$/);
    expect(await db.email.count({ where: { template: "entry-receipt" } })).toBe(1);
  });
});

describe("a guardian asked to consent while a film is being prepared", () => {
  it("can answer only once it is on their page: consent must be to what they saw", async () => {
    const { entryId } = await preparingClip("minor@example.org", "IMG_0047.MOV");
    await db.guardianConsent.create({
      data: {
        entryId,
        guardianName: "Rosa Reyes",
        guardianEmail: "rosa@example.org",
        tokenHash: keyedHash("guardian", "the-token"),
        expiresAt: new Date(now().getTime() + 24 * 60 * 60 * 1000),
      },
    });
    const page = () =>
      guardianLoader({ request: getRequest("/guardian?token=the-token"), context: context(), params: {} });
    const answer = async () =>
      settle(async () =>
        guardianAction({
          request: formRequest("/guardian", {
            token: "the-token",
            decision: "consented",
            revision: String((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).revision),
          }),
          context: context(),
          params: {},
        }),
      );
    expect((await page()).entry).toMatchObject({ ready: false, media: [] });
    expect(problemKeys(await answer())).toEqual(["guardianPage.notReady"]);
    expect((await db.guardianConsent.findFirstOrThrow()).decision).toBeNull();

    await entries.runJobsUntilIdle();
    const shown = (await page()).entry!;
    expect(shown.ready).toBe(true);
    expect(shown.media).toHaveLength(1);
    expect(answerBody(await answer())).toMatchObject({ answered: "consented" });
  });
});

describe("an iPhone's HDR video (10-bit HLG)", () => {
  // (that the tone mapping looks right is not measured here: the test pattern is not graded as HDR)
  it("is made into 8-bit BT.709 H.264 that every browser plays", async () => {
    const file = path.join(dir, "IMG_0044.MOV");
    await phoneClip(file, { seconds: 1, width: 1280, height: 720, hdr: true });
    expect(await probe(file)).toMatchObject({
      streams: expect.arrayContaining([
        expect.objectContaining({ codec_name: "hevc", pix_fmt: "yuv420p10le", color_transfer: "arib-std-b67" }),
      ]),
    });
    const asset = await readyUpload("hdr@example.org", "video", "IMG_0044.MOV", "video/quicktime", readFileSync(file));
    for (const key of [asset.webKey!, asset.lightKey!]) {
      expect(await stored(key)).toMatchObject({ video: { codec: "h264" }, pixels: "yuv420p", transfer: "bt709" });
    }
  });
});

describe("every recording among the media fixtures", () => {
  it.each([
    // file, type, category, what players get: the renditions' codecs and the light one's presence
    ["video-3s.mp4", "video/mp4", "video", { video: "h264", audio: "aac", light: false }],
    ["video-2s.webm", "video/webm", "video", { video: "h264", audio: null, light: false }], // VP9, no sound
    ["audio-2s.wav", "audio/wav", "audio", { video: undefined, audio: "aac", light: false }],
  ])("%s is ready with a web rendition", async (name, type, category, expected) => {
    const asset = await readyUpload(`${name}@example.org`, category, name, type);
    const web = await stored(asset.webKey!);
    expect({ video: web.video?.codec, audio: web.audio, light: asset.lightKey !== null }).toEqual(expected);
    expect(web.personal).toBe(false);
  });
});

describe("sound", () => {
  it("in WAV gets an AAC rendition to play; MP3 plays as it is", async () => {
    const wavAsset = await readyUpload("sound@example.org", "audio", "audio-2s.wav", "audio/wav");
    expect(wavAsset.webKey).toMatch(/\.m4a$/);
    expect(wavAsset.lightKey).toBeNull();
    expect(await stored(wavAsset.webKey!)).toMatchObject({ video: undefined, audio: "aac", personal: false });
    expect((await viewableMedia([wavAsset]))[0]!.url).toContain(wavAsset.webKey!);

    const mp3Asset = await readyUpload("mp3@example.org", "audio", "audio-3s.mp3", "audio/mpeg");
    expect(mp3Asset).toMatchObject({ state: "verified", webKey: null });
    expect(await db.job.count({ where: { type: "media.prepare" } })).toBe(1); // the WAV's alone
    expect((await viewableMedia([mp3Asset]))[0]!.url).toContain(mp3Asset.objectKey);
  });
});
