import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { now } from "~/services/clock.server";
import { db, serializable } from "~/services/db.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import sharp from "sharp";
import { posterFrame, withoutMetadata } from "~/services/ffmpeg.server";
import { inspectFile, type Inspection } from "~/services/media-inspect.server";
import { pdfWithoutMetadata } from "~/services/pdf.server";
import { consume } from "~/services/rate-limit.server";
import { newObjectKey, ObjectTooLargeError, StorageUnavailableError, storage } from "~/services/storage.server";
import { splitList } from "./contest";
import {
  checkDeclared,
  MAX_UPLOADS_PER_DAY,
  MULTIPART_THRESHOLD,
  PART_SIZE,
  partSizes,
  partsMatchPlan,
  PREVIEW_WIDTH,
  rejectionMessage,
  UPLOADS_WINDOW_MS,
  type Rejection,
} from "./media";
import { getOwnEntry, markChanged } from "./entry.server";
import { entryClosesAt, entryEditable, isTimed } from "./entry";
import { checkWebVtt, type CaptionsProblem } from "./webvtt";
import type { ViewableMedia } from "~/components/media/media-view";

/**
 * Uploads go from the browser straight to storage through a presigned PUT whose type and exact
 * length are signed; the app only hands out the URL and then checks the object's bytes.
 */
const UPLOAD_URL_SECONDS = 15 * 60;
const VIEW_URL_SECONDS = 10 * 60;

const EXTENSIONS: Record<string, string> = {
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/ogg": "ogg",
  "audio/mp4": "m4a",
};

export type Problem = { key: string; values?: Record<string, unknown> };

export type StartUpload =
  | { ok: true; mode: "single"; assetId: string; url: string; headers: Record<string, string> }
  | { ok: true; mode: "multipart"; assetId: string; partSize: number; partCount: number }
  | { ok: false; problem: Problem };

/**
 * Files that count against a category's limit: those whose bytes arrived. An upload that never
 * started (storage was down, the tab was closed) holds no place; the limit is checked again when
 * an upload completes.
 */
function filesThatCount(media: { state: string }[]) {
  return media.filter((m) => m.state === "uploaded" || m.state === "verified").length;
}

function urlSeconds(entry: Parameters<typeof entryClosesAt>[0]) {
  // An upload URL never outlives the deadline (or the date an organizer returned the entry until).
  const secondsLeft = Math.floor((entryClosesAt(entry).getTime() - now().getTime()) / 1000);
  return Math.max(1, Math.min(UPLOAD_URL_SECONDS, secondsLeft));
}

/**
 * Where a contest's files live. Keys carry no entry id, user id or file name (judges receive
 * URLs with these keys), only a random part that nobody can guess.
 */
function mediaPrefix(entry: { contestId: string }) {
  return `contests/${entry.contestId}/media`;
}

function rules(category: { allowedTypes: string; maxFileBytes: number; maxDurationSec: number | null }) {
  return {
    allowedTypes: splitList(category.allowedTypes),
    maxFileBytes: category.maxFileBytes,
    maxDurationSec: category.maxDurationSec,
  };
}

function editable(entry: Parameters<typeof entryEditable>[0]) {
  return entryEditable(entry, now());
}

