import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { posterFrame, withoutMetadata } from "~/services/ffmpeg.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import {
  fileMedia,
  identify,
  isWholePdf,
  loadSharp,
  readImage,
  readRecording,
  SizeChangedError,
  storedMedia,
  type Derived,
  type MediaSource,
} from "~/services/media-inspect.server";
import { pdfWithoutMetadata } from "~/services/pdf.server";
import { newObjectKey, storage, type UploadedPart } from "~/services/storage.server";
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
import { backToPending, joinParts } from "./media-upload.server";

/**
 * Checks an uploaded object before it counts (the "media.verify" job). A refused file is
 * deleted from storage and the entrant sees why; an accepted image is replaced by its
 * metadata-free copy and a preview, so the original (with any GPS position) is kept nowhere.
 * An accepted video or recording goes on to "preparing" while its web renditions are made
 * (app/models/media-prepare.server.ts).
 *
 * The object is read in place, never copied to disk whole: its first bytes by a range request
 * for the type, a header and an index by ffprobe through a short-lived URL, and a copy made by
 * storage itself where an object moves. Only a video's poster frame and the copy of a video
 * without its tags are files here (ffmpeg writes them), and they are small or must be written
 * somewhere before they are stored.
 *
 * The SHA-256 decides nothing about acceptance: it is the fingerprint the entrant's data export
 * shows. A recording kept as it was checked is accepted without it, and the "media.fingerprint"
 * job queued with the acceptance reads it afterwards (app/models/media-fingerprint.server.ts), so
 * the entrant's file counts without waiting for a read of every byte. Where the checked bytes are
 * not kept (a video copied without its tags, an image re-encoded), they are hashed here, before
 * they are discarded.
 */
