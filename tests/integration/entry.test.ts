import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { action as entryAction, loader as entryLoader } from "~/routes/entries.$id";
import { action as captionsAction } from "~/routes/entries.$id_.captions";
import { loader as captionsLoader } from "~/routes/entries.$id_.captions_.$assetId[.vtt]";
import { action as coCreatorAction } from "~/routes/entries.$id_.co-creators";
import { action as draftAction } from "~/routes/entries.$id_.draft";
import { action as guardianRequestAction } from "~/routes/entries.$id_.guardian";
import { action as releaseAction } from "~/routes/entries.$id_.releases";
import { action as guardianAction, loader as guardianLoader } from "~/routes/guardian";
import { giveUpOnAsset } from "~/models/media-verify.server";
import { joinParts } from "~/models/media-upload.server";
import { probe, withMetadata } from "~/services/ffmpeg.server";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { storage } from "~/services/storage.server";
import { jobHandlers, scheduleSweep } from "~/jobs.server";
import { resetToDemoContest, TODAY } from "../support/contest";
import { answerBody, context, formRequest, getRequest, problemKeys, settle } from "../support/http";
import { mailbox } from "../support/mailbox";
import { wav } from "../support/wav";
import {
  completeParts,
  entrant,
  fixture,
  media,
  partUrls,
  resumeUpload,
  save,
  sendFile,
  sendFilePart,
  start,
  startUpload,
  runJobsUntilIdle,
  upload,
} from "../support/entries";

const complete = {
  title: "Hands that rebuild",
  summary: "A short film about a prosthetics workshop run by survivors.",
  statement: "Assistance is a whole community learning to make room.",
  language: "Filipino",
  aiUse: "none",
  aiUseDetails: "",
  transcript: "Narrator: We make legs here, and we make friends.",
  originalWork: "on",
  licence: "on",
  identifiablePeople: "yes",
  releases: "on",
  showsSurvivors: "yes",
  showsExactLocations: "no",
  graphicContent: "no",
};

/** One release, as the entry page's form sends it; `complete` says people can be recognised. */
function addRelease(cookie: string, entryId: string, fields = { person: "Amira N.", consentGivenBy: "Amira N." }) {
  return settle(() =>
    releaseAction({
      request: formRequest(`/entries/${entryId}/releases`, fields, { cookie }),
      context: context(),
      params: { id: entryId },
    }),
  );
}

/** The entry form sent as the browser sends it, with the revision it was loaded at. */
function submitAt(cookie: string, entryId: string, revision: string) {
  return settle(() =>
    entryAction({
      request: formRequest(`/entries/${entryId}`, { ...complete, intent: "submit", revision }, { cookie }),
      context: context(),
      params: { id: entryId },
    }),
  ) as Promise<Response>;
}

beforeEach(resetToDemoContest);

/** An entrant's new Audio entry. */
async function audioEntry(email: string) {
  const { cookie } = await entrant(email);
  const entryId = (await start(cookie, "audio")).headers.get("Location")!.split("/").pop()!;
  return { cookie, entryId };
}

/** An 18 MiB recording started in three parts, all of them sent to storage (not yet listed). */
async function partsSent(cookie: string, entryId: string, name = "take.wav") {
  const file = wav(18 * 1024 * 1024);
  const { assetId, partSize, urls } = await startUpload(cookie, entryId, name, "audio/wav", file.length);
  // sent with the URLs the start answered with: storage takes them as it takes the others
  const parts = await Promise.all([1, 2, 3].map((n) => sendFilePart(urls[n]!, file, partSize, n)));
  return { file, assetId, partSize, parts };
}