export async function startUpload(
  userId: string,
  entryId: string,
  file: { name: string; type: string; size: number },
): Promise<StartUpload> {
  const entry = await getOwnEntry(userId, entryId);
  if (!entry) return { ok: false, problem: { key: "entry.notFound" } };
  if (!editable(entry)) return { ok: false, problem: { key: "missing.late" } };
  const declared = checkDeclared(rules(entry.category), file);
  if (declared) return { ok: false, problem: rejectionMessage(declared) };
  if (filesThatCount(entry.media) >= entry.category.maxFiles) {
    return { ok: false, problem: { key: "missing.tooManyFiles", values: { count: entry.category.maxFiles } } };
  }
  // Storage is asked first, so that an upload that cannot start costs the entrant nothing.
  await storage().ping();
  // Refused files free their place, so without a budget one could send file after file forever.
  const budget = await consume(`uploads:${userId}`, MAX_UPLOADS_PER_DAY, UPLOADS_WINDOW_MS);
  if (!budget.ok) {
    const hours = Math.max(1, Math.ceil(budget.retryAfterMs / (60 * 60 * 1000)));
    return { ok: false, problem: { key: "upload.tooManyToday", values: { max: MAX_UPLOADS_PER_DAY, count: hours } } };
  }
  const objectKey = newObjectKey(mediaPrefix(entry), EXTENSIONS[file.type]);
  const multipart = file.size > MULTIPART_THRESHOLD;
  const uploadId = multipart ? await storage().createMultipart(objectKey, file.type) : null;
  await markChanged(entryId);
  const asset = await db.mediaAsset.create({
    data: {
      entryId,
      objectKey,
      originalName: file.name.slice(0, 255),
      declaredType: file.type,
      declaredSize: file.size,
      position: entry.media.length,
      uploadId,
      partSize: multipart ? PART_SIZE : null,
      createdAt: now(),
    },
  });
  if (multipart) {
    return {
      ok: true,
      mode: "multipart",
      assetId: asset.id,
      partSize: PART_SIZE,
      partCount: Math.ceil(file.size / PART_SIZE),
    };
  }
  const url = await storage().presignPut(objectKey, {
    contentType: file.type,
    contentLength: file.size,
    expiresInSec: urlSeconds(entry),
  });
  return { ok: true, mode: "single", assetId: asset.id, url, headers: { "Content-Type": file.type } };
}

async function pendingMultipart(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset || !editable(entry) || asset.state !== "pending" || !asset.uploadId || !asset.partSize)
    return null;
  return { entry, asset: { ...asset, uploadId: asset.uploadId, partSize: asset.partSize } };
}

/**
 * Where a multipart upload stands, for a browser that picked the same file again after a
 * reload or a drop: it then asks only for the parts it has not sent.
 */
export async function resumeUpload(
  userId: string,
  entryId: string,
  assetId: string,
  file: { size: number; type: string },
) {
  const found = await pendingMultipart(userId, entryId, assetId);
  if (!found || found.asset.declaredSize !== file.size || found.asset.declaredType !== file.type) return null;
  return { assetId, partSize: found.asset.partSize, partCount: Math.ceil(file.size / found.asset.partSize) };
}

/** Presigned URLs for some parts of a multipart upload. */
export async function presignParts(userId: string, entryId: string, assetId: string, partNumbers: number[]) {
  const found = await pendingMultipart(userId, entryId, assetId);
  if (!found) return null;
  // The server decides every part's length from the declared size, and each URL binds it.
  const plan = partSizes(found.asset.declaredSize, found.asset.partSize);
  const wanted = [...new Set(partNumbers)].filter((n) => Number.isInteger(n) && n >= 1 && n <= plan.length);
  const seconds = urlSeconds(found.entry);
  const urls = await Promise.all(
    wanted.map(
      async (n) =>
        [
          n,
          await storage().presignPart(
            found.asset.objectKey,
            found.asset.uploadId,
            { partNumber: n, contentLength: plan[n - 1]! },
            seconds,
          ),
        ] as const,
    ),
  );
  return Object.fromEntries(urls);
}

type Asset = NonNullable<Awaited<ReturnType<typeof completeUpload>>>;

/**
 * Joins the parts the browser sent (with the ETags storage gave it back), then checks the file.
 * The parts must be exactly those of the plan; storage's own list of parts is not asked for
 * (not every S3-compatible service has it), but the joined object's size is checked before the
 * file counts.
 *
 * Asking again is safe: on a slow connection the answer to a join that worked can be lost, and
 * the browser asks again. An upload already joined answers with where its check stands; one
 * that storage joined while this server failed to note it (storage no longer knows the upload,
 * but the object is there at the declared size) goes on to its check.
 */
