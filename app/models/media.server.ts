import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { log } from "~/services/log.server";
import { inspectFile } from "~/services/media-inspect.server";
import { newObjectKey, storage } from "~/services/storage.server";
import { contestPhase, splitList, submissionsCloseAt } from "./contest";
import { checkDeclared, rejectionMessage } from "./media";
import { getOwnEntry } from "./entry.server";

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

export type StartUpload =
  | { ok: true; assetId: string; url: string; headers: Record<string, string> }
  | { ok: false; problem: { key: string; values?: Record<string, unknown> } };

function rules(category: { allowedTypes: string; maxFileBytes: number; maxDurationSec: number | null }) {
  return {
    allowedTypes: splitList(category.allowedTypes),
    maxFileBytes: category.maxFileBytes,
    maxDurationSec: category.maxDurationSec,
  };
}

function editable(entry: { status: string; contest: Parameters<typeof contestPhase>[0] }) {
  return ["draft", "submitted"].includes(entry.status) && contestPhase(entry.contest, now()) === "open";
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
  const objectKey = newObjectKey(`contests/${entry.contestId}/entries/${entry.id}`, EXTENSIONS[file.type]);
  // An upload URL never outlives the deadline.
  const secondsLeft = Math.floor((submissionsCloseAt(entry.contest).getTime() - now().getTime()) / 1000);
  const url = await storage().presignPut(objectKey, {
    contentType: file.type,
    contentLength: file.size,
    expiresInSec: Math.max(1, Math.min(UPLOAD_URL_SECONDS, secondsLeft)),
  });
  const asset = await db.mediaAsset.create({
    data: {
      entryId,
      objectKey,
      originalName: file.name.slice(0, 255),
      declaredType: file.type,
      declaredSize: file.size,
      position: entry.media.length,
    },
  });
  return { ok: true, assetId: asset.id, url, headers: { "Content-Type": file.type } };
}

async function download(key: string, to: string) {
  const bytes = await storage().getStream(key);
  await pipeline(bytes, createWriteStream(to));
}

/**
 * Checks an uploaded object before it counts. A refused file is deleted from storage and the
 * entrant sees why; an accepted image is replaced by its metadata-free copy and a preview, so
 * the original (with any GPS position) is kept nowhere.
 */
export async function completeUpload(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset) return null;
  if (asset.state !== "pending") return asset;

  const head = await storage().head(asset.objectKey);
  if (!head) return asset; // not uploaded (yet): nothing to check
  const claimed = await db.mediaAsset.updateMany({
    where: { id: asset.id, state: "pending" },
    data: { state: "uploaded" },
  });
  if (claimed.count === 0) return db.mediaAsset.findUnique({ where: { id: asset.id } });

  const dir = await mkdtemp(path.join(tmpdir(), "mosaic-media-"));
  try {
    const file = path.join(dir, "upload");
    await download(asset.objectKey, file);
    const result = await inspectFile(file, rules(entry.category));
    if (!result.ok) {
      await storage().remove(asset.objectKey);
      log.info({ assetId, reason: result.rejection.reason, detail: result.detail }, "upload refused");
      return db.mediaAsset.update({
        where: { id: asset.id },
        data: { state: "rejected", rejection: JSON.stringify(rejectionMessage(result.rejection)), size: head.size },
      });
    }
    const prefix = `contests/${entry.contestId}/entries/${entry.id}`;
    let cleanKey: string | null = null;
    let previewKey: string | null = null;
    if (result.clean && result.preview) {
      cleanKey = newObjectKey(prefix, result.clean.extension);
      previewKey = newObjectKey(prefix, result.preview.extension);
      await storage().put(cleanKey, result.clean.bytes, result.clean.type);
      await storage().put(previewKey, result.preview.bytes, result.preview.type);
      await storage().remove(asset.objectKey);
    }
    return db.mediaAsset.update({
      where: { id: asset.id },
      data: {
        state: "verified",
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
  await Promise.all(
    [asset.objectKey, asset.cleanKey, asset.previewKey]
      .filter((k): k is string => Boolean(k))
      .map((k) => storage().remove(k)),
  );
  await db.mediaAsset.delete({ where: { id: asset.id } });
  return true;
}

export async function setAltText(userId: string, entryId: string, assetId: string, altText: string) {
  const entry = await getOwnEntry(userId, entryId);
  if (!entry || !entry.media.some((m) => m.id === assetId) || !editable(entry)) return false;
  await db.mediaAsset.update({ where: { id: assetId }, data: { altText: altText.trim().slice(0, 1000) } });
  return true;
}

/** Short-lived links for the owner to see their own verified files. */
export async function viewUrls(
  media: { id: string; state: string; previewKey: string | null; cleanKey: string | null; objectKey: string }[],
) {
  const entries = await Promise.all(
    media
      .filter((m) => m.state === "verified")
      .map(
        async (m) =>
          [
            m.id,
            await storage().presignGet(m.previewKey ?? m.cleanKey ?? m.objectKey, { expiresInSec: VIEW_URL_SECONDS }),
          ] as const,
      ),
  );
  return Object.fromEntries(entries);
}
