import { emailJob } from "./email.server";
import { env } from "./env.server";
import { discardLater, type Discard } from "~/models/media.server";
import { sweepAbandonedUploads } from "~/models/media-sweep.server";
import { giveUpOnAsset, verifyAsset } from "~/models/media-verify.server";
import { advanceContests } from "~/models/lifecycle.server";
import { remindDrafts } from "~/models/message.server";
import { publishResults } from "~/models/results.server";
import { remindJudges } from "~/models/scoring.server";
import { applyRetention } from "~/models/retention.server";
import { backfillSearchKeys } from "~/models/search.server";
import { now } from "./clock.server";
import { scheduleOnce, startWorker, type JobHandlers, type Worker } from "./jobs.server";

/** Every kind of background job Mosaic runs. */
export const jobHandlers: JobHandlers = {
  "email.send": emailJob,
  "media.verify": {
    async run(payload) {
      await verifyAsset((payload as { assetId: string }).assetId);
    },
    async onGiveUp(payload) {
      await giveUpOnAsset((payload as { assetId: string }).assetId);
    },
  },
  "media.discard": {
    async run(payload) {
      await discardLater(payload as Discard);
    },
  },
  "media.sweep": {
    async run() {
      await sweepAbandonedUploads();
      await scheduleSweep(1);
    },
  },
  "results.publish": {
    async run(payload) {
      await publishResults((payload as { contestId: string }).contestId);
    },
  },
  "entries.remind": {
    async run() {
      await remindDrafts();
      await scheduleHourly("entries.remind", 1);
    },
  },
  "judging.remind": {
    async run() {
      await remindJudges();
      await scheduleHourly("judging.remind", 1);
    },
  },
  "search.backfill": {
    async run() {
      await backfillSearchKeys();
    },
  },
  "privacy.retention": {
    async run() {
      await applyRetention();
      await scheduleDaily("privacy.retention", 1);
    },
  },
  "contests.advance": {
    async run() {
      await advanceContests();
      await scheduleHourly("contests.advance", 1);
    },
  },
};

const HOUR = 60 * 60 * 1000;

/** An hourly job, `hoursAhead` from now; one job per hour whatever the number of instances. */
export function scheduleHourly(type: string, hoursAhead: number) {
  const hour = Math.floor(now().getTime() / HOUR) + hoursAhead;
  return scheduleOnce(`${type}:${hour}`, type, {}, new Date(hour * HOUR));
}

const DAY = 24 * HOUR;

/** A daily job at 03:00 UTC, `daysAhead` from today; one per day whatever the number of instances. */
export function scheduleDaily(type: string, daysAhead: number) {
  const day = Math.floor(now().getTime() / DAY) + daysAhead;
  return scheduleOnce(`${type}:${day}`, type, {}, new Date(day * DAY + 3 * HOUR));
}

/** The hourly sweep of abandoned uploads. */
export function scheduleSweep(hoursAhead: number) {
  return scheduleHourly("media.sweep", hoursAhead);
}

const HOURLY = ["media.sweep", "judging.remind", "entries.remind", "contests.advance"];

/**
 * Each hourly job of this hour, and today's retention run, exists, once per hour per instance. A job queues its next hour
 * itself, but one that failed for good, or a database that was down when the hour came, would
 * otherwise end the chain.
 */
function hourlySchedule() {
  let done: number | undefined;
  return async () => {
    const hour = Math.floor(now().getTime() / HOUR);
    if (done === hour) return;
    for (const type of HOURLY) await scheduleHourly(type, 0);
    await scheduleDaily("privacy.retention", 0);
    // once per database: rows written before searches were folded (migration 20261130060000)
    await scheduleOnce("search.backfill:20261130060000", "search.backfill", {}, now());
    done = hour;
  };
}

const globalForWorker = globalThis as unknown as { __mosaicWorker?: Worker };

export function startBackgroundWorker() {
  if (!env().JOBS_ENABLED) return undefined;
  globalForWorker.__mosaicWorker ??= startWorker(jobHandlers, env().JOBS_POLL_MS, { beforePass: hourlySchedule() });
  return globalForWorker.__mosaicWorker;
}

/** Tells this instance's worker that a job is waiting, so an email leaves at once. */
export function nudgeWorker() {
  globalForWorker.__mosaicWorker?.nudge();
}
