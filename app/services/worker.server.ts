import { emailJob } from "./email.server";
import { env } from "./env.server";
import { startWorker, type JobHandlers, type Worker } from "./jobs.server";

/** Every kind of background job Mosaic runs. */
export const jobHandlers: JobHandlers = {
  "email.send": emailJob,
};

const globalForWorker = globalThis as unknown as { __mosaicWorker?: Worker };

export function startBackgroundWorker() {
  if (!env().JOBS_ENABLED) return undefined;
  globalForWorker.__mosaicWorker ??= startWorker(jobHandlers, env().JOBS_POLL_MS);
  return globalForWorker.__mosaicWorker;
}

/** Tells this instance's worker that a job is waiting, so an email leaves at once. */
export function nudgeWorker() {
  globalForWorker.__mosaicWorker?.nudge();
}
