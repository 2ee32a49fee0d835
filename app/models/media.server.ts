import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import sharp from "sharp";
import { posterFrame, withoutMetadata } from "~/services/ffmpeg.server";
import { inspectFile } from "~/services/media-inspect.server";
import { pdfWithoutMetadata } from "~/services/pdf.server";
import { newObjectKey, storage } from "~/services/storage.server";
import { splitList } from "./contest";
import { checkDeclared, PREVIEW_WIDTH, rejectionMessage } from "./media";
import { getOwnEntry, markChanged } from "./entry.server";
import { entryClosesAt, entryEditable, isTimed } from "./entry";
import { checkWebVtt, type CaptionsProblem } from "./webvtt";
import type { ViewableMedia } from "~/components/media/media-view";

/**
 * Uploads go from the browser straight to storage through a presigned PUT whose type and exact
 * length are signed; the app only hands out the URL and then checks the object's bytes.
 */
const UPLOAD_URL_SECONDS = 15 * 60;
/** Files above this size go in parts: a few at a time, each retried, resumable after a drop. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
export const PART_SIZE = 8 * 1024 * 1024; // S3 wants at least 5 MiB for every part but the last
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

export type StartUpload =
  | { ok: true; mode: "single"; assetId: string; url: string; headers: Record<string, string> }
  | { ok: true; mode: "multipart"; assetId: string; partSize: number; partCount: number }
  | { ok: false; problem: { key: string; values?: Record<string, unknown> } };

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
  if (entry.media.filter((m) => m.state !== "rejected").length >= entry.category.maxFiles) {
    return { ok: false, problem: { key: "missing.tooManyFiles", values: { count: entry.category.maxFiles } } };
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
  const partCount = Math.ceil(found.asset.declaredSize / found.asset.partSize);
  const wanted = [...new Set(partNumbers)].filter((n) => Number.isInteger(n) && n >= 1 && n <= partCount);
  const seconds = urlSeconds(found.entry);
  const urls = await Promise.all(
    wanted.map(
      async (n) => [n, await storage().presignPart(found.asset.objectKey, found.asset.uploadId, n, seconds)] as const,
    ),
  );
  return Object.fromEntries(urls);
}

/** Joins the parts the browser sent (with the ETags storage gave it back), then checks the file. */
export async function completeMultipart(
  userId: string,
  entryId: string,
  assetId: string,
  parts: { partNumber: number; etag: string }[],
) {
  const found = await pendingMultipart(userId, entryId, assetId);
  if (!found) return null;
  await storage().completeMultipart(found.asset.objectKey, found.asset.uploadId, parts);
  await db.mediaAsset.update({ where: { id: assetId }, data: { uploadId: null } });
  return completeUpload(userId, entryId, assetId);
}

async function download(key: string, to: string) {
  const bytes = await storage().getStream(key);
  await pipeline(bytes, createWriteStream(to));
}

export async function completeUpload(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset) return null;
  if (asset.state !== "pending") return asset;

  if (asset.uploadId) return asset; // a multipart upload is complete only once its parts are joined
  const head = await storage().head(asset.objectKey);
  if (!head) return asset; // not uploaded (yet): nothing to check
  // The checks run as a background job: a 500 MB video takes a while, and the browser need
  // not hold a request open for it; it asks for the outcome instead.
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.mediaAsset.updateMany({
      where: { id: asset.id, state: "pending" },
      data: { state: "uploaded" },
    });
    if (count === 1) await enqueueJob(tx, "media.verify", { assetId: asset.id });
    return count;
  });
  if (claimed === 0) return db.mediaAsset.findUnique({ where: { id: asset.id } });
  return db.mediaAsset.findUniqueOrThrow({ where: { id: asset.id } });
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
  const dir = await mkdtemp(path.join(tmpdir(), "mosaic-media-"));
  try {
    const file = path.join(dir, "upload");
    await download(asset.objectKey, file);
    const inspected = await inspectFile(file, rules(entry.category));
    // Parts are not signed with the file's length: the whole must be what was declared.
    const result: typeof inspected =
      inspected.ok && inspected.size !== asset.declaredSize
        ? { ok: false, rejection: { reason: "corrupt" }, detail: "size differs from declared" }
        : inspected;
    if (!result.ok) {
      await storage().remove(asset.objectKey);
      log.info({ assetId, reason: result.rejection.reason, detail: result.detail }, "upload refused");
      return db.mediaAsset.update({
        where: { id: asset.id },
        data: { state: "rejected", rejection: JSON.stringify(rejectionMessage(result.rejection)), size: head.size },
      });
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
        await storage().remove(asset.objectKey);
        return db.mediaAsset.update({
          where: { id: asset.id },
          data: {
            state: "rejected",
            rejection: JSON.stringify(rejectionMessage({ reason: "corrupt" })),
            size: head.size,
          },
        });
      }
      storedKey = newObjectKey(prefix, "pdf");
      await storage().put(storedKey, cleaned, result.type);
    } else if (result.personalMetadata) {
      // Phones record where a video was shot and who owns the device: keep a copy without it.
      const stripped = path.join(dir, `stripped.${EXTENSIONS[result.type]}`);
      await withoutMetadata(file, stripped);
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

export async function removeAsset(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset || !editable(entry)) return false;
  if (asset.uploadId)
    await storage()
      .abortMultipart(asset.objectKey, asset.uploadId)
      .catch(() => undefined);
  await Promise.all(
    [asset.objectKey, asset.cleanKey, asset.previewKey, asset.captionsKey]
      .filter((k): k is string => Boolean(k))
      .map((k) => storage().remove(k)),
  );
  await db.mediaAsset.delete({ where: { id: asset.id } });
  await markChanged(entryId);
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
    if (asset.uploadId)
      await storage()
        .abortMultipart(asset.objectKey, asset.uploadId)
        .catch(() => undefined);
    await storage()
      .remove(asset.objectKey)
      .catch(() => undefined);
    await db.mediaAsset.deleteMany({ where: { id: asset.id, state: asset.state } });
  }
  return abandoned.length;
}

/** After the last failed attempt to check an upload: refuse it rather than leave it waiting. */
export async function giveUpOnAsset(assetId: string) {
  const asset = await db.mediaAsset.findUnique({ where: { id: assetId } });
  if (!asset || asset.state !== "uploaded") return;
  await storage()
    .remove(asset.objectKey)
    .catch(() => undefined);
  await db.mediaAsset.update({
    where: { id: assetId },
    data: { state: "rejected", rejection: JSON.stringify(rejectionMessage({ reason: "corrupt" })) },
  });
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
