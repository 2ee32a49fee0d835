import { env } from "./env.server";
import { startWorker, type JobHandlers, type Lane, type Worker } from "./jobs.server";

const globalForWorker = globalThis as unknown as { __mosaicLanes?: Map<string, Worker> };

/**
 * This instance's job workers, one per lane (the lanes and the handlers are app/jobs.server.ts,
 * wired in by entry.server.tsx), when JOBS_ENABLED. One per lane per process: the dev server's
 * rebuilds keep the first.
 */
export function startBackgroundWorkers(
  handlers: JobHandlers,
  lanes: Record<string, Lane & { beforePass?: () => Promise<void> }>,
) {
  if (!env().JOBS_ENABLED) return [];
  const running = (globalForWorker.__mosaicLanes ??= new Map());
  return Object.entries(lanes).map(([name, { beforePass, ...lane }]) => {
    if (!running.has(name)) running.set(name, startWorker(handlers, env().JOBS_POLL_MS, { beforePass, lane }));
    return running.get(name)!;
  });
}