export async function completeMultipart(
  userId: string,
  entryId: string,
  assetId: string,
  parts: { partNumber: number; etag: string }[],
): Promise<{ ok: true; asset: Asset } | { ok: false; problem: Problem } | null> {
  const own = (await getOwnEntry(userId, entryId))?.media.find((m) => m.id === assetId);
  if (own && own.state !== "pending") return { ok: true, asset: own };
  if (own && own.uploadId === null) {
    const asset = await completeUpload(userId, entryId, assetId);
    return asset ? { ok: true, asset } : null;
  }
  const found = await pendingMultipart(userId, entryId, assetId);
  if (!found) return null;
  const missing = { ok: false as const, problem: { key: "upload.partsMissing" } };
  if (!partsMatchPlan(parts, partSizes(found.asset.declaredSize, found.asset.partSize))) return missing;
  try {
    await storage().completeMultipart(found.asset.objectKey, found.asset.uploadId, parts);
  } catch (error) {
    // Already joined? (Some S3-compatible servers answer a join of a finished upload with a 500,
    // so even an apparent outage is asked about; a real one fails the HEAD as well.)
    const joined = await storage().head(found.asset.objectKey);
    if (joined?.size !== found.asset.declaredSize) {
      if (error instanceof StorageUnavailableError) throw error;
      // Storage refused the list (a part it does not have, a wrong ETag): the upload stays resumable.
      log.info({ assetId, err: error instanceof Error ? error.message : String(error) }, "parts refused by storage");
      return missing;
    }
  }
  await db.mediaAsset.update({ where: { id: assetId }, data: { uploadId: null } });
  const asset = await completeUpload(userId, entryId, assetId);
  return asset ? { ok: true, asset } : null;
}

/**
 * Refuses a file that was in `state`: the entrant reads why, and its bytes are deleted (later,
 * if storage is down).
 */
async function refuse(
  asset: { id: string; objectKey: string },
  state: string,
  rejection: Rejection,
  size: number | null = null,
) {
  const { count } = await db.mediaAsset.updateMany({
    where: { id: asset.id, state },
    data: { state: "rejected", rejection: JSON.stringify(rejectionMessage(rejection)), size },
  });
  if (count === 1) await discardObjects([asset.objectKey]);
  return count === 1;
}

export async function completeUpload(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset) return null;
  if (asset.state !== "pending") return asset;

  if (asset.uploadId) return asset; // a multipart upload is complete only once its parts are joined
  const head = await storage().head(asset.objectKey);
  if (!head) return asset; // not uploaded (yet): nothing to check
  if (head.size !== asset.declaredSize) {
    // Refused on the stored size, before a byte of it is read.
    await refuse(asset, "pending", { reason: "notAsDeclared" }, head.size);
    return db.mediaAsset.findUnique({ where: { id: asset.id } });
  }
  // The checks run as a background job: a 500 MB video takes a while, and the browser need
  // not hold a request open for it; it asks for the outcome instead.
  // Serializable: on PostgreSQL two uploads completing together would otherwise each count only
  // their own claim (read committed); one of them is now aborted and run again, and counts both.
  const claimed = await serializable(async (tx) => {
    const { count } = await tx.mediaAsset.updateMany({
      where: { id: asset.id, state: "pending" },
      data: { state: "uploaded" },
    });
    if (count === 0) return "taken";
    // Counted after the claim, so that uploads completing together cannot pass the limit.
    const files = await tx.mediaAsset.count({ where: { entryId, state: { in: ["uploaded", "verified"] } } });
    if (files > entry.category.maxFiles) return "tooMany";
    await enqueueJob(tx, "media.verify", { assetId: asset.id });
    return "claimed";
  });
  if (claimed === "tooMany")
    await refuse(asset, "uploaded", { reason: "tooManyFiles", maxFiles: entry.category.maxFiles });
  return db.mediaAsset.findUnique({ where: { id: asset.id } });
}

/** The outcome of an upload, for the entrant's browser to poll. */
export async function uploadStatus(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  return entry?.media.find((m) => m.id === assetId) ?? null;
}

/**
 * Checks an uploaded object before it counts (the "media.verify" job). A refused file is
 * deleted from storage and the entrant sees why; an accepted image is replaced by its
 * metadata-free copy and a preview, so the original (with any GPS position) is kept nowhere.
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
      : await inspectFile(file, rules(entry.category));
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
    return db.mediaAsset.update({
      where: { id: asset.id },
      data: {
        state: "verified",
        objectKey: storedKey,
        detectedType: result.type,
        size: result.size,
        sha256: result.sha256,
        width: result.width,
        height: result.height,
        durationSec: result.durationSec,
        cleanKey,
        previewKey,
        verifiedAt: now(),
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A copy without metadata holds the same streams as the file it comes from; a copy that grows
 * well past it is not written to the end (temporary disk stays bounded) and the file is refused.
 */