describe("an entrant's journey", () => {
  it("starts a Video entry, uploads video-3s.mp4, submits it and gets a reference code and one receipt", async () => {
    const { cookie } = await entrant("amaya@example.org");
    const started = await start(cookie, "video");
    expect(started.status).toBe(302);
    const entryId = started.headers.get("Location")!.split("/").pop()!;

    const video = await upload(cookie, entryId, "video-3s.mp4", "video/mp4");
    expect(video).toMatchObject({ state: "verified", rejection: null });
    await addRelease(cookie, entryId);
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: video.assetId } });
    expect(asset).toMatchObject({ detectedType: "video/mp4", width: 320, height: 240, originalName: "video-3s.mp4" });
    expect(asset.durationSec).toBeCloseTo(3, 0);
    expect(asset.objectKey).not.toContain("video-3s");
    // the checked bytes were moved away from the key the upload URL can still write to
    expect(asset.objectKey).not.toBe(video.uploadKey);
    expect(await storage().head(video.uploadKey)).toBeNull();
    expect(await storage().head(asset.objectKey)).toMatchObject({ size: fixture("video-3s.mp4").length });
    // a poster frame for pages and judges' queues
    const poster = await sharp(Buffer.from(await storage().getBytes(asset.previewKey!))).metadata();
    expect(poster).toMatchObject({ format: "webp", width: 320, height: 240 });

    const revision = String((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).revision);
    const click = () => submitAt(cookie, entryId, revision);
    const submitted = await click();
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("Location")).toBe(`/entries/${entryId}/submitted`);
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(entry).toMatchObject({ status: "submitted", referenceCode: "YHD25-0001" });
    expect(entry.originalWorkAt).toEqual(TODAY);

    // a double click, a retried request: the same form, the same revision, twice more
    for (const again of await Promise.all([click(), click()])) {
      expect(again.headers.get("Location")).toBe(`/entries/${entryId}/submitted`);
    }
    expect(await db.entry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({
      status: "submitted",
      referenceCode: "YHD25-0001",
    });
    await runDueJobs(jobHandlers);
    expect(await db.email.findMany({ select: { status: true, lastError: true } })).toEqual([
      { status: "sent", lastError: null },
    ]);
    const receipts = mailbox().messages();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.subject).toBe("Entry received: YHD25-0001 — Hands that rebuild");
  });

  it("keeps no EXIF or GPS in any stored copy of photo-with-gps.jpg", async () => {
    const { cookie } = await entrant("photographer@example.org");
    const entryId = (await start(cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const photo = await upload(cookie, entryId, "photo-with-gps.jpg", "image/jpeg");
    expect(photo.state).toBe("verified");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: photo.assetId } });
    expect(await storage().head(photo.uploadKey)).toBeNull(); // the original, with its GPS, is gone
    for (const key of [asset.cleanKey!, asset.previewKey!]) {
      const bytes = Buffer.from(await storage().getBytes(key));
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
      for (const trace of ["GPS", "TestCam", "Private Person"]) expect(bytes.toString("latin1")).not.toContain(trace);
    }
  });

  it("keeps no place, device or author in a stored video", async () => {
    const { cookie } = await entrant("filmmaker@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const tagged = path.join(tmpdir(), `tagged-${Date.now()}.mp4`);
    await withMetadata(path.resolve("tests/fixtures/media/video-3s.mp4"), tagged, {
      location: "+14.5995+120.9842/",
      artist: "Private Person",
      title: "At the clinic in Barangay 12",
    });
    const original = await probe(tagged);
    expect(original?.format?.tags).toMatchObject({ artist: "Private Person" }); // the tags really are there

    const video = await upload(cookie, entryId, "tagged.mp4", "video/mp4", readFileSync(tagged));
    expect(video.state).toBe("verified");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: video.assetId } });
    // the fingerprint is the uploaded file's, read by the check beside the copy: the original is not kept
    expect(asset.sha256).toBe(createHash("sha256").update(readFileSync(tagged)).digest("hex"));
    expect(await db.job.count({ where: { type: "media.fingerprint" } })).toBe(0);
    const stored = path.join(tmpdir(), `stored-${Date.now()}.mp4`);
    writeFileSync(stored, await storage().getBytes(asset.objectKey));
    const kept = await probe(stored);
    const tags = JSON.stringify([kept?.format?.tags, ...(kept?.streams ?? []).map((s) => s.tags)]);
    for (const trace of ["Private Person", "14.5995", "Barangay"]) expect(tags).not.toContain(trace);
    expect(Buffer.from(await storage().getBytes(asset.objectKey)).toString("latin1")).not.toContain("Private Person");
    expect(kept?.format?.duration).toBeDefined(); // still a playable video
  });

  it("keeps no author in a stored PDF", async () => {
    const { cookie } = await entrant("writer@example.org");
    const entryId = (await start(cookie, "written-work")).headers.get("Location")!.split("/").pop()!;
    const essay = await PDFDocument.load(fixture("essay.pdf"));
    essay.setAuthor("Private Person");
    essay.setCreator("Private Person's laptop");
    const bytes = Buffer.from(await essay.save({ useObjectStreams: false }));
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getAuthor()).toBe("Private Person");

    const uploaded = await upload(cookie, entryId, "essay.pdf", "application/pdf", bytes);
    expect(uploaded.state).toBe("verified");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: uploaded.assetId } });
    const stored = Buffer.from(await storage().getBytes(asset.objectKey));
    // pdf-lib writes strings as UTF-16 hex: look for that form too
    const hex = Buffer.from("\ufeffPrivate Person", "utf16le").swap16().toString("hex").toUpperCase();
    expect(stored.toString("latin1").toUpperCase()).not.toContain(hex);
    const kept = await PDFDocument.load(stored, { updateMetadata: false });
    expect(kept.getPageCount()).toBe(1);
    expect(kept.getAuthor() ?? "").toBe("");
    expect(kept.getCreator() ?? "").toBe("");
  });

  it("refuses a file whose content is not what it claims, deletes it, and says why", async () => {
    const { cookie } = await entrant("trickster@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const result = await upload(cookie, entryId, "not-a-video.mp4", "video/mp4");
    expect(result).toMatchObject({ state: "rejected", rejection: { key: "media.rejected.wrongType" } });
    expect(await storage().head(result.uploadKey)).toBeNull();
  });

  it("refuses before upload a file too large or of the wrong type, and creates nothing", async () => {
    const { cookie } = await entrant("big@example.org");
    const entryId = (await start(cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const big = await media(cookie, entryId, {
      intent: "start",
      name: "huge.jpg",
      type: "image/jpeg",
      size: String(30 * 1024 * 1024),
    });
    expect(problemKeys(big)).toEqual(["media.rejected.tooLarge"]);
    const gif = await media(cookie, entryId, { intent: "start", name: "a.gif", type: "image/gif", size: "100" });
    expect(answerBody(gif).result?.status).toBe("error");
    expect(await db.mediaAsset.count()).toBe(0);
  });

  it("lists what is missing and refuses to submit an incomplete entry", async () => {
    const { cookie } = await entrant("hasty@example.org");
    const entryId = (await start(cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const result = await save(cookie, entryId, { title: "Only a title" }, "submit");
    const keys = problemKeys(result);
    expect(keys).toEqual(
      expect.arrayContaining([
        "missing.summary",
        "missing.statement",
        "missing.media",
        "missing.licence",
        "missing.doNoHarm",
      ]),
    );
    expect(keys).not.toContain("missing.title");
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe("draft");
  });

  it("answers each autosave with what the entry still lacks, so the page's list follows the typing", async () => {
    const { cookie } = await entrant("typing@example.org");
    const entryId = (await start(cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const draft = (fields: Record<string, string>, revision: number) =>
      settle(() =>
        draftAction({
          request: formRequest(`/entries/${entryId}/draft`, { ...fields, revision: String(revision) }, { cookie }),
          context: context(),
          params: { id: entryId },
        }),
      );
    type Saved = { revision: number; missing: { key: string }[] };
    const loaded = await entryLoader({
      request: getRequest(`/entries/${entryId}`, { cookie }),
      context: context(),
      params: { id: entryId },
    });
    const first = answerBody<Saved>(await draft({ title: "Only a title" }, loaded.entry.revision));
    expect(first.missing.map((p) => p.key)).toEqual(expect.arrayContaining(["missing.summary", "missing.media"]));
    expect(first.missing.map((p) => p.key)).not.toContain("missing.title");
    const second = answerBody<Saved>(await draft({ title: "Only a title", summary: "Now a summary" }, first.revision));
    expect(second.missing.map((p) => p.key)).not.toContain("missing.summary");
    expect(second.missing.map((p) => p.key)).toContain("missing.media");
  });

  it("refuses a submission after the deadline (and its grace period) by the server's clock", async () => {
    const { user, cookie: early } = await entrant("late@example.org");
    const entryId = (await start(early, "video")).headers.get("Location")!.split("/").pop()!;
    await upload(early, entryId, "video-3s.mp4", "video/mp4");
    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.deadline.getTime() + (contest.graceMinutes + 1) * 60_000));
    const cookie = (await createSession(user.id)).split(";")[0]!;
    const result = await save(cookie, entryId, complete, "submit");
    expect(problemKeys(result)).toContain("missing.late");
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe("draft");
  });

  it("refuses a second save from a stale tab instead of overwriting", async () => {
    const { cookie } = await entrant("tabs@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const send = (title: string, revision: number) =>
      settle(() =>
        entryAction({
          request: formRequest(
            `/entries/${entryId}`,
            { title, intent: "save", revision: String(revision) },
            { cookie },
          ),
          context: context(),
          params: { id: entryId },
        }),
      );
    expect(answerBody(await send("From tab one", 0))).toMatchObject({ result: { status: "success" }, revision: 1 });
    const stale = (await send("From tab two", 0)) as { init: { status: number } };
    expect(stale.init.status).toBe(409);
    expect(problemKeys(stale)[0]).toBe("entry.conflict");
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).title).toBe("From tab one");
  });

  it("shows someone else's entry and its uploads to nobody but its entrant: 404", async () => {
    const owner = await entrant("owner@example.org");
    const other = await entrant("other@example.org");
    const entryId = (await start(owner.cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const asset = await upload(owner.cookie, entryId, "video-3s.mp4", "video/mp4");

    const peek = (await settle(() =>
      entryLoader({
        request: getRequest(`/entries/${entryId}`, { cookie: other.cookie }),
        context: context(),
        params: { id: entryId },
      }),
    )) as Response;
    expect(peek.status).toBe(404);
    expect(
      ((await save(other.cookie, entryId, { title: "Mine now" }).catch((r: Response) => r)) as Response).status,
    ).toBe(404);
    expect(
      ((await media(other.cookie, entryId, { intent: "remove", assetId: asset.assetId })) as Response).status,
    ).toBe(404);
    expect(
      (
        (await media(other.cookie, entryId, {
          intent: "start",
          name: "x.mp4",
          type: "video/mp4",
          size: "10",
        })) as Response
      ).status,
    ).toBe(404);
    expect(await db.mediaAsset.count()).toBe(1);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).title).toBe("");
  });

  it("keeps an HTML or script payload as plain text", async () => {
    const { cookie } = await entrant("xss@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    await save(cookie, entryId, { title: '<script>alert("x")</script>', summary: "<img src=x onerror=alert(1)>" });
    const loaded = await entryLoader({
      request: getRequest(`/entries/${entryId}`, { cookie }),
      context: context(),
      params: { id: entryId },
    });
    expect(loaded.entry.title).toBe('<script>alert("x")</script>');
  });

  it("checks eligibility: age on the deadline and entries per category", async () => {
    const young = await entrant("young@example.org", "2010-01-01");
    const refused = await start(young.cookie, "video");
    expect(problemKeys(refused)[0]).toBe("eligibility.tooYoung");
    expect(await db.entry.count()).toBe(0);

    const { cookie } = await entrant("keen@example.org");
    expect((await start(cookie, "video")).status).toBe(302);
    const second = await start(cookie, "video");
    expect(problemKeys(second)[0]).toBe("eligibility.tooManyInCategory");
    expect(await db.entry.count({ where: { entrant: { email: "keen@example.org" } } })).toBe(1);
  });

  it("makes upload URLs that expire no later than the deadline", async () => {
    const { user, cookie: early } = await entrant("edge@example.org");
    const entryId = (await start(early, "photography")).headers.get("Location")!.split("/").pop()!;
    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.deadline.getTime() + contest.graceMinutes * 60_000 - 5_000));
    const cookie = (await createSession(user.id)).split(";")[0]!;
    const started = (await media(cookie, entryId, {
      intent: "start",
      name: "p.jpg",
      type: "image/jpeg",
      size: "100",
    })) as {
      data: { url: string };
    };
    expect(new URL(started.data.url).searchParams.get("X-Amz-Expires")).toBe("5");
  });
});

describe("submitting and changing", () => {
  it("makes one submission, one reference and one receipt from clicks that arrive together", async () => {
    const { cookie } = await entrant("eager@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    await upload(cookie, entryId, "video-3s.mp4", "video/mp4");
    await addRelease(cookie, entryId);
    const revision = String((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).revision);
    const click = () => submitAt(cookie, entryId, revision);
    const answers = await Promise.all([click(), click(), click()]);
    for (const answer of answers) expect(answer.headers.get("Location")).toBe(`/entries/${entryId}/submitted`);
    await runDueJobs(jobHandlers);
    expect(mailbox().messages()).toHaveLength(1);
    expect((await db.contest.findFirstOrThrow()).lastEntryNumber).toBe(1);
  });

  it("turns a submitted entry back into a draft when its files change, until it is submitted again", async () => {
    const { cookie } = await entrant("changer@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const video = await upload(cookie, entryId, "video-3s.mp4", "video/mp4");
    await addRelease(cookie, entryId);
    expect(((await save(cookie, entryId, complete, "submit")) as Response).status).toBe(302);
    await media(cookie, entryId, { intent: "remove", assetId: video.assetId });
    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(entry).toMatchObject({ status: "draft", referenceCode: "YHD25-0001" });
    const again = await save(cookie, entryId, complete, "submit");
    expect(problemKeys(again)).toContain("missing.media");
  });

  it("refuses to complete, describe or remove another entrant's upload", async () => {
    const owner = await entrant("owner3@example.org");
    const other = await entrant("other3@example.org");
    const ownerEntry = (await start(owner.cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const otherEntry = (await start(other.cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const photo = await upload(owner.cookie, ownerEntry, "photo.jpg", "image/jpeg");
    for (const [entryId, intent] of [
      [ownerEntry, "complete"],
      [ownerEntry, "alt"],
      [otherEntry, "alt"], // the other's own entry, with the owner's asset id
      [otherEntry, "remove"],
    ] as const) {
      const answer = (await media(other.cookie, entryId, {
        intent,
        assetId: photo.assetId,
        altText: "mine",
      })) as Response;
      expect(answer.status, `${intent} on ${entryId === ownerEntry ? "owner's" : "own"} entry`).toBe(404);
    }
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: photo.assetId } })).toMatchObject({
      altText: "",
      state: "verified",
    });
  });
});

describe("withdrawing", () => {
  it("takes an entry out until the deadline, frees its place, and refuses after the deadline or for others", async () => {
    const { user, cookie } = await entrant("leaver@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const other = await entrant("stranger@example.org");
    const withdraw = (who: string) =>
      settle(() =>
        entryAction({
          request: formRequest(`/entries/${entryId}`, { intent: "withdraw" }, { cookie: who }),
          context: context(),
          params: { id: entryId },
        }),
      ) as Promise<Response>;
    expect((await withdraw(other.cookie)).status).toBe(404);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe("draft");

    const contest = await db.contest.findFirstOrThrow();
    setNow(new Date(contest.deadline.getTime() + (contest.graceMinutes + 1) * 60_000));
    // signed in again, since a session ends after 14 idle days
    const late = (await createSession(user.id)).split(";")[0]!;
    expect((await withdraw(late)).status).toBe(404);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).status).toBe("draft");
    setNow(TODAY);

    const done = await withdraw(cookie);
    expect(done.headers.get("Location")).toBe("/entries");
    expect(await db.entry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({
      status: "withdrawn",
      withdrawnAt: TODAY,
    });
    // the page is gone, and the category's one place is free again
    const page = (await settle(() =>
      entryLoader({
        request: getRequest(`/entries/${entryId}`, { cookie }),
        context: context(),
        params: { id: entryId },
      }),
    )) as Response;
    expect(page.status).toBe(404);
    expect((await start(cookie, "video")).status).toBe(302);
  });
});

describe("a check that keeps failing", () => {
  it("refuses the file after the last try, deletes the bytes, and tells the entrant", async () => {
    const { cookie } = await entrant("unlucky@example.org");
    const entryId = (await start(cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const sent = await sendFile(cookie, entryId, "photo.jpg", "image/jpeg", fixture("photo-with-gps.jpg"));
    await media(cookie, entryId, { intent: "complete", assetId: sent.assetId });
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: sent.assetId } });
    expect(asset.state).toBe("uploaded");

    await giveUpOnAsset(asset.id);
    expect(await storage().head(asset.objectKey)).toBeNull();
    const status = answerBody(await media(cookie, entryId, { intent: "status", assetId: asset.id }));
    expect(status).toMatchObject({ state: "rejected", rejection: { key: "media.rejected.corrupt" } });
  });
});

describe("a join that storage never made", () => {
  it("puts the upload back to pending after the last try, and the same file is sent again whole", async () => {
    const { cookie, entryId } = await audioEntry("storage-was-down@example.org");
    const { file, assetId, partSize, parts } = await partsSent(cookie, entryId);
    await completeParts(cookie, entryId, assetId, parts);

    await giveUpOnAsset(assetId); // every try of the check found storage down
    const status = answerBody(await media(cookie, entryId, { intent: "status", assetId }));
    expect(status).toMatchObject({ state: "pending", rejection: { key: "upload.partsMissing" } });
    const resumed = answerBody(await resumeUpload(cookie, entryId, assetId, file.length, "audio/wav"));
    expect(resumed).toMatchObject({ resume: { partCount: 3, sendAll: true } });

    const again = await partUrls(cookie, entryId, assetId, [1, 2, 3]);
    const sent = await Promise.all([1, 2, 3].map((n) => sendFilePart(again[n]!, file, partSize, n)));
    expect(answerBody(await completeParts(cookie, entryId, assetId, sent))).toMatchObject({
      state: "uploaded",
      rejection: null,
    });
    await runJobsUntilIdle();
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } })).toMatchObject({
      state: "verified",
      uploadId: null,
      rejection: null,
    });
  });
});

