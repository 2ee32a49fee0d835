import { beforeEach, describe, expect, it, vi } from "vitest";
import { advance, setNow } from "~/services/clock.server";
import { afterCommit, db, serializable } from "~/services/db.server";
import { queueEmail } from "~/services/email.server";
import { claimJobs, enqueueJob, runDueJobs, startWorker, type JobHandlers } from "~/services/jobs.server";
import { jobHandlers } from "~/jobs.server";
import { resetDatabase } from "../support/db";
import { mailbox } from "../support/mailbox";
import { until } from "../support/processes";

const signInEmail = (key: string, to = "someone@example.org") =>
  db.$transaction((tx) =>
    queueEmail(tx, {
      template: "sign-in-code",
      to,
      locale: "en",
      payload: { code: "123456", link: "http://localhost:3000/login/link?token=abc" },
      idempotencyKey: key,
    }),
  );

beforeEach(async () => {
  await resetDatabase();
  mailbox().clear();
  mailbox().failNext(0);
  setNow(new Date("2026-03-01T10:00:00Z"));
});

describe("the email outbox", () => {
  it("writes nothing when the change that causes the email is rolled back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, {
          template: "sign-in-code",
          to: "a@example.org",
          locale: "en",
          payload: { code: "123456", link: "http://localhost:3000/x" },
          idempotencyKey: "rolled-back",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.email.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });

  it("delivers through the Resend SDK with an idempotency key, an HTML and a text version", async () => {
    const email = await signInEmail("welcome-1");
    expect(await runDueJobs(jobHandlers)).toBe(1);
    const [sent] = mailbox().messages();
    expect(sent).toMatchObject({ to: ["someone@example.org"], idempotencyKey: "welcome-1" });
    expect(sent?.subject).toBe("Your Mosaic sign-in code: 123456");
    expect(sent?.html).toContain("<html");
    expect(sent?.text).toContain("123456");
    expect(sent?.text).not.toContain("<");
    const row = await db.email.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ status: "sent", providerId: sent?.id, attempts: 1 });
  });

  it("queues one email for one idempotency key", async () => {
    await signInEmail("same-key");
    await signInEmail("same-key");
    await runDueJobs(jobHandlers);
    expect(mailbox().messages()).toHaveLength(1);
  });

  it("retries with growing back-off while Resend is down, then delivers once", async () => {
    mailbox().failNext(2, 503);
    const email = await signInEmail("retry-me");
    await runDueJobs(jobHandlers);
    const afterFirst = await db.job.findFirstOrThrow();
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1 });
    const firstDelay = afterFirst.runAt.getTime() - Date.parse("2026-03-01T10:00:00Z");
    expect(firstDelay).toBeGreaterThanOrEqual(30_000);

    expect(await runDueJobs(jobHandlers)).toBe(0); // not due yet
    advance(firstDelay);
    await runDueJobs(jobHandlers);
    const afterSecond = await db.job.findFirstOrThrow();
    expect(afterSecond.attempts).toBe(2);
    expect(afterSecond.runAt.getTime() - (Date.parse("2026-03-01T10:00:00Z") + firstDelay)).toBeGreaterThanOrEqual(
      60_000,
    );

    advance(afterSecond.runAt.getTime() - (Date.parse("2026-03-01T10:00:00Z") + firstDelay));
    await runDueJobs(jobHandlers);
    expect(mailbox().messages()).toHaveLength(1);
    expect(await db.email.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
      status: "sent",
      attempts: 3,
    });
    expect(await db.job.findFirstOrThrow()).toMatchObject({ status: "done" });
  });

  it("gives up after the last attempt and records the failure", async () => {
    mailbox().failNext(100, 500);
    const email = await signInEmail("never");
    await db.job.updateMany({ data: { maxAttempts: 2 } });
    await runDueJobs(jobHandlers);
    advance(2 * 60 * 60 * 1000);
    await runDueJobs(jobHandlers);
    expect(await db.job.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 2 });
    const row = await db.email.findUniqueOrThrow({ where: { id: email.id } });
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("outage");
  });

  it("does not send twice when a job runs again after its worker died mid-send", async () => {
    await signInEmail("crash");
    const [job] = await claimJobs("worker-that-dies", 1);
    expect(job).toBeDefined();
    // The dead worker had already reached Resend before it died.
    const { sendEmail } = await import("~/services/email.server");
    await sendEmail(JSON.parse(job!.payload).emailId);
    await db.email.updateMany({ data: { status: "pending", providerId: null } });

    expect(await runDueJobs(jobHandlers)).toBe(0); // its lease still holds
    advance(61_000);
    expect(await runDueJobs(jobHandlers)).toBe(1);
    expect(mailbox().messages()).toHaveLength(1);
    expect(mailbox().requests()).toBeGreaterThanOrEqual(2);
  });
});

