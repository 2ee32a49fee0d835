import { now } from "~/services/clock.server";
import { db, serializable } from "~/services/db.server";
import { enqueueJob } from "~/services/jobs.server";
import { log } from "~/services/log.server";
import { openBudget, takeFromBudget } from "~/services/rate-limit.server";
import { newObjectKey, storage, type UploadedPart } from "~/services/storage.server";
import {
  categoryRules,
  checkDeclared,
  KEPT_STATES,
  MAX_UPLOADS_PER_DAY,
  MULTIPART_THRESHOLD,
  PART_SIZE,
  PARTS_AT_ONCE,
  partSizes,
  partsMatchPlan,
  rejectionMessage,
  UPLOADS_WINDOW_MS,
} from "./media";
import { discardObjects, editableNow, EXTENSIONS, mediaPrefix, refuse } from "./media.server";
import type { Problem } from "./problem";
import { getOwnEntry, markChanged } from "./entry.server";
import { entryClosesAt, lockedProblem } from "./entry";

/**
 * The upload protocol. Files go from the browser straight to storage through a presigned PUT
 * whose type and exact length are signed (or, above MULTIPART_THRESHOLD, in parts that can be
 * resumed); the app only hands out the URLs, joins the parts, and queues the check of the bytes
 * (media-verify.server.ts).
 */

const UPLOAD_URL_SECONDS = 15 * 60;

export type StartUpload =
  | { ok: true; mode: "single"; assetId: string; url: string; headers: Record<string, string> }
  | {
      ok: true;
      mode: "multipart";
      assetId: string;
      partSize: number;
      partCount: number;
      /** the first parts' URLs, so that they are sent without a request more */
      urls: Record<number, string>;
    }
  | { ok: false; problem: Problem };

/**
 * Files that count against a category's limit: those whose bytes arrived. An upload that never
 * started (storage was down, the tab was closed) holds no place; the limit is checked again when
 * an upload completes.
 */
function filesThatCount(media: { state: string }[]) {
  return media.filter((m) => KEPT_STATES.includes(m.state)).length;
}

function urlSeconds(entry: Parameters<typeof entryClosesAt>[0]) {
  // An upload URL never outlives the deadline (or the date an organizer returned the entry until).
  const secondsLeft = Math.floor((entryClosesAt(entry).getTime() - now().getTime()) / 1000);
  return Math.max(1, Math.min(UPLOAD_URL_SECONDS, secondsLeft));
}

