import { env } from "./env.server";
import { startWorker, type JobHandlers, type Worker } from "./jobs.server";

const globalForWorker = globalThis as unknown as { __mosaicWorker?: Worker };

/**
 * This instance's job worker, running `handlers` (the list is app/jobs.server.ts, wired in by
 * entry.server.tsx), when JOBS_ENABLED. One per process: the dev server's rebuilds keep the
 * first.
 */
export function startBackgroundWorker(handlers: JobHandlers, options: { beforePass?: () => Promise<void> } = {}) {
  if (!env().JOBS_ENABLED) return undefined;
  globalForWorker.__mosaicWorker ??= startWorker(handlers, env().JOBS_POLL_MS, options);
  return globalForWorker.__mosaicWorker;
}
