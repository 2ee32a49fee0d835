import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { audioRendition, isHdr, probe, videoRenditions, type VideoRendition } from "~/services/ffmpeg.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import { readRecording } from "~/services/media-inspect.server";
import { newObjectKey, storage } from "~/services/storage.server";
import { prepareTimeoutMs, videoRenditionSides } from "./media";
import { submitWhenReady } from "./entry.server";
import { discardObjects, mediaPrefix, refuse } from "./media.server";
import { copyLimit } from "./media-verify.server";

/**
 * Makes the web renditions of a checked video or recording (the "media.prepare" job), so that
 * every judge, guardian and visitor can play it whatever their browser and connection: phones
 * record HEVC, which many browsers cannot show, and a 4K original is too heavy on a slow
 * connection. The original stays, for organizers to download. The file is ready ("verified")
 * once its renditions are stored; one that cannot be made twice is refused.
 */
export async function prepareAsset(assetId: string, { backfill = false }: { backfill?: boolean } = {}) {
  const asset = await db.mediaAsset.findUnique({
    where: { id: assetId },
    include: { entry: { select: { contestId: true, category: { select: { maxDurationSec: true } } } } },
  });
  // a backfill makes the renditions of a video verified before they existed, and keeps it verified
  const from = backfill ? "verified" : "preparing";
  if (!asset || asset.state !== from || !asset.detectedType || (backfill && asset.webKey)) return asset;
  const video = asset.detectedType.startsWith("video/");
  const timeoutMs = prepareTimeoutMs(asset.durationSec ?? 0, asset.entry.category.maxDurationSec);
  const dir = await mkdtemp(path.join(tmpdir(), "mosaic-prepare-"));
  const made: string[] = [];
  try {
    const original = path.join(dir, "original");
    // the checked bytes, or their copy without tags, which may be a little larger (bounded the same way)
    await storage().download(asset.objectKey, original, copyLimit(asset.size ?? asset.declaredSize));
    const started = Date.now();
    const outputs: { file: string; type: string; extension: string }[] = [];
    if (video) {
      const sides = videoRenditionSides(asset.width, asset.height);
      const renditions: VideoRendition[] = [{ output: path.join(dir, "web.mp4"), side: sides.web, light: false }];
      if (sides.light) renditions.push({ output: path.join(dir, "light.mp4"), side: sides.light, light: true });
      await videoRenditions(original, renditions, timeoutMs, { hdr: isHdr(await probe(original)) });
      outputs.push(...renditions.map((r) => ({ file: r.output, type: "video/mp4", extension: "mp4" })));
    } else {
      const output = path.join(dir, "web.m4a");
      await audioRendition(original, output, timeoutMs);
      outputs.push({ file: output, type: "audio/mp4", extension: "m4a" });
    }
    // what was made must play: a rendition that ffprobe cannot read is no rendition
    for (const output of outputs) {
      if (!(await readRecording(output.file, video ? "video" : "audio"))) {
        throw new Error(`the rendition ${path.basename(output.file)} holds no playable stream`);
      }
    }
    const prefix = mediaPrefix(asset.entry);
    for (const output of outputs) {
      const key = newObjectKey(prefix, output.extension);
      await storage().putFile(key, output.file, (await stat(output.file)).size, output.type);
      made.push(key);
    }
    const [webKey, lightKey = null] = made;
    const { count } = await db.mediaAsset.updateMany({
      where: { id: asset.id, state: from, webKey: null },
      data: backfill ? { webKey, lightKey } : { state: "verified", webKey, lightKey, verifiedAt: now() },
    });
    log.info(
      { assetId, renditions: made.length, durationSec: asset.durationSec, ms: Date.now() - started, kept: count === 1 },
      "renditions made",
    );
    // the file was removed (or refused) while its renditions were being made
    if (count === 0) await discardObjects(made);
    // the entrant may have pressed Submit while it was being prepared
    else if (!backfill) await submitWhenReady(asset.entryId);
    return db.mediaAsset.findUnique({ where: { id: asset.id } });
  } catch (error) {
    // a retry makes them again under new keys
    if (made.length) await discardObjects(made);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** After the last failed attempt to make a file's renditions: refuse it, with why, rather than leave it waiting. */
export async function giveUpPreparing(assetId: string) {
  const asset = await db.mediaAsset.findUnique({ where: { id: assetId } });
  if (!asset || asset.state !== "preparing") return;
  await refuse(asset, "preparing", { reason: "cannotPrepare" }, asset.size);
  // a Submit pressed meanwhile lapses: the entry now lacks a file
  await submitWhenReady(asset.entryId);
}

const BACKFILL_BATCH = 100;

/**
 * Queues the renditions of every video checked before Mosaic made them (the
 * "media.renditions-backfill" job, once per database), one job each in the rendition lane; until
 * its job has run, a video plays from its original, as it always did. A backfill that fails
 * leaves the video as it was.
 */
export async function backfillRenditions() {
  let queued = 0;
  for (let cursor = ""; ;) {
    const videos = await db.mediaAsset.findMany({
      where: { id: { gt: cursor }, state: "verified", webKey: null, detectedType: { startsWith: "video/" } },
      orderBy: { id: "asc" },
      take: BACKFILL_BATCH,
      select: { id: true },
    });
    await db.$transaction(async (tx) => {
      for (const { id } of videos) {
        await enqueueJob(tx, "media.prepare", { assetId: id, backfill: true }, { maxAttempts: 2 });
      }
    });
    queued += videos.length;
    if (videos.length < BACKFILL_BATCH) break;
    cursor = videos.at(-1)!.id;
  }
  log.info({ queued }, "renditions queued for videos checked before renditions existed");
  return queued;
}