describe("abandoned uploads", () => {
  it("are swept after a day by the hourly job: parts aborted, rows removed, finished files kept", async () => {
    const { cookie } = await entrant("wanderer@example.org");
    const entryId = (await start(cookie, "photography")).headers.get("Location")!.split("/").pop()!;
    const kept = await upload(cookie, entryId, "photo.jpg", "image/jpeg");
    await media(cookie, entryId, {
      intent: "start",
      name: "never-finished.jpg",
      type: "image/jpeg",
      size: String(20 * 1024 * 1024),
    });
    expect(await db.mediaAsset.count()).toBe(2);

    expect(await scheduleSweep(1)).toBe(true);
    expect(await scheduleSweep(1)).toBe(false); // another instance asking for the same hour
    setNow(new Date(TODAY.getTime() + 25 * 60 * 60 * 1000));
    await runDueJobs(jobHandlers);
    expect(await db.mediaAsset.findMany({ select: { id: true } })).toEqual([{ id: kept.assetId }]);
    // and the next sweep is queued
    expect(await db.job.count({ where: { type: "media.sweep", status: "queued" } })).toBe(1);
  });
});

describe("large uploads", () => {
  // An 18 MiB WAV (silence): big enough for three 8 MiB parts, and a real file for ffprobe.
  it("sends a large file in parts, resumes after a drop with only the missing parts, and checks the whole", async () => {
    const { cookie } = await entrant("podcaster@example.org");
    const entryId = (await start(cookie, "audio")).headers.get("Location")!.split("/").pop()!;
    const file = wav(18 * 1024 * 1024);
    const started = await startUpload(cookie, entryId, "episode.wav", "audio/wav", file.length);
    expect(started).toMatchObject({ mode: "multipart", partSize: 8 * 1024 * 1024, partCount: 3 });
    // the first parts' URLs come with the start, so the first parts go without a request more
    expect(Object.keys(started.urls)).toEqual(["1", "2", "3"]);
    const { assetId, partSize } = started;
    const sendPart = async (n: number) =>
      sendFilePart((await partUrls(cookie, entryId, assetId, [n]))[n]!, file, partSize, n);
    const first = [await sendPart(1), await sendPart(2)];

    // The connection drops; the page reloads; the same file is picked again.
    const resumed = await resumeUpload(cookie, entryId, assetId, file.length, "audio/wav");
    expect(answerBody(resumed)).toMatchObject({ resume: { partCount: 3 } });
    const other = await resumeUpload(cookie, entryId, assetId, 123, "audio/wav");
    expect(answerBody(other).resume).toBeNull(); // another file cannot continue this upload
    const last = await sendPart(3);

    const joined = answerBody<{ state: string }>(await completeParts(cookie, entryId, assetId, [...first, last]));
    expect(joined.state).toBe("uploaded");
    // The answer was lost on the way; the browser asks again and learns the same, once.
    const again = await completeParts(cookie, entryId, assetId, [...first, last]);
    expect(answerBody(again)).toMatchObject({ result: { status: "success" }, state: "uploaded" });
    expect(await db.job.count({ where: { type: "media.verify" } })).toBe(1);
    await runJobsUntilIdle();
    expect(answerBody(await media(cookie, entryId, { intent: "status", assetId })).state).toBe("verified");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset).toMatchObject({ detectedType: "audio/wav", size: file.length, uploadId: null });
    expect(asset.durationSec).toBeGreaterThan(50);
  });

  it("finishes an upload that storage joined when this server failed to note it", async () => {
    const { cookie, entryId } = await audioEntry("podcaster@example.org");
    const { file, assetId, parts } = await partsSent(cookie, entryId, "episode.wav");
    // Storage joins the parts, then the server stops before it notes so.
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    await storage().completeMultipart(asset.objectKey, asset.uploadId!, parts);

    const joined = await completeParts(cookie, entryId, assetId, parts);
    expect(answerBody(joined)).toMatchObject({ result: { status: "success" }, state: "uploaded" });
    await runJobsUntilIdle();
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } })).toMatchObject({
      state: "verified",
      uploadId: null,
      size: file.length,
    });
  });

  it("answers the entrant once the parts are listed, and has storage join them in the check", async () => {
    const { cookie, entryId } = await audioEntry("quick-finish@example.org");
    const { file, assetId, parts } = await partsSent(cookie, entryId);

    const listed = await completeParts(cookie, entryId, assetId, parts);
    expect(answerBody(listed)).toMatchObject({ state: "uploaded" });
    // answered before storage joined anything: the upload is still open, its check queued with the parts
    const waiting = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(waiting).toMatchObject({ state: "uploaded", uploadId: expect.any(String) as string });
    expect(await storage().head(waiting.objectKey)).toBeNull();
    const job = await db.job.findFirstOrThrow({ where: { type: "media.verify", status: "queued" } });
    expect(JSON.parse(job.payload)).toEqual({ assetId, parts });
    // asked again (its answer lost on a slow connection): the same answer, and no second check
    expect(answerBody(await completeParts(cookie, entryId, assetId, parts))).toMatchObject({ state: "uploaded" });
    expect(await db.job.count({ where: { type: "media.verify" } })).toBe(1);

    await runJobsUntilIdle();
    const checked = await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
    expect(checked).toMatchObject({ state: "verified", uploadId: null, size: file.length });
    expect(await storage().head(checked.objectKey)).toMatchObject({ size: file.length });
  });

  it("leaves nothing in storage when the file is removed before or while its parts are joined", async () => {
    const { cookie, entryId } = await audioEntry("changed-mind@example.org");
    const upload = async () => {
      const { file, assetId, parts } = await partsSent(cookie, entryId);
      await completeParts(cookie, entryId, assetId, parts);
      return { asset: await db.mediaAsset.findUniqueOrThrow({ where: { id: assetId } }), parts, file };
    };
    // removed before its check ran: the check finds nothing to join
    const before = await upload();
    await media(cookie, entryId, { intent: "remove", assetId: before.asset.id });
    await runJobsUntilIdle();
    expect(await storage().head(before.asset.objectKey)).toBeNull();
    // removed while storage joined it (the row gone once the join is done): the joined file is deleted
    const during = await upload();
    await db.mediaAsset.delete({ where: { id: during.asset.id } });
    expect(await joinParts({ ...during.asset, uploadId: during.asset.uploadId! }, during.parts)).toBe(false);
    expect(await storage().head(during.asset.objectKey)).toBeNull();
    // joined and noted by another try of the same check meanwhile: that try's file is kept
    const twice = await upload();
    await storage().completeMultipart(twice.asset.objectKey, twice.asset.uploadId!, twice.parts);
    await db.mediaAsset.update({ where: { id: twice.asset.id }, data: { uploadId: null } });
    expect(await joinParts({ ...twice.asset, uploadId: twice.asset.uploadId! }, twice.parts)).toBe(false);
    expect(await storage().head(twice.asset.objectKey)).toMatchObject({ size: twice.file.length });
  });

  it("refuses parts for someone else's upload", async () => {
    const owner = await entrant("owner2@example.org");
    const other = await entrant("other2@example.org");
    const entryId = (await start(owner.cookie, "audio")).headers.get("Location")!.split("/").pop()!;
    const started = (await media(owner.cookie, entryId, {
      intent: "start",
      name: "big.wav",
      type: "audio/wav",
      size: String(20 * 1024 * 1024),
    })) as { data: { assetId: string } };
    const stolen = (await media(other.cookie, entryId, {
      intent: "parts",
      assetId: started.data.assetId,
      parts: "1",
    })) as Response;
    expect(stolen.status).toBe(404);
  });
});

