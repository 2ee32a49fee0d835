import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import { StorageUnavailableError, storage } from "~/services/storage.server";
import { rejectionMessage, type Rejection } from "./media";
import { getOwnEntry, markChanged } from "./entry.server";
import { entryEditable } from "./entry";

/**
 * An entry's files (MediaAsset rows and their objects in storage): what the media modules share,
 * and the edits that are neither upload nor captions. Beside it, by concern: media-upload (the
 * upload protocol), media-verify (the check of every upload's bytes), media-fingerprint (the
 * SHA-256 of a file accepted as it was sent), media-captions, media-view (short-lived links to
 * show files) and media-sweep (abandoned uploads); the pure rules are in media.ts.
 */

/** The extension of a stored object, by its type: keys never come from the entrant's file name. */
export const EXTENSIONS: Record<string, string> = {
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

/**
 * Where a contest's files live. Keys carry no entry id, user id or file name (judges receive
 * URLs with these keys), only a random part that nobody can guess.
 */
export function mediaPrefix(entry: { contestId: string }) {
  return `contests/${entry.contestId}/media`;
}

/** The columns of a MediaAsset that name objects in storage, for queries that will delete them. */
export const STORED_KEYS = {
  objectKey: true,
  cleanKey: true,
  previewKey: true,
  webKey: true,
  lightKey: true,
  captionsKey: true,
  uploadId: true,
} as const;

export type StoredKeys = { objectKey: string; uploadId?: string | null } & Partial<
  Record<"cleanKey" | "previewKey" | "webKey" | "lightKey" | "captionsKey", string | null>
>;

/** Every object a file has in storage: what was sent, its clean copy, preview, renditions and captions. */
export function storedKeys(asset: StoredKeys) {
  return [asset.objectKey, asset.cleanKey, asset.previewKey, asset.webKey, asset.lightKey, asset.captionsKey].filter(
    (key): key is string => Boolean(key),
  );
}

/**
 * Deletes a file's objects now or, while storage is down, later (an unfinished multipart upload
 * is aborted).
 */
export function discardAsset(asset: StoredKeys) {
  return discardObjects(
    storedKeys(asset),
    asset.uploadId ? { key: asset.objectKey, uploadId: asset.uploadId } : undefined,
  );
}

/** Whether the entrant may change the entry's files at this moment. */
export function editableNow(entry: Parameters<typeof entryEditable>[0]) {
  return entryEditable(entry, now());
}

/**
 * Refuses a file that was in `state`: the entrant reads why, and its bytes (with any poster or
 * rendition made so far) are deleted (later, if storage is down).
 */
export async function refuse(
  asset: { id: string } & StoredKeys,
  state: string,
  rejection: Rejection,
  size: number | null = null,
) {
  const { count } = await db.mediaAsset.updateMany({
    where: { id: asset.id, state },
    data: { state: "rejected", rejection: JSON.stringify(rejectionMessage(rejection)), size },
  });
  if (count === 1) await discardAsset(asset);
  return count === 1;
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
  if (!entry || !editableNow(entry)) return false;
  // Deleted only as it was read: a check or rendition finishing in between adds objects, which
  // are then read again so that none is left behind.
  let asset = entry.media.find((m) => m.id === assetId);
  let removed = false;
  for (let attempt = 0; asset && !removed && attempt < 5; attempt++) {
    const { count } = await db.mediaAsset.deleteMany({
      where: { id: asset.id, state: asset.state, webKey: asset.webKey, previewKey: asset.previewKey },
    });
    removed = count === 1;
    if (!removed) asset = (await db.mediaAsset.findUnique({ where: { id: assetId } })) ?? undefined;
  }
  if (!asset || !removed) return false;
  await markChanged(entryId);
  await discardAsset(asset);
  return true;
}

export async function setAltText(userId: string, entryId: string, assetId: string, altText: string) {
  const entry = await getOwnEntry(userId, entryId);
  if (!entry || !entry.media.some((m) => m.id === assetId) || !editableNow(entry)) return false;
  await db.mediaAsset.update({ where: { id: assetId }, data: { altText: altText.trim().slice(0, 1000) } });
  await markChanged(entryId);
  return true;
}