function copyLimit(size: number) {
  return Math.ceil(size * 1.05) + 1024 * 1024;
}

export type Discard = { keys: string[]; multipart?: { key: string; uploadId: string } };

/** Deletes objects nobody needs any more (aborting an unfinished multipart upload first). */
async function deleteObjects({ keys, multipart }: Discard) {
  if (multipart)
    await storage()
      .abortMultipart(multipart.key, multipart.uploadId)
      .catch((error: unknown) => {
        // Not every S3-compatible service can abort; the object's removal below still runs.
        if (error instanceof StorageUnavailableError) throw error;
      });
  // every deletion ends (its retries included) before this one is said to have failed, so none
  // goes on in the background after storage comes back
  const results = await Promise.allSettled(keys.map((k) => storage().remove(k)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * Deletes objects now, or, while storage is down, leaves them to a job that tries again (30 s
 * doubling to an hour, for about a day), so that nothing waits on storage to forget a file.
 */
export async function discardObjects(keys: string[], multipart?: Discard["multipart"]) {
  const discard: Discard = { keys, multipart };
  try {
    await deleteObjects(discard);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    log.warn({ keys: keys.length, err: error.message }, "storage is down: files will be deleted later");
    await db.$transaction((tx) => enqueueJob(tx, "media.discard", discard, { maxAttempts: 30 }));
  }
}

/** The "media.discard" job. */
export async function discardLater(payload: Discard) {
  await deleteObjects(payload);
}

/** Works while storage is down: the file is forgotten at once and its bytes deleted later. */
export async function removeAsset(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset || !editable(entry)) return false;
  const { count } = await db.mediaAsset.deleteMany({ where: { id: asset.id } });
  if (count === 0) return false;
  await markChanged(entryId);
  await discardObjects(
    [asset.objectKey, asset.cleanKey, asset.previewKey, asset.captionsKey].filter((k): k is string => Boolean(k)),
    asset.uploadId ? { key: asset.objectKey, uploadId: asset.uploadId } : undefined,
  );
  return true;
}

export async function setAltText(userId: string, entryId: string, assetId: string, altText: string) {
  const entry = await getOwnEntry(userId, entryId);
  if (!entry || !entry.media.some((m) => m.id === assetId) || !editable(entry)) return false;
  await db.mediaAsset.update({ where: { id: assetId }, data: { altText: altText.trim().slice(0, 1000) } });
  await markChanged(entryId);
  return true;
}

/**
 * Captions for a checked video or audio file: the WebVTT text is checked against the file's
 * duration and stored under a new key (replacing any earlier captions). Small text files, so
 * they come through the app, which is what lets it check them before anyone else sees them.
 */
export async function setCaptions(
  userId: string,
  entryId: string,
  assetId: string,
  upload: { bytes: Uint8Array; language: string },
): Promise<{ ok: true } | { ok: false; problem: CaptionsProblem } | null> {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset || !editable(entry) || asset.state !== "verified" || !isTimed(asset.detectedType)) return null;
  const checked = checkWebVtt(upload.bytes, asset.durationSec);
  if (!checked.ok) return checked;
  const key = newObjectKey(mediaPrefix(entry), "vtt");
  await storage().put(key, new TextEncoder().encode(checked.text), "text/vtt; charset=utf-8");
  const { count } = await db.mediaAsset.updateMany({
    where: { id: assetId, captionsKey: asset.captionsKey },
    data: { captionsKey: key, captionsLang: upload.language },
  });
  // A concurrent upload won: keep its captions, drop these; otherwise drop the replaced file.
  const unused = count === 1 ? asset.captionsKey : key;
  if (unused)
    await storage()
      .remove(unused)
      .catch(() => undefined);
  if (count === 1) await markChanged(entryId);
  return { ok: true };
}

export async function removeCaptions(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset || !editable(entry)) return false;
  if (!asset.captionsKey) return true;
  await db.mediaAsset.update({ where: { id: assetId }, data: { captionsKey: null, captionsLang: null } });
  await storage()
    .remove(asset.captionsKey)
    .catch(() => undefined);
  await markChanged(entryId);
  return true;
}