export async function startUpload(
  userId: string,
  entryId: string,
  file: { name: string; type: string; size: number },
): Promise<StartUpload> {
  const multipart = file.size > MULTIPART_THRESHOLD;
  // An upload that cannot start must cost the entrant nothing of their day's budget (below), so
  // storage must answer first. A single upload's URL is signed here: storage is asked at once,
  // while the entry is read. A multipart upload is opened by storage itself, which answers then.
  const storageAnswers = multipart ? null : storage().ping();
  storageAnswers?.catch(() => undefined); // awaited below, unless the entry refuses first
  const entry = await getOwnEntry(userId, entryId);
  if (!entry) return { ok: false, problem: { key: "entry.notFound" } };
  if (!editableNow(entry)) return { ok: false, problem: lockedProblem(entry) };
  const declared = checkDeclared(categoryRules(entry.category), file);
  if (declared) return { ok: false, problem: rejectionMessage(declared) };
  if (filesThatCount(entry.media) >= entry.category.maxFiles) {
    return { ok: false, problem: { key: "missing.tooManyFiles", values: { count: entry.category.maxFiles } } };
  }
  const objectKey = newObjectKey(mediaPrefix(entry), EXTENSIONS[file.type]);
  // Refused files free their place, so without a budget one could send file after file forever.
  const budgetKey = `uploads:${userId}`;
  const [uploadId] = await Promise.all([
    multipart ? storage().createMultipart(objectKey, file.type) : storageAnswers!.then(() => null),
    openBudget(budgetKey),
  ]);
  // One transaction: the budget is taken, and the entry changes (back to a draft, if it was
  // submitted), only with the file that takes and changes them.
  const started = await db.$transaction(async (tx) => {
    const budget = await takeFromBudget(tx, budgetKey, MAX_UPLOADS_PER_DAY, UPLOADS_WINDOW_MS);
    if (!budget.ok) return budget;
    await markChanged(entryId, tx);
    const asset = await tx.mediaAsset.create({
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
    return { ok: true as const, asset };
  });
  if (!started.ok) {
    if (uploadId) await discardObjects([], { key: objectKey, uploadId });
    const hours = Math.max(1, Math.ceil(started.retryAfterMs / (60 * 60 * 1000)));
    return { ok: false, problem: { key: "upload.tooManyToday", values: { max: MAX_UPLOADS_PER_DAY, count: hours } } };
  }
  const { asset } = started;
  if (multipart) {
    const plan = partSizes(file.size, PART_SIZE);
    const first = plan.slice(0, PARTS_AT_ONCE).map((_, i) => i + 1);
    return {
      ok: true,
      mode: "multipart",
      assetId: asset.id,
      partSize: PART_SIZE,
      partCount: plan.length,
      urls: await signParts(objectKey, uploadId!, plan, first, urlSeconds(entry)),
    };
  }
  const url = await storage().presignPut(objectKey, {
    contentType: file.type,
    contentLength: file.size,
    expiresInSec: urlSeconds(entry),
  });
  return { ok: true, mode: "single", assetId: asset.id, url, headers: { "Content-Type": file.type } };
}

/**
 * The entrant's multipart upload still under way, with what its URLs depend on: asked for while
 * the parts are sent, so only that is read (not the whole entry).
 */
async function pendingMultipart(userId: string, entryId: string, assetId: string) {
  const asset = await db.mediaAsset.findFirst({
    where: { id: assetId, entryId, entry: { entrantId: userId } },
    include: {
      entry: {
        select: {
          status: true,
          editableUntil: true,
          contest: { select: { status: true, opensAt: true, deadline: true, graceMinutes: true } },
        },
      },
    },
  });
  if (!asset || !editableNow(asset.entry) || asset.state !== "pending" || !asset.uploadId || !asset.partSize)
    return null;
  return { entry: asset.entry, asset: { ...asset, uploadId: asset.uploadId, partSize: asset.partSize } };
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
  return {
    assetId,
    partSize: found.asset.partSize,
    partCount: Math.ceil(file.size / found.asset.partSize),
    /** storage did not join the parts sent: all of them go again */
    sendAll: found.asset.rejection !== null,
  };
}

/** Presigned URLs for some parts of a multipart upload. */
export async function presignParts(userId: string, entryId: string, assetId: string, partNumbers: number[]) {
  const found = await pendingMultipart(userId, entryId, assetId);
  if (!found) return null;
  const plan = partSizes(found.asset.declaredSize, found.asset.partSize);
  const wanted = [...new Set(partNumbers)].filter((n) => Number.isInteger(n) && n >= 1 && n <= plan.length);
  return signParts(found.asset.objectKey, found.asset.uploadId, plan, wanted, urlSeconds(found.entry));
}

/**
 * URLs for the parts `numbers` of an upload whose parts are `plan`, by part number. The server
 * decides every part's length from the declared size, and each URL binds it.
 */
async function signParts(objectKey: string, uploadId: string, plan: number[], numbers: number[], seconds: number) {
  const urls = await Promise.all(
    numbers.map(
      async (n) =>
        [
          n,
          await storage().presignPart(objectKey, uploadId, { partNumber: n, contentLength: plan[n - 1]! }, seconds),
        ] as const,
    ),
  );
  return Object.fromEntries(urls);
}

type OwnEntry = NonNullable<Awaited<ReturnType<typeof getOwnEntry>>>;
type Asset = OwnEntry["media"][number];

/**
 * The browser has sent every part: the upload counts and its check is queued at once, with the
 * ETags storage gave back for the parts. The check's job asks storage to join them first
 * (`joinParts`), so the entrant is done without holding a request open while storage puts a
 * large file together, and a slow connection has only a short answer to lose. The parts must be
 * exactly those of the plan; a list storage then refuses (a part it does not have, a wrong ETag)
 * puts the upload back to "pending", resumable.
 *
 * Asking again is safe: on a slow connection the answer can be lost, and the browser asks again.
 * An upload already claimed answers with where its check stands.
 */
export async function completeMultipart(
  userId: string,
  entryId: string,
  assetId: string,
  parts: UploadedPart[],
): Promise<{ ok: true; asset: Asset } | { ok: false; problem: Problem } | null> {
  const entry = await getOwnEntry(userId, entryId);
  const own = entry?.media.find((m) => m.id === assetId);
  if (!entry || !own) return null;
  if (own.state !== "pending") return { ok: true, asset: own };
  if (own.uploadId === null) {
    const asset = await claimUpload(entry, own);
    return asset ? { ok: true, asset } : null;
  }
  if (!editableNow(entry) || !own.partSize) return null;
  if (!partsMatchPlan(parts, partSizes(own.declaredSize, own.partSize)))
    return { ok: false, problem: { key: "upload.partsMissing" } };
  const asset = await claim(entry, own, parts);
  return asset ? { ok: true, asset } : null;
}

/**
 * An upload whose parts storage did not join goes back to "pending", if it still waits for that
 * join. The row keeps why: resumed, every part is sent anew (the browser's ETags are what storage
 * refused, or never got to).
 */
export function backToPending(asset: { id: string; uploadId: string }) {
  return db.mediaAsset.updateMany({
    where: { id: asset.id, state: "uploaded", uploadId: asset.uploadId },
    data: { state: "pending", rejection: JSON.stringify({ key: "upload.partsMissing", values: {} }) },
  });
}

/** Storage's answers to a join whose list of parts it refuses (S3's error codes). */
const REFUSED_LISTS = new Set(["InvalidPart", "InvalidPartOrder", "EntityTooSmall", "MalformedXML"]);

/**
 * The first step of a multipart upload's check (the "media.verify" job): storage joins the parts
 * the browser listed. Answers whether the joined file is there to check.
 *
 * An attempt whose join worked but which failed to note it is taken up again: storage no longer
 * knows the upload (some S3-compatible servers then answer with a 500, so even an apparent outage
 * is asked about), but the object is there. A list storage refuses puts the upload back to
 * "pending": the entrant's page tells them to pick the same file again, which sends every part
 * anew to the same upload. Anything else (storage down, or not knowing an upload whose object is
 * not there yet) fails the attempt, and the queue tries again. An upload removed or refused while
 * storage joined it leaves nothing behind.
 */
export async function joinParts(asset: { id: string; objectKey: string; uploadId: string }, parts: UploadedPart[]) {
  try {
    await storage().completeMultipart(asset.objectKey, asset.uploadId, parts);
  } catch (error) {
    if (!(await storage().head(asset.objectKey))) {
      if (!(error instanceof Error) || !REFUSED_LISTS.has(error.name)) throw error;
      log.info({ assetId: asset.id, err: error.message }, "parts refused by storage");
      await backToPending(asset);
      return false;
    }
  }
  // the join is noted: storage forgets a joined upload's id
  const { count } = await db.mediaAsset.updateMany({
    where: { id: asset.id, state: "uploaded", uploadId: asset.uploadId },
    data: { uploadId: null },
  });
  if (count === 1) return true;
  // Removed, or refused, meanwhile: their objects were deleted before this one existed. (A row
  // still there otherwise is one another attempt of the same check has joined and goes on with.)
  const now = await db.mediaAsset.findUnique({ where: { id: asset.id }, select: { state: true } });
  if (!now || now.state === "rejected") await discardObjects([asset.objectKey]);
  return false;
}

export async function completeUpload(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  const asset = entry?.media.find((m) => m.id === assetId);
  if (!entry || !asset) return null;
  if (asset.state !== "pending") return asset;
  if (asset.uploadId) return asset; // a multipart upload is complete only once its parts are joined
  return claimUpload(entry, asset);
}

/**
 * Once a single upload's bytes are all in storage: its size is checked and the file counts, its
 * check queued. Answers with where the file then stands.
 */
async function claimUpload(entry: OwnEntry, asset: Asset) {
  const head = await storage().head(asset.objectKey);
  if (!head) return asset; // not uploaded (yet): nothing to check
  if (head.size !== asset.declaredSize) {
    // Refused on the stored size, before a byte of it is read.
    await refuse(asset, "pending", { reason: "notAsDeclared" }, head.size);
    return db.mediaAsset.findUnique({ where: { id: asset.id } });
  }
  return claim(entry, asset);
}

/**
 * The file counts and its check is queued (with a multipart upload's parts, which the check
 * joins first). The checks run as a background job: a 500 MB video takes a while, and the
 * browser need not hold a request open for it; it asks for the outcome instead.
 */
async function claim(entry: OwnEntry, asset: Asset, parts?: UploadedPart[]) {
  // Serializable: on PostgreSQL two uploads completing together would otherwise each count only
  // their own claim (read committed); one of them is now aborted and run again, and counts both.
  const claimed = await serializable(async (tx) => {
    const { count } = await tx.mediaAsset.updateMany({
      where: { id: asset.id, state: "pending", uploadId: asset.uploadId },
      data: { state: "uploaded", rejection: null },
    });
    if (count === 0) return "taken";
    // Counted after the claim, so that uploads completing together cannot pass the limit.
    const files = await tx.mediaAsset.count({ where: { entryId: entry.id, state: { in: KEPT_STATES } } });
    if (files > entry.category.maxFiles) return "tooMany";
    await enqueueJob(tx, "media.verify", parts ? { assetId: asset.id, parts } : { assetId: asset.id });
    return "claimed";
  });
  if (claimed === "claimed") return { ...asset, state: "uploaded", rejection: null };
  if (claimed === "tooMany")
    await refuse(asset, "uploaded", { reason: "tooManyFiles", maxFiles: entry.category.maxFiles });
  return db.mediaAsset.findUnique({ where: { id: asset.id } });
}

/** The outcome of an upload, for the entrant's browser to poll. */
export async function uploadStatus(userId: string, entryId: string, assetId: string) {
  const entry = await getOwnEntry(userId, entryId);
  return entry?.media.find((m) => m.id === assetId) ?? null;
}