describe("the job queue", () => {
  it("lets each job be claimed by one worker only, even when workers race", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 20; i++) await enqueueJob(tx, "count", { i });
    });
    const seen: number[] = [];
    const handlers: JobHandlers = { count: { run: async (payload) => void seen.push((payload as { i: number }).i) } };
    await Promise.all([1, 2, 3, 4].map((n) => runDueJobs(handlers, { workerId: `w${n}`, limit: 20 })));
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(await db.job.count({ where: { status: "done" } })).toBe(20);
  });

  it("gives each lane its own kinds of job, one at a time where asked", async () => {
    await db.$transaction(async (tx) => {
      for (const type of ["email", "film", "film", "email"]) await enqueueJob(tx, type, {});
    });
    const ran: string[] = [];
    const handlers: JobHandlers = {
      email: { run: async () => void ran.push("email") },
      film: { run: async () => void ran.push("film") },
    };
    // the main lane never takes a film, however many are due
    expect(await runDueJobs(handlers, { lane: { except: ["film"] } })).toBe(2);
    expect(ran).toEqual(["email", "email"]);
    // the media lane takes films only, one a pass
    expect(await runDueJobs(handlers, { lane: { only: ["film"], batch: 1 } })).toBe(1);
    expect(await runDueJobs(handlers, { lane: { only: ["film"], batch: 1 } })).toBe(1);
    expect(await runDueJobs(handlers, { lane: { only: ["film"], batch: 1 } })).toBe(0);
    expect(ran).toEqual(["email", "email", "film", "film"]);
  });

  it("keeps a long job's lease while it runs, so no other worker takes it up", async () => {
    await db.$transaction((tx) => enqueueJob(tx, "film", {}));
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      let takenBySecond = -1;
      const handlers: JobHandlers = {
        film: {
          async run(_payload, job) {
            const firstLease = job.leaseUntil!.getTime();
            // 50 s in: the lease is renewed (every 20 s of the running job)
            advance(50_000);
            vi.advanceTimersByTime(20_000);
            await until(async () => (await db.job.findFirstOrThrow()).leaseUntil!.getTime() > firstLease);
            // past the first lease: a second worker still finds the job taken
            advance(20_000);
            takenBySecond = (await claimJobs("second-worker", 1)).length;
          },
        },
      };
      expect(await runDueJobs(handlers, { workerId: "first-worker" })).toBe(1);
      expect(takenBySecond).toBe(0);
      expect(await db.job.findFirstOrThrow()).toMatchObject({ status: "done", attempts: 1, leaseUntil: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it("fails a job of an unknown type without retrying it", async () => {
    await db.$transaction((tx) => enqueueJob(tx, "no-such-job", {}));
    await runDueJobs({});
    expect(await db.job.findFirstOrThrow()).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("runs a transaction's after-commit hooks once it commits, and none of a transaction rolled back", async () => {
    const calls: string[] = [];
    await db.$transaction(async (tx) => {
      afterCommit(tx, () => calls.push("committed"));
      calls.push("in the transaction");
    });
    await expect(
      db.$transaction(async (tx) => {
        afterCommit(tx, () => calls.push("rolled back"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await serializable(async (tx) => afterCommit(tx, () => calls.push("serializable")));
    afterCommit(db, () => calls.push("outside a transaction"));
    expect(calls).toEqual(["in the transaction", "committed", "serializable", "outside a transaction"]);
  });

  it("wakes this instance's worker when a job is queued, without waiting for its next poll", async () => {
    const ran: string[] = [];
    const handlers: JobHandlers = { note: { run: async (payload) => void ran.push((payload as { n: string }).n) } };
    const worker = startWorker(handlers, 60 * 60 * 1000); // one pass now, the next in an hour
    try {
      await serializable(async (tx) => {
        await enqueueJob(tx, "note", { n: "queued" });
      });
      await until(() => ran.length > 0);
      expect(ran).toEqual(["queued"]);
    } finally {
      await worker.stop();
    }
  });
});
