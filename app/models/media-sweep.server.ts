import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { discardAsset, refuse } from "./media.server";

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
    if (count === 1) await discardAsset(asset);
  }
  return abandoned.length + (await refuseStuckPreparations());
}

/**
 * Files still "preparing" a day on, with no rendition job left to finish them (a job taken by an
 * instance that did not know its kind, say, during a deploy): refused with the message a failed
 * preparation gets, rather than left waiting for ever.
 */
async function refuseStuckPreparations() {
  const stuck = await db.mediaAsset.findMany({
    where: { state: "preparing", createdAt: { lt: new Date(now().getTime() - ABANDONED_AFTER_MS) } },
  });
  let refused = 0;
  for (const asset of stuck) {
    const live = await db.job.count({
      where: {
        type: "media.prepare",
        payload: JSON.stringify({ assetId: asset.id }),
        status: { in: ["queued", "running"] },
      },
    });
    if (live === 0 && (await refuse(asset, "preparing", { reason: "cannotPrepare" }, asset.size))) refused += 1;
  }
  return refused;
}