/** The WebVTT text of a file's captions, for its owner; null when there is none to show. */
export async function ownCaptionsKey(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  return entry?.media.find((m) => m.id === assetId)?.captionsKey ?? null;
}

/** The captions of a file of an entry of this contest, for its organizers. */
export async function organizerCaptionsKey(contestId: string, entryId: string, assetId: string) {
  const asset = await db.mediaAsset.findFirst({
    where: { id: assetId, entryId, state: "verified", entry: { contestId } },
    select: { captionsKey: true },
  });
  return asset?.captionsKey ?? null;
}

/** Short-lived links to verified files, with a video's poster and an image's web-sized preview. */
export async function viewUrls(
  media: {
    id: string;
    state: string;
    detectedType: string | null;
    previewKey: string | null;
    cleanKey: string | null;
    objectKey: string;
  }[],
  expiresInSec = VIEW_URL_SECONDS,
) {
  const sign = (key: string) => storage().presignGet(key, { expiresInSec });
  const entries = await Promise.all(
    media
      .filter((m) => m.state === "verified")
      .map(async (m) => {
        const poster = m.detectedType?.startsWith("video/") && m.previewKey ? await sign(m.previewKey) : null;
        const preview = m.detectedType?.startsWith("image/") && m.previewKey ? await sign(m.previewKey) : null;
        return [m.id, { url: await sign(m.cleanKey ?? m.objectKey), poster, preview }] as const;
      }),
  );
  return Object.fromEntries(entries);
}

type ViewableAsset = Parameters<typeof viewUrls>[0][number] & {
  altText: string;
  width: number | null;
  height: number | null;
  captionsKey: string | null;
  captionsLang: string | null;
};

/**
 * Verified files as the pages' MediaView shows them, with short-lived links. `previews: false`
 * leaves images at full size (judges zoom into them, guardians see exactly what was sent).
 */
export async function viewableMedia(
  media: ViewableAsset[],
  options: { expiresInSec?: number; previews?: boolean } = {},
): Promise<ViewableMedia[]> {
  const urls = await viewUrls(media, options.expiresInSec);
  return media.map((m) => ({
    id: m.id,
    type: m.detectedType ?? "",
    altText: m.altText,
    width: m.width,
    height: m.height,
    url: urls[m.id]?.url ?? null,
    poster: urls[m.id]?.poster ?? null,
    preview: options.previews === false ? null : (urls[m.id]?.preview ?? null),
    captions: isTimed(m.detectedType) && m.captionsKey ? { lang: m.captionsLang ?? "" } : null,
  }));
}

/** Uploads left unfinished this long are abandoned: their parts and rows are removed. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

export async function sweepAbandonedUploads() {
  const abandoned = await db.mediaAsset.findMany({
    where: {
      state: { in: ["pending", "uploaded"] },
      createdAt: { lt: new Date(now().getTime() - ABANDONED_AFTER_MS) },
    },
  });
  for (const asset of abandoned) {
    const { count } = await db.mediaAsset.deleteMany({ where: { id: asset.id, state: asset.state } });
    if (count === 1)
      await discardObjects(
        [asset.objectKey],
        asset.uploadId ? { key: asset.objectKey, uploadId: asset.uploadId } : undefined,
      );
  }
  return abandoned.length;
}

/** After the last failed attempt to check an upload: refuse it rather than leave it waiting. */
export async function giveUpOnAsset(assetId: string) {
  const asset = await db.mediaAsset.findUnique({ where: { id: assetId } });
  if (!asset || asset.state !== "uploaded") return;
  await refuse(asset, "uploaded", { reason: "corrupt" });
}

/**
 * A caption file as a page's <track> reads it (same-origin, text/vtt), or 404 when the reader
 * may not have it. Private pages are never cached; the public gallery's for five minutes.
 */
export async function captionsResponse(key: string | null | undefined, visibility: "private" | "public") {
  if (!key) throw new Response("Not found", { status: 404 });
  return new Response(new TextDecoder().decode(await storage().getBytes(key)), {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "Cache-Control": visibility === "public" ? "public, max-age=300" : "private, no-store",
    },
  });
}