describe("co-creators", () => {
  const coCreators = async (cookie: string, entryId: string, fields: Record<string, string>) =>
    settle(() =>
      coCreatorAction({
        request: formRequest(`/entries/${entryId}/co-creators`, fields, { cookie }),
        context: context(),
        params: { id: entryId },
      }),
    );

  it("are added with their confirmed eligibility, removed, and refused when incomplete", async () => {
    const { cookie } = await entrant("duo@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const added = await coCreators(cookie, entryId, { name: "Lina K.", email: "Lina@Example.org", eligible: "on" });
    expect(added).toMatchObject({ data: { result: { status: "success" } } });
    const [person] = await db.coCreator.findMany();
    expect(person).toMatchObject({ name: "Lina K.", email: "lina@example.org", eligibleConfirmedAt: TODAY });

    const unconfirmed = await coCreators(cookie, entryId, { name: "Someone", email: "someone@example.org" });
    expect(problemKeys(unconfirmed, "eligible")).toEqual(["coCreators.confirmNeeded"]);
    const badEmail = await coCreators(cookie, entryId, { name: "Someone", email: "nope", eligible: "on" });
    expect(problemKeys(badEmail, "email")).toEqual(["errors.emailInvalid"]);
    expect(await db.coCreator.count()).toBe(1);

    expect(await coCreators(cookie, entryId, { intent: "remove", itemId: person!.id })).toMatchObject({
      data: { result: { status: "success" } },
    });
    expect(await db.coCreator.count()).toBe(0);
  });

  it("of someone else's entry cannot be added or removed", async () => {
    const owner = await entrant("owner4@example.org");
    const other = await entrant("other4@example.org");
    const entryId = (await start(owner.cookie, "video")).headers.get("Location")!.split("/").pop()!;
    await coCreators(owner.cookie, entryId, { name: "Lina K.", email: "lina@example.org", eligible: "on" });
    const person = await db.coCreator.findFirstOrThrow();
    expect(
      ((await coCreators(other.cookie, entryId, { name: "X", email: "x@example.org", eligible: "on" })) as Response)
        .status,
    ).toBe(404);
    expect(
      ((await coCreators(other.cookie, entryId, { intent: "remove", itemId: person.id })) as Response).status,
    ).toBe(404);
    expect(await db.coCreator.count()).toBe(1);
  });
});

describe("releases", () => {
  it("are needed for each recognisable person, added with who consented, and removed", async () => {
    const { cookie } = await entrant("portrait@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    await upload(cookie, entryId, "video-3s.mp4", "video/mp4");
    const before = await save(cookie, entryId, complete, "submit");
    expect(problemKeys(before)).toEqual(["missing.releaseList"]);

    const incomplete = await addRelease(cookie, entryId, { person: "Child in red", consentGivenBy: "" });
    expect(problemKeys(incomplete, "consentGivenBy")).toEqual(["errors.required"]);
    expect(await db.release.count()).toBe(0);

    await addRelease(cookie, entryId, { person: "Child in red", minor: "on", consentGivenBy: "Rosa M." } as never);
    const [release] = await db.release.findMany();
    expect(release).toMatchObject({ person: "Child in red", minor: true, consentGivenBy: "Rosa M." });
    expect(((await save(cookie, entryId, complete, "submit")) as Response).status).toBe(302);

    const removed = await settle(() =>
      releaseAction({
        request: formRequest(`/entries/${entryId}/releases`, { intent: "remove", itemId: release!.id }, { cookie }),
        context: context(),
        params: { id: entryId },
      }),
    );
    expect(removed).toMatchObject({ data: { result: { status: "success" } } });
    // removing a release is a change: the entry must be submitted again, and now cannot be
    expect(await db.entry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ status: "draft" });
  });

  it("of someone else's entry cannot be added or removed", async () => {
    const owner = await entrant("owner5@example.org");
    const other = await entrant("other5@example.org");
    const entryId = (await start(owner.cookie, "video")).headers.get("Location")!.split("/").pop()!;
    await addRelease(owner.cookie, entryId);
    const release = await db.release.findFirstOrThrow();
    expect(((await addRelease(other.cookie, entryId)) as Response).status).toBe(404);
    const removed = (await settle(() =>
      releaseAction({
        request: formRequest(
          `/entries/${entryId}/releases`,
          { intent: "remove", itemId: release.id },
          {
            cookie: other.cookie,
          },
        ),
        context: context(),
        params: { id: entryId },
      }),
    )) as Response;
    expect(removed.status).toBe(404);
    expect(await db.release.count()).toBe(1);
  });
});

describe("captions", () => {
  const vtt = (text: string) => new Blob([text], { type: "text/vtt" });
  const GOOD =
    "WEBVTT\n\n00:00.000 --> 00:01.500\nWe make legs here,\n\n00:01.500 --> 00:03.000\nand we make friends.\n";

  function sendCaptions(cookie: string, entryId: string, fields: Record<string, string | Blob>) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields))
      body.append(name, value, ...((value instanceof Blob ? ["captions.vtt"] : []) as []));
    return settle(() =>
      captionsAction({
        request: new Request(`http://localhost:3000/entries/${entryId}/captions`, {
          method: "POST",
          body,
          headers: { cookie, origin: "http://localhost:3000" },
        }),
        context: context(),
        params: { id: entryId },
      }),
    );
  }

  it("are checked against the video, stored, served to the owner, and stand in for a transcript", async () => {
    const { cookie } = await entrant("captions@example.org");
    const entryId = (await start(cookie, "video")).headers.get("Location")!.split("/").pop()!;
    const video = await upload(cookie, entryId, "video-3s.mp4", "video/mp4");
    await addRelease(cookie, entryId);
    const withoutTranscript = { ...complete, transcript: "" };
    const before = await save(cookie, entryId, withoutTranscript, "submit");
    expect(problemKeys(before)).toEqual(["missing.transcript"]);

    const refusals: [string, string][] = [
      ["1\n00:00.000 --> 00:01.000\nHello", "captions.notWebVtt"],
      ["WEBVTT\n\n00:02.000 --> 00:01.000\nBackwards", "captions.badTiming"],
      ["WEBVTT\n\n00:00.000 --> 00:09.000\nLonger than the film", "captions.pastEnd"],
      ["WEBVTT\n\nNOTE only a note", "captions.noCues"],
    ];
    for (const [text, key] of refusals) {
      const refused = (await sendCaptions(cookie, entryId, {
        intent: "upload",
        assetId: video.assetId,
        captions: vtt(text),
      })) as { init: { status: number } };
      expect(refused.init.status).toBe(400);
      expect(problemKeys(refused)).toEqual([key]);
    }
    const huge = (await sendCaptions(cookie, entryId, {
      intent: "upload",
      assetId: video.assetId,
      captions: vtt(`WEBVTT\n\n${"00:00.000 --> 00:01.000\nla\n\n".repeat(20_000)}`),
    })) as { init: { status: number } };
    expect(huge.init.status).toBe(413);
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: video.assetId } })).captionsKey).toBeNull();

    const added = await sendCaptions(cookie, entryId, {
      intent: "upload",
      assetId: video.assetId,
      language: "Filipino",
      captions: vtt(`\uFEFF${GOOD.replaceAll("\n", "\r\n")}`),
    });
    expect(answerBody(added)).toMatchObject({ result: { status: "success" } });
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: video.assetId } });
    expect(asset).toMatchObject({ captionsLang: "Filipino" });
    const served = (await captionsLoader({
      request: getRequest(`/entries/${entryId}/captions/${video.assetId}.vtt`, { cookie }),
      context: context(),
      params: { id: entryId, assetId: video.assetId },
    })) as Response;
    expect(served.headers.get("Content-Type")).toBe("text/vtt; charset=utf-8");
    expect(await served.text()).toBe(GOOD);

    const other = await entrant("peeker@example.org");
    const peek = (await settle(() =>
      captionsLoader({
        request: getRequest(`/entries/${entryId}/captions/${video.assetId}.vtt`, { cookie: other.cookie }),
        context: context(),
        params: { id: entryId, assetId: video.assetId },
      }),
    )) as Response;
    expect(peek.status).toBe(404);
    const forged = (await sendCaptions(other.cookie, entryId, {
      intent: "upload",
      assetId: video.assetId,
      captions: vtt(GOOD),
    })) as Response;
    expect(forged.status).toBe(404);

    expect(((await save(cookie, entryId, withoutTranscript, "submit")) as Response).status).toBe(302);

    // replacing captions removes the old file; removing them leaves nothing behind
    await sendCaptions(cookie, entryId, { intent: "upload", assetId: video.assetId, captions: vtt(GOOD) });
    expect(await storage().head(asset.captionsKey!)).toBeNull();
    const replaced = await db.mediaAsset.findUniqueOrThrow({ where: { id: video.assetId } });
    expect(answerBody(await sendCaptions(cookie, entryId, { intent: "remove", assetId: video.assetId }))).toMatchObject(
      {
        result: { status: "success" },
      },
    );
    expect(await storage().head(replaced.captionsKey!)).toBeNull();
    expect(await db.mediaAsset.findUniqueOrThrow({ where: { id: video.assetId } })).toMatchObject({
      captionsKey: null,
    });
  });
});

