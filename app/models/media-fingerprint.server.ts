import { db } from "~/services/db.server";
import { log } from "~/services/log.server";
import { storedMedia } from "~/services/media-inspect.server";
import { storage } from "~/services/storage.server";
import { isChecked } from "./media";

/**
 * The fingerprint (SHA-256) of a file accepted as it was uploaded, the "media.fingerprint" job
 * its check queues (app/models/media-verify.server.ts): one streamed read of the kept object,
 * after the entrant's file already counts. Until it is done, what shows the fingerprint says it
 * is being computed. A file removed, refused or erased meanwhile is not read, or no longer
 * written to: the job ends quietly.
 */
export async function fingerprintAsset(assetId: string) {
  const asset = await db.mediaAsset.findUnique({
    where: { id: assetId },
    select: { objectKey: true, size: true, sha256: true, state: true },
  });
  if (!asset || asset.sha256 || asset.size === null || !isChecked(asset.state)) return;
  let sha256: string;
  try {
    sha256 = await storedMedia(storage(), asset.objectKey, asset.size).sha256();
  } catch (error) {
    // Removed, refused or erased while it was read (its objects go before its row): nothing to
    // fingerprint. A file still kept was not read to the end: the job tries again.
    const kept = await db.mediaAsset.findUnique({ where: { id: assetId }, select: { objectKey: true, state: true } });
    if (kept?.objectKey === asset.objectKey && isChecked(kept.state)) throw error;
    log.info({ assetId }, "no fingerprint taken: the file is gone");
    return;
  }
  // only for the object that was read, and only once
  await db.mediaAsset.updateMany({
    where: { id: assetId, objectKey: asset.objectKey, sha256: null },
    data: { sha256 },
  });
}
