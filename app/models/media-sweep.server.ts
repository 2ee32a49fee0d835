import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { discardObjects } from "./media.server";

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
