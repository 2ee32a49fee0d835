import { beforeEach, describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/organize.$slug._index";
import { addMonths, DAY_MS } from "~/models/retention";
import { applyRetention } from "~/models/retention.server";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs, scheduleDaily } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { newObjectKey, storage } from "~/services/storage.server";
import { jobHandlers } from "~/jobs.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest, TODAY } from "../support/contest";

import { context, getRequest } from "../support/http";
import { eligibleEntry, signedIn } from "../support/judging";

const MS = 1;

beforeEach(resetToDemoContest);

/**
 * Runs the retention job one millisecond before `limit` (the row is still there) and at it (the
 * row is gone, or changed as `gone` says).
 */
async function keptUntil(limit: Date, present: () => Promise<boolean>) {
  setNow(new Date(limit.getTime() - MS));
  await applyRetention();
  expect(await present()).toBe(true);
  setNow(limit);
  await applyRetention();
  expect(await present()).toBe(false);
}

async function verification(fields: { usedAt?: Date; expiresAt: Date }) {
  return db.verification.create({
    data: { email: "a@example.org", codeHash: "x", tokenHash: `t-${Math.random()}`, ...fields },
  });
}

const exists = (id: string) => async () => Boolean(await db.verification.findUnique({ where: { id } }));

describe("the daily retention job", () => {
  it("deletes a used sign-in code a day after its use, an unused one a day after it expired", async () => {
    const used = await verification({ usedAt: TODAY, expiresAt: new Date(TODAY.getTime() + 10 * 60_000) });
    await keptUntil(new Date(TODAY.getTime() + DAY_MS), exists(used.id));

    setNow(TODAY);
    const expires = new Date(TODAY.getTime() + 10 * 60_000);
    const unused = await verification({ expiresAt: expires });
    await keptUntil(new Date(expires.getTime() + DAY_MS), exists(unused.id));
  });

  it("deletes a rate-limit counter a day after its window started", async () => {
    await db.rateLimit.create({ data: { key: "sign-in:ip:x", windowStart: TODAY, count: 3 } });
    await keptUntil(
      new Date(TODAY.getTime() + DAY_MS),
      async () => (await db.rateLimit.count({ where: { key: "sign-in:ip:x" } })) === 1,
    );
  });

  it("deletes a session once it has expired, or once it has been idle for 14 days", async () => {
    const { user } = await signedIn("s@example.org");
    const ends = new Date(TODAY.getTime() + 3 * DAY_MS);
    await db.session.create({
      data: { id: "ends", userId: user.id, lastSeenAt: new Date(ends.getTime() - 1), expiresAt: ends },
    });
    await keptUntil(ends, async () => Boolean(await db.session.findUnique({ where: { id: "ends" } })));

    setNow(TODAY);
    await db.session.create({
      data: { id: "idle", userId: user.id, lastSeenAt: TODAY, expiresAt: new Date(TODAY.getTime() + 30 * DAY_MS) },
    });
    await keptUntil(new Date(TODAY.getTime() + 14 * DAY_MS), async () =>
      Boolean(await db.session.findUnique({ where: { id: "idle" } })),
    );
  });

  it("deletes finished jobs 30 days after they finished, and leaves queued ones and the once-per-database marker", async () => {
    const job = (id: string, type: string, status: string) =>
      db.job.create({ data: { id, type, payload: "{}", status, finishedAt: status === "queued" ? null : TODAY } });
    await job("done", "email.send", "done");
    await job("failed", "media.verify", "failed");
    await job("queued", "email.send", "queued");
    await job("marker", "search.backfill", "done");
    await keptUntil(
      new Date(TODAY.getTime() + 30 * DAY_MS),
      async () => (await db.job.count({ where: { id: { in: ["done", "failed"] } } })) === 2,
    );
    expect((await db.job.findMany({ orderBy: { id: "asc" } })).map((j) => j.id)).toEqual(["marker", "queued"]);
  });

  it("empties a sent email's body 30 days after it was sent and keeps who, what and when", async () => {
    const email = (key: string, status: string) =>
      db.email.create({
        data: {
          idempotencyKey: key,
          template: "entry-receipt",
          locale: "en",
          to: "amaya@example.org",
          payload: JSON.stringify({ title: "Hands that rebuild" }),
          status,
          sentAt: status === "sent" ? TODAY : null,
        },
      });
    const sent = await email("sent", "sent");
    const pending = await email("pending", "pending");
    await keptUntil(
      new Date(TODAY.getTime() + 30 * DAY_MS),
      async () => (await db.email.findUniqueOrThrow({ where: { id: sent.id } })).payload !== "{}",
    );
    expect(await db.email.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      to: "amaya@example.org",
      template: "entry-receipt",
      status: "sent",
      sentAt: TODAY,
    });
    expect((await db.email.findUniqueOrThrow({ where: { id: pending.id } })).payload).toContain("Hands");
  });

  it("keeps live codes, sessions, counters, queued jobs and emails not yet sent", async () => {
    const { user } = await signedIn("s@example.org");
    await verification({ expiresAt: new Date(TODAY.getTime() + 10 * 60_000) });
    await db.rateLimit.create({ data: { key: "k", windowStart: TODAY } });
    setNow(new Date(TODAY.getTime() + 10 * 60_000 - 1));
    await applyRetention();
    expect(await db.verification.count()).toBe(1);
    expect(await db.rateLimit.count()).toBe(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("runs every day, once, as a background job", async () => {
    await scheduleDaily("privacy.retention", 0);
    await scheduleDaily("privacy.retention", 0);
    await verification({ usedAt: new Date(TODAY.getTime() - 2 * DAY_MS), expiresAt: TODAY });
    setNow(new Date(TODAY.getTime() + DAY_MS / 2));
    await runDueJobs(jobHandlers);
    expect(await db.verification.count()).toBe(0);
    const jobs = await db.job.findMany({ where: { type: "privacy.retention" }, orderBy: { runAt: "asc" } });
    expect(jobs.map((j) => j.status)).toEqual(["done", "queued"]);
    expect(jobs[1]!.runAt.getTime() - jobs[0]!.runAt.getTime()).toBe(DAY_MS);
  });
});

describe("a contest's retention period after its results", () => {
  async function file(entryId: string) {
    const key = newObjectKey("contests/test/entries", "txt");
    await storage().put(key, new TextEncoder().encode("a work"), "text/plain");
    await db.mediaAsset.create({
      data: {
        entryId,
        state: "verified",
        objectKey: key,
        originalName: "work.txt",
        declaredType: "text/plain",
        declaredSize: 6,
      },
    });
    return key;
  }

  async function judgedContest() {
    const organizer = await signedIn("org@example.org", "organizer");
    const contest = await db.contest.findFirstOrThrow();
    const judge = await signedIn("judge@example.org");
    const winner = await eligibleEntry("Amaya Reyes", "PH");
    const other = await eligibleEntry("Lina Karam", "LB", { coCreator: "Sami K." });
    const draft = await db.entry.create({
      data: {
        contestId: contest.id,
        categoryId: other.categoryId,
        entrantId: other.entrantId,
        judgeCode: "DRAFT1",
        title: "Unsent",
      },
    });
    await db.release.create({ data: { entryId: other.id, person: "Nour", consentGivenBy: "Nour" } });
    const winnerKey = await file(winner.id);
    const otherKey = await file(other.id);
    for (const entry of [winner, other])
      await db.assignment.create({
        data: {
          contestId: contest.id,
          entryId: entry.id,
          judgeId: judge.user.id,
          status: "submitted",
          scores: '{"a":4}',
        },
      });
    await db.award.create({
      data: { contestId: contest.id, entryId: winner.id, place: "first", createdById: organizer.user.id },
    });
    const published = new Date(TODAY.getTime() + 90 * DAY_MS);
    await db.contest.update({
      where: { id: contest.id },
      data: { status: "results_published", resultsPublishedAt: published },
    });
    return { organizer, contest, winner, other, draft, winnerKey, otherKey, published };
  }

  it("deletes the files and personal details of entries that won nothing, on the day, and nothing else", async () => {
    const { contest, winner, other, draft, winnerKey, otherKey, published } = await judgedContest();
    const ends = addMonths(published, 12);
    await keptUntil(
      ends,
      async () => (await db.entry.findUniqueOrThrow({ where: { id: other.id } })).anonymisedAt === null,
    );

    const after = await db.entry.findUniqueOrThrow({
      where: { id: other.id },
      include: { media: true, coCreators: true, releases: true, assignments: true, entrant: true },
    });
    expect(after).toMatchObject({
      title: "",
      summary: "",
      statement: "",
      status: "eligible",
      media: [],
      coCreators: [],
      releases: [],
    });
    expect(after.referenceCode).toBe(other.referenceCode);
    // the scores stay for the statistics, the person does not: a stand-in with only the country
    expect(after.assignments).toHaveLength(1);
    expect(after.entrantId).not.toBe(other.entrantId);
    expect(after.entrant).toMatchObject({ fullName: null, dateOfBirth: null, country: "LB" });
    expect(after.entrant.erasedAt).not.toBeNull();
    expect(await storage().head(otherKey)).toBeNull();
    // the draft went the same way, to the same stand-in
    expect(await db.entry.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      title: "",
      entrantId: after.entrantId,
    });
    // the person's own account is theirs: it stays
    expect(await db.user.findUniqueOrThrow({ where: { id: other.entrantId } })).toMatchObject({
      fullName: "Lina Karam",
    });

    // the winner stays as published, with its file
    expect(await db.entry.findUniqueOrThrow({ where: { id: winner.id }, include: { media: true } })).toMatchObject({
      title: winner.title,
      entrantId: winner.entrantId,
      anonymisedAt: null,
      media: [expect.objectContaining({ objectKey: winnerKey })],
    });
    expect(await storage().head(winnerKey)).not.toBeNull();

    const done = await db.contest.findUniqueOrThrow({ where: { id: contest.id } });
    expect(done.retentionDoneAt).toEqual(ends);
    expect(
      await db.auditEvent.findFirst({ where: { contestId: contest.id, action: "retention.applied" } }),
    ).toMatchObject({
      detail: JSON.stringify({ entries: 2, files: 1 }),
    });
  });

  it("follows the contest's own period, and leaves contests without results alone", async () => {
    const { contest, other, published } = await judgedContest();
    await db.contest.update({ where: { id: contest.id }, data: { retentionMonths: 3 } });
    await keptUntil(
      addMonths(published, 3),
      async () => (await db.entry.findUniqueOrThrow({ where: { id: other.id } })).anonymisedAt === null,
    );

    await db.contest.create({ data: { ...demoContest(TODAY), slug: "unpublished", codePrefix: "UNP" } });
    setNow(addMonths(TODAY, 200));
    expect((await applyRetention()).contests).toEqual({ contests: 0, entries: 0 });
  });

  it("shows organizers what will be deleted and when", async () => {
    const { organizer, published } = await judgedContest();
    // a session of the moment: a year on, the first one has long ended
    const page = async () =>
      (
        await dashboardLoader({
          request: getRequest(`/organize/${DEMO_SLUG}`, {
            cookie: (await createSession(organizer.user.id)).split(";")[0]!,
          }),
          context: context(),
          params: { slug: DEMO_SLUG },
        })
      ).retention;
    expect(await page()).toEqual({
      months: 12,
      endsAt: addMonths(published, 12).toISOString(),
      doneAt: null,
      entries: 2,
      files: 1,
    });
    setNow(addMonths(published, 12));
    await applyRetention();
    expect(await page()).toMatchObject({ doneAt: addMonths(published, 12).toISOString(), entries: 0, files: 0 });
  });
});
