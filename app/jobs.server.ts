import { advanceContests } from "~/models/lifecycle.server";
import { discardLater, type Discard } from "~/models/media.server";
import { sweepAbandonedUploads } from "~/models/media-sweep.server";
import { fingerprintAsset } from "~/models/media-fingerprint.server";
import { giveUpOnAsset, verifyAsset } from "~/models/media-verify.server";
import { backfillRenditions, giveUpPreparing, prepareAsset } from "~/models/media-prepare.server";
import { remindDrafts } from "~/models/message.server";
import { sendFeedback } from "~/models/feedback.server";
import { publishResults } from "~/models/results.server";
import { applyRetention } from "~/models/retention.server";
import { remindJudges } from "~/models/scoring.server";
import { backfillSearchKeys } from "~/models/search.server";
import { now } from "~/services/clock.server";
import type { UploadedPart } from "~/services/storage.server";
import { emailJob } from "~/services/email.server";
import { scheduleDaily, scheduleHourly, scheduleOnce, type JobHandlers } from "~/services/jobs.server";

/**
 * Every kind of background job Mosaic runs: its type (the Job row's `type`) and the domain
 * function that does it. Jobs are queued by the models (`enqueueJob`, `scheduleOnce`) and run by
 * the worker that entry.server.tsx starts with this list.
 */
export const jobHandlers: JobHandlers = {
  "email.send": emailJob,
  "media.verify": {
    async run(payload) {
      const { assetId, parts } = payload as { assetId: string; parts?: UploadedPart[] };
      await verifyAsset(assetId, parts);
    },
    async onGiveUp(payload) {
      await giveUpOnAsset((payload as { assetId: string }).assetId);
    },
  },
  "media.fingerprint": {
    async run(payload) {
      await fingerprintAsset((payload as { assetId: string }).assetId);
    },
  },
  "media.prepare": {
    async run(payload) {
      const { assetId, backfill } = payload as { assetId: string; backfill?: boolean };
      await prepareAsset(assetId, { backfill });
    },
    async onGiveUp(payload) {
      const { assetId, backfill } = payload as { assetId: string; backfill?: boolean };
      // a video already shown from its original stays as it was
      if (!backfill) await giveUpPreparing(assetId);
    },
  },
  "media.renditions-backfill": {
    async run() {
      await backfillRenditions();
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
  "feedback.send": {
    async run(payload) {
      await sendFeedback((payload as { contestId: string }).contestId);
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

/**
 * The workers each instance runs: making renditions takes minutes of CPU, so it has a lane of
 * its own, one job at a time, and emails and checks never wait behind a film.
 */
const SLOW = ["media.prepare"];

export function jobLanes() {
  return {
    main: { except: SLOW, beforePass: keepSchedule() },
    media: { only: SLOW, batch: 1 },
  };
}

/** The hourly sweep of abandoned uploads. */
export function scheduleSweep(hoursAhead: number) {
  return scheduleHourly("media.sweep", hoursAhead);
}

const HOURLY = ["media.sweep", "judging.remind", "entries.remind", "contests.advance"];
const HOUR = 60 * 60 * 1000;

/**
 * Each hourly job of this hour, and today's retention run, exists, once per hour per instance
 * (the worker's `beforePass`). A job queues its next hour itself, but one that failed for good,
 * or a database that was down when the hour came, would otherwise end the chain.
 */
export function keepSchedule() {
  let done: number | undefined;
  return async () => {
    const hour = Math.floor(now().getTime() / HOUR);
    if (done === hour) return;
    for (const type of HOURLY) await scheduleHourly(type, 0);
    await scheduleDaily("privacy.retention", 0);
    // once per database: rows written before searches were folded (migration 20261130060000)
    await scheduleOnce("search.backfill:20261130060000", "search.backfill", {}, now());
    // once per database: videos checked before renditions existed (migration 20261202090000)
    await scheduleOnce("media.renditions-backfill:20261202090000", "media.renditions-backfill", {}, now());
    done = hour;
  };
}