describe("a guardian's consent", () => {
  const SIXTEEN = "2010-01-01";

  async function youngEntrant() {
    await db.contest.updateMany({ data: { minAge: 13 } });
    const young = await entrant("teen@example.org", SIXTEEN);
    const entryId = (await start(young.cookie, "video")).headers.get("Location")!.split("/").pop()!;
    await upload(young.cookie, entryId, "video-3s.mp4", "video/mp4");
    await addRelease(young.cookie, entryId);
    return { ...young, entryId };
  }

  function ask(
    cookie: string,
    entryId: string,
    fields = { guardianName: "Rosa Reyes", guardianEmail: "rosa@example.org" },
  ) {
    return settle(() =>
      guardianRequestAction({
        request: formRequest(`/entries/${entryId}/guardian`, fields, { cookie }),
        context: context(),
        params: { id: entryId },
      }),
    );
  }

  async function linkToken() {
    await runDueJobs(jobHandlers);
    const email = mailbox()
      .messages()
      .find((m) => m.to.includes("rosa@example.org"));
    const link = /href="([^"]*\/guardian\?token=[^"]+)"/.exec(email?.html ?? "")?.[1];
    return new URL(link!.replaceAll("&amp;", "&")).searchParams.get("token")!;
  }

  const open = (token: string) =>
    guardianLoader({
      request: getRequest(`/guardian?${new URLSearchParams({ token })}`),
      context: context(),
      params: {},
    });
  const answer = (token: string, decision: string, revision: number) =>
    guardianAction({
      request: formRequest("/guardian", { token, decision, revision: String(revision) }),
      context: context(),
      params: {},
    });

  it("is needed under 18: the guardian gets a link, sees the entry, consents once, and then it can be submitted", async () => {
    const { cookie, entryId } = await youngEntrant();
    const before = await save(cookie, entryId, complete, "submit");
    expect(problemKeys(before)).toEqual(["missing.guardian.notAsked"]);

    const sameEmail = await ask(cookie, entryId, { guardianName: "Me", guardianEmail: "teen@example.org" });
    expect(problemKeys(sameEmail, "guardianEmail")).toEqual(["guardian.sameAsEntrant"]);
    expect(answerBody(await ask(cookie, entryId))).toMatchObject({ result: { status: "success" } });
    const token = await linkToken();
    const stored = await db.guardianConsent.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    // the link is blanked in the outbox once sent
    expect((await db.email.findFirstOrThrow({ where: { template: "guardian-request" } })).payload).not.toContain(token);

    const page = await open(token);
    expect(page.state).toBe("open");
    expect(page.entry).toMatchObject({ title: "Hands that rebuild", entrant: "Amaya Reyes", guardian: "Rosa Reyes" });
    expect(page.entry!.media[0]!.url).toMatch(/^http/);
    const pending = await save(cookie, entryId, complete, "submit");
    expect(problemKeys(pending)).toEqual(["missing.guardian.pending"]);

    expect(answerBody(await answer(token, "consented", page.entry!.revision))).toEqual({
      answered: "consented",
      result: { status: "success" },
    });
    expect(problemKeys(await answer(token, "refused", page.entry!.revision))).toEqual(["guardianPage.expired"]);
    // the link no longer shows the entry; it stays good for taking the consent back
    expect(await open(token)).toMatchObject({ state: "consented", entry: null });
    expect(await db.guardianConsent.findFirstOrThrow()).toMatchObject({ decision: "consented", decidedAt: TODAY });
    // the entrant hears of it once, however often the guardian clicks
    const told = await db.email.findMany({ where: { template: "guardian-answered" } });
    expect(told.map((e) => [e.to, JSON.parse(e.payload).decision])).toEqual([["teen@example.org", "consented"]]);
    expect(((await save(cookie, entryId, complete, "submit")) as Response).status).toBe(302);
  });

  it("holds for the entry as the guardian saw it: a change meanwhile or afterwards asks them again", async () => {
    const { cookie, entryId } = await youngEntrant();
    await ask(cookie, entryId);
    const token = await linkToken();
    const seen = (await open(token)).entry!.revision;
    await save(cookie, entryId, { ...complete, title: "A new title" });
    expect(problemKeys(await answer(token, "consented", seen))).toEqual(["guardianPage.changed"]);
    const again = await open(token);
    expect(again.entry!.title).toBe("A new title");
    expect(answerBody(await answer(token, "consented", again.entry!.revision))).toMatchObject({
      answered: "consented",
    });

    await save(cookie, entryId, { ...complete, title: "Changed after consent" });
    const after = await save(cookie, entryId, { ...complete, title: "Changed after consent" }, "submit");
    expect(problemKeys(after)).toEqual(["missing.guardian.changed"]);
  });

  it("can be refused, expires, and only the newest link works", async () => {
    const { cookie, entryId } = await youngEntrant();
    await ask(cookie, entryId);
    const first = await linkToken();
    mailbox().clear();
    await ask(cookie, entryId);
    const second = await linkToken();
    expect((await open(first)).state).toBe("unknown");
    expect(answerBody(await answer(second, "refused", (await open(second)).entry!.revision))).toMatchObject({
      answered: "refused",
    });
    const refused = await save(cookie, entryId, complete, "submit");
    expect(problemKeys(refused)).toEqual(["missing.guardian.refused"]);

    mailbox().clear();
    await ask(cookie, entryId);
    const third = await linkToken();
    setNow(new Date(TODAY.getTime() + 8 * 24 * 60 * 60 * 1000));
    expect((await open(third)).state).toBe("expired");
    expect(problemKeys(await answer(third, "consented", 0))).toEqual(["guardianPage.expired"]);
  });

  it("is not asked of adults, and nobody else can ask for someone's entry", async () => {
    const adult = await entrant("adult@example.org");
    const entryId = (await start(adult.cookie, "video")).headers.get("Location")!.split("/").pop()!;
    expect(((await ask(adult.cookie, entryId)) as Response).status).toBe(404);
    const young = await youngEntrant();
    expect(((await ask(adult.cookie, young.entryId)) as Response).status).toBe(404);
    expect(await db.guardianConsent.count()).toBe(0);
  });
});