export async function verifyAsset(assetId: string, parts: UploadedPart[] = []) {
  const found = await db.mediaAsset.findUnique({
    where: { id: assetId },
    include: { entry: { include: { category: true } } },
  });
  if (!found || found.state !== "uploaded") return found;
  // A multipart upload's parts are joined first (app/models/media-upload.server.ts).
  if (found.uploadId && !(await joinParts({ ...found, uploadId: found.uploadId }, parts)))
    return db.mediaAsset.findUnique({ where: { id: assetId } });
  const asset = { ...found, uploadId: null };
  const entry = asset.entry;
  const head = await storage().head(asset.objectKey);
  if (!head) {
    return db.mediaAsset.update({
      where: { id: asset.id },
      data: { state: "rejected", rejection: JSON.stringify(rejectionMessage({ reason: "empty" })) },
    });
  }
  // Refused on the stored size, before a byte is read.
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
  // What was checked is what is kept. Once its parts are joined, no URL can write to a multipart
  // upload's key again, so it is checked in place. A single upload's presigned PUT stays valid
  // for a while: its bytes are first copied (by storage, without passing through here) to a key
  // no upload URL points at, and that copy is what is checked and kept.
  const prefix = mediaPrefix(entry);
  const checkedKey = asset.partSize ? asset.objectKey : newObjectKey(prefix, EXTENSIONS[asset.declaredType]);
  const made = new Set<string>();
  let dir: string | null = null;
  const scratch = async () => (dir ??= await mkdtemp(path.join(tmpdir(), "mosaic-media-")));
  try {
    let checkedSize = head.size;
    if (checkedKey !== asset.objectKey) {
      made.add(checkedKey);
      await storage().copy(asset.objectKey, checkedKey, { size: head.size, contentType: asset.declaredType });
      checkedSize = (await storage().head(checkedKey))?.size ?? 0;
    }
    const source = storedMedia(storage(), checkedKey, checkedSize);
    // The object changed between its size being read and its bytes (more or fewer than declared).
    const changed: Inspection = { ok: false, rejection: { reason: "notAsDeclared" }, detail: "size changed" };
    const result: Inspection =
      checkedSize !== asset.declaredSize
        ? changed
        : await inspectFile(source, categoryRules(entry.category)).catch((error: unknown) => {
            if (error instanceof SizeChangedError) return changed;
            throw error;
          });
    if (!result.ok) {
      log.info({ assetId, reason: result.rejection.reason, detail: result.detail }, "upload refused");
      await refuse(asset, "uploaded", result.rejection, head.size);
      await discardObjects([...made]);
      made.clear();
      return db.mediaAsset.findUnique({ where: { id: asset.id } });
    }
    let cleanKey: string | null = null;
    let previewKey: string | null = null;
    let storedKey = checkedKey;
    let sha256 = result.sha256;
    const corrupt = async () => {
      await refuse(asset, "uploaded", { reason: "corrupt" }, head.size);
      await discardObjects([...made]);
      made.clear();
      return db.mediaAsset.findUnique({ where: { id: asset.id } });
    };
    if (result.clean && result.preview) {
      // Images keep only their clean copy.
      cleanKey = newObjectKey(prefix, result.clean.extension);
      previewKey = newObjectKey(prefix, result.preview.extension);
      made.add(cleanKey).add(previewKey);
      await storage().put(cleanKey, result.clean.bytes, result.clean.type);
      await storage().put(previewKey, result.preview.bytes, result.preview.type);
      storedKey = cleanKey;
    } else if (result.type === "application/pdf") {
      const cleaned = await pdfWithoutMetadata(await source.whole());
      if (!cleaned) return await corrupt();
      storedKey = newObjectKey(prefix, "pdf");
      made.add(storedKey);
      await storage().put(storedKey, cleaned, result.type);
    } else if (result.personalMetadata) {
      // Phones record where a video was shot and who owns the device: keep a copy without it.
      // ffmpeg writes that copy to a file (its index goes first, which needs a file to seek in).
      // The original is discarded once the copy is kept, so its fingerprint is read now, beside it.
      const stripped = path.join(await scratch(), `stripped.${EXTENSIONS[result.type]}`);
      const stop = new AbortController();
      const hashing = source.sha256(stop.signal);
      hashing.catch(() => undefined); // awaited below, or stopped
      try {
        if (!(await withoutMetadata(await source.input(), stripped, copyLimit(result.size)))) return await corrupt();
        sha256 = await hashing;
      } finally {
        stop.abort();
      }
      storedKey = newObjectKey(prefix, EXTENSIONS[result.type]);
      made.add(storedKey);
      await storage().putFile(storedKey, stripped, (await stat(stripped)).size, result.type);
    } else if (checkedKey !== asset.objectKey && EXTENSIONS[result.type] !== EXTENSIONS[asset.declaredType]) {
      // Named for what it is (a ".mov" that is an MP4): one more copy by storage.
      storedKey = newObjectKey(prefix, EXTENSIONS[result.type]);
      made.add(storedKey);
      await storage().copy(checkedKey, storedKey, { size: result.size, contentType: result.type });
    }
    if (result.kind === "video" && result.durationSec) {
      const frame = path.join(await scratch(), "poster.jpg");
      await posterFrame(await source.input(), frame, result.durationSec);
      const sharp = await loadSharp();
      const poster = await sharp(frame)
        .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      previewKey = newObjectKey(prefix, "webp");
      made.add(previewKey);
      await storage().put(previewKey, poster, "image/webp");
    }
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
          sha256,
          width: result.width,
          height: result.height,
          durationSec: result.durationSec,
          cleanKey,
          previewKey,
          verifiedAt: preparing ? null : now(),
        },
      });
      if (count === 1 && preparing) await enqueueJob(tx, "media.prepare", { assetId: asset.id }, { maxAttempts: 2 });
      if (count === 1 && !sha256) await enqueueJob(tx, "media.fingerprint", { assetId: asset.id });
      return count === 1;
    });
    if (recorded) {
      // What is kept is no longer an object to discard; what was uploaded, and checked
      // copies that were replaced, are.
      for (const key of [storedKey, cleanKey, previewKey]) if (key) made.delete(key);
      const leftovers = [...made, ...(storedKey === asset.objectKey ? [] : [asset.objectKey])];
      made.clear();
      await discardObjects(leftovers);
    }
    return db.mediaAsset.findUnique({ where: { id: asset.id } });
  } finally {
    // A check that failed half-way (storage down: its job runs again) leaves no copy behind.
    if (made.size) await discardObjects([...made]);
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A copy without metadata holds the same streams as the file it comes from; a copy that grows
 * well past it is not written to the end (temporary disk stays bounded) and the file is refused.
 */
export function copyLimit(size: number) {
  return Math.ceil(size * 1.05) + 1024 * 1024;
}

/**
 * After the last failed attempt to check an upload: refuse it rather than leave it waiting. Parts
 * storage never joined (it was down throughout) are not the file's fault: the upload goes back
 * to "pending", and the entrant's page asks them to pick the same file again.
 */
export async function giveUpOnAsset(assetId: string) {
  const asset = await db.mediaAsset.findUnique({ where: { id: assetId } });
  if (!asset || asset.state !== "uploaded") return;
  if (asset.uploadId) {
    await backToPending({ id: asset.id, uploadId: asset.uploadId });
    return;
  }
  await refuse(asset, "uploaded", { reason: "corrupt" });
}

export type Inspection =
  | {
      ok: true;
      type: string;
      kind: MediaKind;
      size: number;
      /** for images and documents, read whole anyway; a recording's is taken once it is accepted */
      sha256: string | null;
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
 * Whether an upload may count under a category's rules, from what its bytes say
 * (app/services/media-inspect.server.ts): size, type sniffed from the content, integrity, pixel
 * count (read from the header, before anything is decoded), duration. Each check runs only once
 * the cheaper ones before it have passed. `file` is a local path or an object read in storage.
 */
export async function inspectFile(file: string | MediaSource, rules: MediaRules): Promise<Inspection> {
  const source = typeof file === "string" ? await fileMedia(file) : file;
  const { size, type } = await identify(source);
  if (size === 0) return { ok: false, rejection: { reason: "empty" } };
  const refused = checkSizeAndType(rules, { size, type });
  if (refused || !type) return { ok: false, rejection: refused ?? { reason: "wrongType", detected: null } };
  const kind = kindOf(type) as MediaKind;
  if (kind === "image" || kind === "document") {
    // read whole once: the decoder (or the PDF's cleaning) and the hash share the bytes
    const bytes = await source.whole();
    const accepted = { ok: true as const, type, kind, size, sha256: await source.sha256() };
    return kind === "image" ? inspectImage(bytes, accepted) : inspectDocument(source, accepted);
  }
  const checked = await inspectRecording(source, kind, rules);
  if (!checked.ok) return checked;
  return { ok: true, type, kind, size, sha256: null, ...checked.facts };
}

type Accepted = { ok: true; type: string; kind: MediaKind; size: number; sha256: string };

async function inspectImage(bytes: Buffer, accepted: Accepted): Promise<Inspection> {
  const image = await readImage(bytes, accepted.type, { maxPixels: MAX_IMAGE_PIXELS, previewWidth: PREVIEW_WIDTH });
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

async function inspectDocument(source: MediaSource, accepted: Accepted): Promise<Inspection> {
  if (!(await isWholePdf(source))) return { ok: false, rejection: { reason: "corrupt" }, detail: "no %%EOF" };
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

type RecordingChecked =
  | {
      ok: true;
      facts: Pick<
        Extract<Inspection, { ok: true }>,
        "width" | "height" | "durationSec" | "clean" | "preview" | "personalMetadata" | "needsRendition"
      >;
    }
  | Extract<Inspection, { ok: false }>;

async function inspectRecording(
  source: MediaSource,
  kind: "video" | "audio",
  rules: MediaRules,
): Promise<RecordingChecked> {
  const recording = await readRecording(await source.input(), kind);
  if (!recording) return { ok: false, rejection: { reason: "corrupt" }, detail: "ffprobe found no playable stream" };
  if (kind === "video" && (recording.width ?? 0) * (recording.height ?? 0) > MAX_VIDEO_PIXELS) {
    return { ok: false, rejection: { reason: "frameTooLarge", maxPixels: MAX_VIDEO_PIXELS } };
  }
  const tooLong = checkDuration(rules, recording.durationSec);
  if (tooLong) return { ok: false, rejection: tooLong };
  return {
    ok: true,
    facts: {
      width: recording.width,
      height: recording.height,
      durationSec: Math.round(recording.durationSec * 1000) / 1000,
      clean: null,
      preview: null,
      personalMetadata: recording.personalMetadata,
      needsRendition: needsRendition(kind, recording.codec),
    },
  };
}
