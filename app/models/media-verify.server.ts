import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { posterFrame, withoutMetadata } from "~/services/ffmpeg.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import {
  identify,
  isWholePdf,
  readImage,
  readRecording,
  sha256Of,
  type Derived,
} from "~/services/media-inspect.server";
import { pdfWithoutMetadata } from "~/services/pdf.server";
import { newObjectKey, ObjectTooLargeError, storage } from "~/services/storage.server";
import {
  categoryRules,
  checkDuration,
  checkSizeAndType,
  kindOf,
  MAX_IMAGE_PIXELS,
  needsRendition,
  MAX_VIDEO_PIXELS,
  PREVIEW_WIDTH,
  rejectionMessage,
  type MediaKind,
  type MediaRules,
  type Rejection,
} from "./media";
import { discardObjects, EXTENSIONS, mediaPrefix, refuse } from "./media.server";

/**
 * Checks an uploaded object before it counts (the "media.verify" job). A refused file is
 * deleted from storage and the entrant sees why; an accepted image is replaced by its
 * metadata-free copy and a preview, so the original (with any GPS position) is kept nowhere.
 * An accepted video or recording goes on to "preparing" while its web renditions are made
 * (app/models/media-prepare.server.ts).
 */
export async function verifyAsset(assetId: string) {
  const asset = await db.mediaAsset.findUnique({
    where: { id: assetId },
    include: { entry: { include: { category: true } } },
  });
  if (!asset || asset.state !== "uploaded") return asset;
  const entry = asset.entry;
  const head = await storage().head(asset.objectKey);
  if (!head) {
    return db.mediaAsset.update({
      where: { id: asset.id },
      data: { state: "rejected", rejection: JSON.stringify(rejectionMessage({ reason: "empty" })) },
    });
  }
  // Refused on the stored size, before a byte is read or written to disk.
  const early: Rejection | null =
    head.size !== asset.declaredSize
      ? { reason: "notAsDeclared" }
      : head.size > entry.category.maxFileBytes
        ? { reason: "tooLarge", maxBytes: entry.category.maxFileBytes }
        : null;
  if (early) {
    log.info({ assetId, reason: early.reason, size: head.size }, "upload refused");
    await refuse(asset, "uploaded", early, head.size);
    return db.mediaAsset.findUnique({ where: { id: asset.id } });
  }
  const dir = await mkdtemp(path.join(tmpdir(), "mosaic-media-"));
  try {
    const file = path.join(dir, "upload");
    // Never more than was declared reaches the disk, even if the object changed since.
    const tooLarge = await storage()
      .download(asset.objectKey, file, asset.declaredSize)
      .then(() => false)
      .catch((error: unknown) => {
        if (error instanceof ObjectTooLargeError) return true;
        throw error;
      });
    const inspected: Inspection = tooLarge
      ? { ok: false, rejection: { reason: "notAsDeclared" }, detail: "more bytes than declared" }
      : await inspectFile(file, categoryRules(entry.category));
    const result: Inspection =
      inspected.ok && inspected.size !== asset.declaredSize
        ? { ok: false, rejection: { reason: "notAsDeclared" }, detail: "fewer bytes than declared" }
        : inspected;
    if (!result.ok) {
      log.info({ assetId, reason: result.rejection.reason, detail: result.detail }, "upload refused");
      await refuse(asset, "uploaded", result.rejection, head.size);
      return db.mediaAsset.findUnique({ where: { id: asset.id } });
    }
    // What was checked is what is kept: a single upload's presigned PUT stays valid for a while,
    // so its checked bytes go to a new key no upload URL points at. Images keep only their clean
    // copy.
    const prefix = mediaPrefix(entry);
    let cleanKey: string | null = null;
    let previewKey: string | null = null;
    let storedKey: string;
    if (result.clean && result.preview) {
      cleanKey = newObjectKey(prefix, result.clean.extension);
      previewKey = newObjectKey(prefix, result.preview.extension);
      await storage().put(cleanKey, result.clean.bytes, result.clean.type);
      await storage().put(previewKey, result.preview.bytes, result.preview.type);
      storedKey = cleanKey;
    } else if (result.type === "application/pdf") {
      const cleaned = await pdfWithoutMetadata(file);
      if (!cleaned) {
        await refuse(asset, "uploaded", { reason: "corrupt" }, head.size);
        return db.mediaAsset.findUnique({ where: { id: asset.id } });
      }
      storedKey = newObjectKey(prefix, "pdf");
      await storage().put(storedKey, cleaned, result.type);
    } else if (result.personalMetadata) {
      // Phones record where a video was shot and who owns the device: keep a copy without it.
      const stripped = path.join(dir, `stripped.${EXTENSIONS[result.type]}`);
      if (!(await withoutMetadata(file, stripped, copyLimit(result.size)))) {
        await refuse(asset, "uploaded", { reason: "corrupt" }, head.size);
        return db.mediaAsset.findUnique({ where: { id: asset.id } });
      }
      storedKey = newObjectKey(prefix, EXTENSIONS[result.type]);
      await storage().putFile(storedKey, stripped, (await stat(stripped)).size, result.type);
    } else if (asset.partSize) {
      // Once its parts are joined, no URL can write to a multipart upload's key again.
      storedKey = asset.objectKey;
    } else {
      storedKey = newObjectKey(prefix, EXTENSIONS[result.type]);
      await storage().putFile(storedKey, file, result.size, result.type);
    }
    if (result.kind === "video" && result.durationSec) {
      const frame = path.join(dir, "poster.jpg");
      await posterFrame(file, frame, result.durationSec);
      const poster = await sharp(frame)
        .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      previewKey = newObjectKey(prefix, "webp");
      await storage().put(previewKey, poster, "image/webp");
    }
    if (storedKey !== asset.objectKey) await storage().remove(asset.objectKey);
    // A video (and sound browsers don't all play) is ready once its web renditions are made.
    const preparing = result.needsRendition;
    const recorded = await db.$transaction(async (tx) => {
      // only from "uploaded": a second check of the same file (its job taken up again) changes nothing
      const { count } = await tx.mediaAsset.updateMany({
        where: { id: asset.id, state: "uploaded" },
        data: {
          state: preparing ? "preparing" : "verified",
          objectKey: storedKey,
          detectedType: result.type,
          size: result.size,
          sha256: result.sha256,
          width: result.width,
          height: result.height,
          durationSec: result.durationSec,
          cleanKey,
          previewKey,
          verifiedAt: preparing ? null : now(),
        },
      });
      if (count === 1 && preparing) await enqueueJob(tx, "media.prepare", { assetId: asset.id }, { maxAttempts: 2 });
      return count === 1;
    });
    if (!recorded) {
      const made = [cleanKey, previewKey, storedKey === asset.objectKey ? null : storedKey];
      await discardObjects(made.filter((key): key is string => Boolean(key)));
    }
    return db.mediaAsset.findUnique({ where: { id: asset.id } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A copy without metadata holds the same streams as the file it comes from; a copy that grows
 * well past it is not written to the end (temporary disk stays bounded) and the file is refused.
 */
export function copyLimit(size: number) {
  return Math.ceil(size * 1.05) + 1024 * 1024;
}

/** After the last failed attempt to check an upload: refuse it rather than leave it waiting. */
export async function giveUpOnAsset(assetId: string) {
  const asset = await db.mediaAsset.findUnique({ where: { id: assetId } });
  if (!asset || asset.state !== "uploaded") return;
  await refuse(asset, "uploaded", { reason: "corrupt" });
}

export type Inspection =
  | {
      ok: true;
      type: string;
      kind: MediaKind;
      size: number;
      sha256: string;
      width: number | null;
      height: number | null;
      durationSec: number | null;
      /** for images: the copy everyone else sees, re-encoded without metadata */
      clean: Derived | null;
      /** for images: a smaller WebP for pages and judges' queues */
      preview: Derived | null;
      /** for video and audio: whether tags that can identify or locate someone are present */
      personalMetadata: boolean;
      /** for video and audio: whether players need a web rendition made before the file is ready */
      needsRendition: boolean;
    }
  | { ok: false; rejection: Rejection; detail?: string };

/**
 * Whether a downloaded upload may count under a category's rules, from what its bytes say
 * (app/services/media-inspect.server.ts): size, type sniffed from the content, integrity, pixel
 * count (read from the header, before anything is decoded), duration. Each check runs only once
 * the cheaper ones before it have passed.
 */
export async function inspectFile(path: string, rules: MediaRules): Promise<Inspection> {
  const { size, type } = await identify(path);
  if (size === 0) return { ok: false, rejection: { reason: "empty" } };
  const refused = checkSizeAndType(rules, { size, type });
  if (refused || !type) return { ok: false, rejection: refused ?? { reason: "wrongType", detected: null } };
  const kind = kindOf(type) as MediaKind;
  const accepted = { ok: true as const, type, kind, size, sha256: await sha256Of(path) };

  if (kind === "image") {
    const image = await readImage(path, type, { maxPixels: MAX_IMAGE_PIXELS, previewWidth: PREVIEW_WIDTH });
    if (image.state === "tooManyPixels") {
      return { ok: false, rejection: { reason: "tooManyPixels", maxPixels: MAX_IMAGE_PIXELS } };
    }
    if (image.state === "damaged") return { ok: false, rejection: { reason: "corrupt" }, detail: image.detail };
    return {
      ...accepted,
      width: image.width,
      height: image.height,
      durationSec: null,
      clean: image.clean,
      preview: image.preview,
      personalMetadata: false,
      needsRendition: false,
    };
  }

  if (kind === "document") {
    if (!(await isWholePdf(path, size))) return { ok: false, rejection: { reason: "corrupt" }, detail: "no %%EOF" };
    return {
      ...accepted,
      width: null,
      height: null,
      durationSec: null,
      clean: null,
      preview: null,
      personalMetadata: false,
      needsRendition: false,
    };
  }

  const recording = await readRecording(path, kind);
  if (!recording) return { ok: false, rejection: { reason: "corrupt" }, detail: "ffprobe found no playable stream" };
  if (kind === "video" && (recording.width ?? 0) * (recording.height ?? 0) > MAX_VIDEO_PIXELS) {
    return { ok: false, rejection: { reason: "frameTooLarge", maxPixels: MAX_VIDEO_PIXELS } };
  }
  const tooLong = checkDuration(rules, recording.durationSec);
  if (tooLong) return { ok: false, rejection: tooLong };
  return {
    ...accepted,
    width: recording.width,
    height: recording.height,
    durationSec: Math.round(recording.durationSec * 1000) / 1000,
    clean: null,
    preview: null,
    personalMetadata: recording.personalMetadata,
    needsRendition: needsRendition(kind, recording.codec),
  };
}
