import { Prisma, type Job } from "~/services/db.server";
import { randomUUID } from "node:crypto";
import { now } from "./clock.server";
import { afterCommit, db } from "./db.server";
import { log } from "./log.server";

/**
 * A small database-backed job queue. Workers claim jobs with a lease: a claimed job belongs to
 * one worker until its lease runs out, so any number of app instances can share the table, and
 * a job whose worker died is picked up again. Claims are compare-and-set updates, which work the
 * same on SQLite and PostgreSQL.
 */
export type JobHandler = {
  run: (payload: unknown, job: Job) => Promise<void>;
  /** Called once when a job has failed for the last time. */
  onGiveUp?: (payload: unknown, job: Job, error: string) => Promise<void>;
};
export type JobHandlers = Record<string, JobHandler>;

type Tx = Prisma.TransactionClient;

const LEASE_MS = 60_000;

// The workers running in this process, kept across the dev server's rebuilds like the worker
// itself: a job due now wakes them, so an email leaves at once instead of at the next poll.
const globalForJobs = globalThis as unknown as { __mosaicWorkers?: Set<() => void> };
const workers = (globalForJobs.__mosaicWorkers ??= new Set());

function wakeWorkersIfDue(runAt: Date) {
  if (runAt <= now()) for (const wake of workers) wake();
}

/**
 * Queues a job in the transaction of the change that causes it. A job due now wakes this
 * instance's worker once the transaction commits (before, the worker could not see it).
 */
export async function enqueueJob(
  tx: Tx,
  type: string,
  payload: unknown,
  options: { runAt?: Date; maxAttempts?: number } = {},
) {
  const runAt = options.runAt ?? now();
  const job = await tx.job.create({
    data: { type, payload: JSON.stringify(payload), runAt, maxAttempts: options.maxAttempts },
  });
  afterCommit(tx, () => wakeWorkersIfDue(runAt));
  return job;
}

/**
 * Queues a job under a fixed id, once: any number of instances may ask for "the sweep of
 * 14:00" and exactly one job exists. Returns whether this call created it.
 */
export async function scheduleOnce(id: string, type: string, payload: unknown, runAt: Date) {
  try {
    await db.job.create({ data: { id, type, payload: JSON.stringify(payload), runAt } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
  wakeWorkersIfDue(runAt);
  return true;
}

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

/** 30 s, 1 min, 2 min, … capped at 1 h, with up to 10 % jitter so retries don't bunch up. */
export function backoffMs(attempt: number, random = Math.random) {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (1 + random() * 0.1));
}

/**
 * Which job types a worker takes: all of them, `only` these, or all `except` these. A slow kind
 * (making a film's renditions) runs in a lane of its own, so an email never waits behind it.
 */
export type Lane = {
  only?: string[];
  except?: string[];
  /** how many jobs a pass claims at once (10); 1 for long jobs, whose claims would otherwise wait out their leases */
  batch?: number;
};

function claimable(at: Date, lane: Lane = {}): Prisma.JobWhereInput {
  return {
    ...(lane.only || lane.except
      ? { type: { ...(lane.only && { in: lane.only }), ...(lane.except && { notIn: lane.except }) } }
      : {}),
    OR: [
      { status: "queued", runAt: { lte: at } },
      { status: "running", leaseUntil: { lt: at } },
    ],
  };
}

export async function claimJobs(workerId: string, limit: number, lane: Lane = {}): Promise<Job[]> {
  const at = now();
  const candidates = await db.job.findMany({
    where: claimable(at, lane),
    orderBy: { runAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const claimed: Job[] = [];
  for (const { id } of candidates) {
    const { count } = await db.job.updateMany({
      where: { id, ...claimable(at) },
      data: {
        status: "running",
        lockedBy: workerId,
        leaseUntil: new Date(at.getTime() + LEASE_MS),
        attempts: { increment: 1 },
      },
    });
    if (count === 1) claimed.push(await db.job.findUniqueOrThrow({ where: { id } }));
  }
  return claimed;
}

/** While a job runs, its lease is renewed, so a long one is never taken up by a second worker. */
function holdLease(mine: { id: string; lockedBy: string }) {
  const renew = setInterval(() => {
    db.job
      .updateMany({ where: mine, data: { leaseUntil: new Date(now().getTime() + LEASE_MS) } })
      .catch((error: unknown) => log.warn({ jobId: mine.id, err: error }, "job lease not renewed"));
  }, LEASE_MS / 3);
  return () => clearInterval(renew);
}

async function runOne(job: Job, handlers: JobHandlers, workerId: string) {
  const handler = handlers[job.type];
  const payload: unknown = JSON.parse(job.payload);
  const mine = { id: job.id, lockedBy: workerId };
  const release = holdLease(mine);
  try {
    if (!handler) throw new Error(`no handler for job type "${job.type}"`);
    await handler.run(payload, job);
    await db.job.updateMany({
      where: mine,
      data: { status: "done", finishedAt: now(), lockedBy: null, leaseUntil: null, lastError: null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = job.attempts >= job.maxAttempts || !handler;
    log.warn({ jobId: job.id, type: job.type, attempt: job.attempts, giveUp, err: message }, "job failed");
    const { count } = await db.job.updateMany({
      where: mine,
      data: giveUp
        ? { status: "failed", finishedAt: now(), lockedBy: null, leaseUntil: null, lastError: message }
        : {
            status: "queued",
            runAt: new Date(now().getTime() + backoffMs(job.attempts)),
            lockedBy: null,
            leaseUntil: null,
            lastError: message,
          },
    });
    if (giveUp && count === 1) await handler?.onGiveUp?.(payload, job, message);
  } finally {
    release();
  }
}

/** Claims and runs the jobs that are due; returns how many ran. */
export async function runDueJobs(
  handlers: JobHandlers,
  options: { workerId?: string; limit?: number; lane?: Lane } = {},
) {
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const jobs = await claimJobs(workerId, options.limit ?? options.lane?.batch ?? 10, options.lane);
  for (const job of jobs) await runOne(job, handlers, workerId);
  return jobs.length;
}

export type Worker = { stop: () => Promise<void> };

/**
 * Polls for due jobs until stopped; queueing a job due now in this process runs a pass at once.
 * `beforePass` runs first in every pass. A pass that fails (the database down, at start-up or
 * later) is logged and the next one tries again: nothing here ends the process.
 */
export function startWorker(
  handlers: JobHandlers,
  pollMs: number,
  options: { beforePass?: () => Promise<void>; lane?: Lane } = {},
): Worker {
  const workerId = `worker-${randomUUID()}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const pass = async () => {
    try {
      await options.beforePass?.();
      while ((await runDueJobs(handlers, { workerId, lane: options.lane })) > 0 && !stopped);
    } catch (error) {
      log.error({ err: error }, "job worker pass failed");
    }
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = pass().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        tick();
      } else if (!stopped) timer = setTimeout(tick, pollMs);
    });
  };
  tick();
  workers.add(tick);
  return {
    async stop() {
      stopped = true;
      workers.delete(tick);
      clearTimeout(timer);
      await running;
    },
  };
}
