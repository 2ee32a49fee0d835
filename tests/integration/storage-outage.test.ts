import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startLink } from "../support/outage";

// Everything in this file reaches the real storage server through a link the tests cut and
// restore. The link is set before any of Mosaic's modules reads its configuration, which is why
// they are imported below rather than at the top.
const link = await startLink(inject("s3Endpoint"));
process.env.S3_ENDPOINT = link.url;

const { loader: entryLoader } = await import("~/routes/entries.$id");
const { createI18n } = await import("~/i18n");
const { advance } = await import("~/services/clock.server");
const { db } = await import("~/services/db.server");
const { runDueJobs } = await import("~/services/jobs.server");
const { storage } = await import("~/services/storage.server");
const { jobHandlers } = await import("~/jobs.server");
const { resetToDemoContest } = await import("../support/contest");
const { entrant, media, save, sendFile, startId, upload } = await import("../support/entries");
const { answerBody, context, getRequest, problemKeys } = await import("../support/http");

type Refused = { init: { status: number } };

beforeEach(async () => {
  link.restore();
  await resetToDemoContest();
});

afterAll(() => link.close());

describe("while storage is down", () => {
  it("an entrant's text is saved and an upload is refused with a message in their language, costing nothing", async () => {
    const { cookie } = await entrant("patient@example.org");
    const entryId = await startId(cookie, "photography");
    await upload(cookie, entryId, "photo.jpg", "image/jpeg");
    link.cut();

    expect(answerBody(await save(cookie, entryId, { title: "Written while storage was down" }))).toMatchObject({
      result: { status: "success" },
    });
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).title).toBe("Written while storage was down");
    // The entry page still opens, with its checked file.
    const page = await entryLoader({
      request: getRequest(`/entries/${entryId}`, { cookie }),
      context: context(),
      params: { id: entryId },
    });
    expect(page.media).toHaveLength(1);

    for (const size of [1000, 20 * 1024 * 1024]) {
      const refused = (await media(cookie, entryId, {
        intent: "start",
        name: "photo.jpg",
        type: "image/jpeg",
        size: String(size),
      })) as unknown as Refused;
      expect(refused.init.status).toBe(503);
      expect(problemKeys(refused)).toEqual(["upload.storageDown"]);
    }
    expect(createI18n("en").t("upload.storageDown")).toBe(
      "File storage is not answering right now, so the file was not sent. Your text is saved. Please try again in a few minutes.",
    );
    expect(createI18n("es").t("upload.storageDown")).toContain("Tu texto está guardado");
    // Nothing was started, so nothing holds a place or uses up the day's uploads.
    expect(await db.mediaAsset.count()).toBe(1);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "uploads:" } } })).toBe(1);

    link.restore();
    const started = await media(cookie, entryId, {
      intent: "start",
      name: "photo.jpg",
      type: "image/jpeg",
      size: "1000",
    });
    expect(answerBody(started).result?.status).toBe("success");
  });

  it("completing an upload is refused with the same message, and works once storage is back", async () => {
    const { cookie } = await entrant("finisher@example.org");
    const entryId = await startId(cookie, "photography");
    const sent = await sendFile(cookie, entryId, "photo.jpg", "image/jpeg");

    link.cut();
    const refused = (await media(cookie, entryId, {
      intent: "complete",
      assetId: sent.assetId,
    })) as unknown as Refused;
    expect(refused.init.status).toBe(503);
    expect(problemKeys(refused)).toEqual(["upload.storageDown"]);

    link.restore();
    expect(answerBody(await media(cookie, entryId, { intent: "complete", assetId: sent.assetId }))).toMatchObject({
      state: "uploaded",
    });
  });

  it("Remove forgets the file at once, and its bytes are deleted once storage is back", async () => {
    const { cookie } = await entrant("tidy@example.org");
    const entryId = await startId(cookie, "photography");
    const kept = await upload(cookie, entryId, "photo.jpg", "image/jpeg");
    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: kept.assetId } });
    const keys = [asset.objectKey, asset.cleanKey!, asset.previewKey!];
    link.cut();

    expect(answerBody(await media(cookie, entryId, { intent: "remove", assetId: kept.assetId }))).toEqual({
      result: { status: "success" },
    });
    expect(await db.mediaAsset.count()).toBe(0);
    await runDueJobs(jobHandlers); // storage still down: the deletion waits and is tried again
    expect(await db.job.findFirstOrThrow({ where: { type: "media.discard" } })).toMatchObject({
      status: "queued",
      attempts: 1,
    });

    link.restore();
    for (const key of keys) expect(await storage().head(key)).not.toBeNull();
    advance(60 * 60 * 1000);
    await runDueJobs(jobHandlers);
    expect(await db.job.findFirstOrThrow({ where: { type: "media.discard" } })).toMatchObject({ status: "done" });
    for (const key of keys) expect(await storage().head(key)).toBeNull();
  });
});
