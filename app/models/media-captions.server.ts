import { db } from "~/services/db.server";
import { newObjectKey, storage } from "~/services/storage.server";
import { getOwnEntry, markChanged } from "./entry.server";
import { isTimed } from "./entry";
import { editableNow, mediaPrefix } from "./media.server";
import type { Problem } from "./problem";
import { isChecked } from "./media";
import { checkWebVtt } from "./webvtt";

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
): Promise<{ ok: true } | { ok: false; problem: Problem } | null> {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset || !editableNow(entry) || !isChecked(asset.state) || !isTimed(asset.detectedType)) return null;
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
  if (!entry || !asset || !editableNow(entry)) return false;
  if (!asset.captionsKey) return true;
  await db.mediaAsset.update({ where: { id: assetId }, data: { captionsKey: null, captionsLang: null } });
  await storage()
    .remove(asset.captionsKey)
    .catch(() => undefined);
  await markChanged(entryId);
  return true;
}

/** The key of a file's captions, for its owner; null when there are none to show. */
export async function ownCaptionsKey(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  return entry?.media.find((m) => m.id === assetId)?.captionsKey ?? null;
}

/** The key of the captions of a file of an entry of this contest, for its organizers. */
export async function organizerCaptionsKey(contestId: string, entryId: string, assetId: string) {
  const asset = await db.mediaAsset.findFirst({
    where: { id: assetId, entryId, state: "verified", entry: { contestId } },
    select: { captionsKey: true },
  });
  return asset?.captionsKey ?? null;
}

/** The WebVTT text stored under a captions key (one of the keys above, or a judge's or guardian's). */
export async function captionsText(key: string) {
  return new TextDecoder().decode(await storage().getBytes(key));
}
