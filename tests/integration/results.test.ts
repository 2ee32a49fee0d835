import { beforeEach, describe, expect, it, vi } from "vitest";
import { runAssignment } from "~/models/assignment.server";
import { contestResults, publishedWinners } from "~/models/results.server";
import { loader as auditLoader } from "~/routes/organize.$slug.audit";
import { loader as exportLoader } from "~/routes/organize.$slug.export.$file";
import { action as resultsAction, loader as resultsLoader } from "~/routes/organize.$slug.results";
import { action as screeningAction } from "~/routes/organize.$slug.screening";
import { action as finalAction } from "~/routes/organize.$slug.final";
import { loader as winnersLoader } from "~/routes/contests.$slug_.winners";
import { loader as entriesLoader } from "~/routes/entries._index";
import { now as clockNow, setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { runDueJobs } from "~/services/jobs.server";
import { createSession } from "~/services/session.server";
import { jobHandlers } from "~/jobs.server";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { resetToDemoContest, TODAY } from "../support/contest";
import { entrant, startId, upload } from "../support/entries";
import { context, formRequest, getRequest, problemKeys, settle } from "../support/http";
import { eligibleEntry, judge, signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";

const slug = DEMO_SLUG;

/** A scoring-round sheet's key, for its entry and judge. */
const sheetOf = (entryId: string, judgeId: string) => ({
  entryId_judgeId_round: { entryId, judgeId, round: "scoring" },
});

/** Every criterion of a sheet at one level: a sheet of all 5s weighs 100, of all 1s weighs 0. */
async function score(entryId: string, judgeId: string, level: number) {
  const criteria = await db.rubricCriterion.findMany();
  await db.assignment.update({
    where: sheetOf(entryId, judgeId),
    data: { status: "submitted", scores: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, level]))) },
  });
}

async function scoredContest() {
  const organizer = await signedIn("org@example.org", "organizer");
  const judges = await Promise.all(["a", "b", "c"].map((n) => judge(`${n}@example.org`, { country: "FR" })));
  await db.contest.updateMany({ data: { judgesPerEntry: 3, avoidSameCountry: false } });
  const entries = [
    await eligibleEntry("Amaya Reyes", "PH"),
    await eligibleEntry("Lina Karam", "LB"),
    await eligibleEntry("Juan Pérez", "CO"),
  ];
  await runAssignment((await db.contest.findFirstOrThrow()).id, organizer.user.id);
  // judge a is lenient, c severe; all agree Amaya's is best and Juan's weakest
  const levels = [
    [5, 4, 3],
    [4, 3, 2],
    [3, 2, 1],
  ];
  for (const [j, row] of levels.entries())
    for (const [e, level] of row.entries()) await score(entries[e]!.id, judges[j]!.user.id, level);
  return { organizer, judges, entries };
}

/**
 * The kept computation brought up to date, checked against one made afresh by a new copy of the
 * results module (which keeps nothing yet).
 */
async function keptEqualsFresh(contestId: string) {
  const kept = await contestResults(contestId);
  vi.resetModules();
  const fresh = await import("~/models/results.server");
  const afresh = await fresh.contestResults(contestId);
  await (await import("~/services/db.server")).db.$disconnect();
  expect({ ...kept, computedAt: null }).toEqual({ ...afresh, computedAt: null });
  return kept;
}

const post = (cookie: string, fields: Record<string, string>) =>
  settle(() =>
    resultsAction({
      request: formRequest(`/organize/${slug}/results`, fields, { cookie }),
      context: context(),
      params: { slug },
    }),
  );

beforeEach(resetToDemoContest);

describe("results", () => {
  it("rank each category on the normalised score, with each judge's weighted score, the raw mean and the spread", async () => {
    const { organizer, entries } = await scoredContest();
    const page = await resultsLoader({
      request: getRequest(`/organize/${slug}/results`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    const rows = page.categories[0]!.rows;
    expect(rows.map((r) => [r.referenceCode, r.rank, r.judgeCount])).toEqual([
      [entries[0]!.referenceCode, 1, 3],
      [entries[1]!.referenceCode, 2, 3],
      [entries[2]!.referenceCode, 3, 3],
    ]);
    // levels 5/4/3 of 5 weigh 100/75/50: raw mean 75; every judge puts it one SD above their mean
    expect(rows[0]!.rawMean).toBeCloseTo(75);
    expect(rows[0]!.judgeScores.map((j) => j.weighted).sort((a, b) => a - b)).toEqual([50, 75, 100]);
    expect(rows[0]!.normalisedMean).toBeCloseTo(50 + 15 * Math.sqrt(1.5));
    expect(rows[0]!.spread.range).toBeCloseTo(50);
    expect(rows[0]!.disagreement).toBe(true);
    expect(rows[0]!.usedRawFallback).toBe(false);

    // a revised sheet or a new award shows at once: nothing stale is served from memory
    const [judgeA] = await db.contestJudge.findMany({ orderBy: { createdAt: "asc" }, take: 1 });
    await score(entries[0]!.id, judgeA!.userId, 1);
    await db.award.create({
      data: {
        contestId: entries[2]!.contestId,
        entryId: entries[2]!.id,
        place: "third",
        createdById: organizer.user.id,
      },
    });
    const again = await resultsLoader({
      request: getRequest(`/organize/${slug}/results`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    const first = again.categories[0]!.rows.find((r) => r.entryId === entries[0]!.id)!;
    expect(first.rawMean).not.toBeCloseTo(75);
    expect(again.categories[0]!.rows.find((r) => r.entryId === entries[2]!.id)!.award).toBe("third");
  });

  /** The organizers' results page as loaded: when its numbers were worked out, and its first category's rows. */
  const firstCategory = async (cookie: string) => {
    const page = await resultsLoader({
      request: getRequest(`/organize/${slug}/results`, { cookie }),
      context: context(),
      params: { slug },
    });
    return { computedAt: page.computedAt, rows: page.categories[0]!.rows };
  };

  it("show an award as soon as it is set, without working the numbers out again; a new score does", async () => {
    const { organizer, judges, entries } = await scoredContest();
    const at = new Date(clockNow().getTime() + 1000);
    setNow(at);
    const load = async () => {
      const { computedAt, rows } = await firstCategory(organizer.cookie);
      return { computedAt, awards: Object.fromEntries(rows.map((r) => [r.entryId, r.award])), rows };
    };
    const before = await load();
    expect(before.computedAt).toBe(at.toISOString());
    expect(Object.values(before.awards)).toEqual([null, null, null]);

    // awards set, changed and taken back a minute later: shown each time, from the same computation
    setNow(new Date(at.getTime() + 60_000));
    const award = (entryId: string, place: string) =>
      post(organizer.cookie, { intent: "award", entryId, place, category: "" });
    await award(entries[0]!.id, "first");
    await award(entries[1]!.id, "honourable");
    let seen = await load();
    expect(seen.computedAt).toBe(at.toISOString());
    expect(seen.awards).toEqual({ [entries[0]!.id]: "first", [entries[1]!.id]: "honourable", [entries[2]!.id]: null });
    expect(seen.rows.map((r) => [r.rank, r.normalisedMean])).toEqual(
      before.rows.map((r) => [r.rank, r.normalisedMean]),
    );
    await award(entries[0]!.id, "second");
    await award(entries[1]!.id, "");
    seen = await load();
    expect(seen.computedAt).toBe(at.toISOString());
    expect(seen.awards).toEqual({ [entries[0]!.id]: "second", [entries[1]!.id]: null, [entries[2]!.id]: null });

    // a revised sheet: worked out again, awards kept
    await score(entries[2]!.id, judges[0]!.user.id, 5);
    seen = await load();
    expect(seen.computedAt).toBe(new Date(at.getTime() + 60_000).toISOString());
    expect(seen.awards[entries[0]!.id]).toBe("second");
  });

  it("show the final's shortlist as soon as it is saved, without working the scoring round's numbers out again", async () => {
    const { organizer, entries } = await scoredContest();
    const at = new Date(clockNow().getTime() + 1000);
    setNow(at);
    const load = async () => {
      const { computedAt, rows } = await firstCategory(organizer.cookie);
      return { computedAt, shortlisted: Object.fromEntries(rows.map((r) => [r.entryId, r.shortlisted])), rows };
    };
    const before = await load();
    expect(before.computedAt).toBe(at.toISOString());
    expect(Object.values(before.shortlisted)).toEqual([false, false, false]);

    // a page of the shortlist saved a minute later, then changed: shown each time, from the same computation
    setNow(new Date(at.getTime() + 60_000));
    const save = (shortlist: string[]) =>
      settle(() =>
        finalAction({
          request: formRequest(
            `/organize/${slug}/final`,
            [
              ...entries.map((e): [string, string] => ["shown", e.id]),
              ...shortlist.map((id): [string, string] => ["shortlist", id]),
              ["intent", "save"],
            ],
            { cookie: organizer.cookie },
          ),
          context: context(),
          params: { slug },
        }),
      );
    await save([entries[0]!.id, entries[1]!.id]);
    let seen = await load();
    expect(seen.computedAt).toBe(at.toISOString());
    expect(seen.shortlisted).toEqual({ [entries[0]!.id]: true, [entries[1]!.id]: true, [entries[2]!.id]: false });
    expect(seen.rows.map((r) => [r.rank, r.normalisedMean])).toEqual(
      before.rows.map((r) => [r.rank, r.normalisedMean]),
    );
    await save([entries[1]!.id]);
    seen = await load();
    expect(seen.computedAt).toBe(at.toISOString());
    expect(seen.shortlisted).toEqual({ [entries[0]!.id]: false, [entries[1]!.id]: true, [entries[2]!.id]: false });
    // nor does a sheet of the final round change the scoring round's numbers
    await db.assignment.create({
      data: {
        contestId: entries[1]!.contestId,
        entryId: entries[1]!.id,
        judgeId: (await db.contestJudge.findFirstOrThrow()).userId,
        round: "final",
        status: "submitted",
        scores: "{}",
      },
    });
    expect((await load()).computedAt).toBe(at.toISOString());

    // a new title is on the page: worked out again, the shortlist kept
    await db.entry.update({ where: { id: entries[2]!.id }, data: { title: "Hands that heal" } });
    seen = await load();
    expect(seen.computedAt).toBe(new Date(at.getTime() + 60_000).toISOString());
    expect(seen.rows.find((r) => r.entryId === entries[2]!.id)!.title).toBe("Hands that heal");
    expect(seen.shortlisted[entries[1]!.id]).toBe(true);
  });

  it("work the numbers out again when an entry changes category, is ruled out or leaves with its entrant, or a judge recuses", async () => {
    const { organizer, judges, entries } = await scoredContest();
    const load = (category = "") =>
      resultsLoader({
        request: getRequest(`/organize/${slug}/results?category=${encodeURIComponent(category)}`, {
          cookie: organizer.cookie,
        }),
        context: context(),
        params: { slug },
      });
    const categoryOf = async (entryId: string) => {
      for (const { name } of (await load()).categoryNames) {
        if ((await load(name)).categories[0]!.rows.some((r) => r.entryId === entryId)) return name;
      }
      return null;
    };
    const first = (await load()).categories[0]!.name;
    expect(await categoryOf(entries[2]!.id)).toBe(first);

    const other = await db.category.findFirstOrThrow({ where: { id: { not: entries[2]!.categoryId } } });
    await db.entry.update({ where: { id: entries[2]!.id }, data: { categoryId: other.id } });
    expect(await categoryOf(entries[2]!.id)).toBe(other.name);
    // written in raw SQL, as the database sees every change
    await db.$executeRaw`UPDATE "Entry" SET "status" = 'ineligible' WHERE "id" = ${entries[2]!.id}`;
    expect(await categoryOf(entries[2]!.id)).toBeNull();
    await db.user.delete({ where: { id: entries[1]!.entrantId } });
    expect(await categoryOf(entries[1]!.id)).toBeNull();

    // judge a recuses from Amaya's entry: two opinions left
    const row = async () => (await load()).categories[0]!.rows.find((r) => r.entryId === entries[0]!.id)!;
    expect((await row()).judgeCount).toBe(3);
    await db.assignment.update({
      where: sheetOf(entries[0]!.id, judges[0]!.user.id),
      data: { recusedAt: TODAY },
    });
    expect((await row()).judgeCount).toBe(2);
  });

  it("work out from the sheets changed since the last view what a computation from every sheet works out", async () => {
    const { judges, entries } = await scoredContest();
    const contestId = entries[0]!.contestId;
    const sheet = (e: number, j: number) => sheetOf(entries[e]!.id, judges[j]!.user.id);
    const same = () => keptEqualsFresh(contestId);
    await same();
    // a revised sheet, a recusal, a sheet taken back to a draft
    await score(entries[0]!.id, judges[1]!.user.id, 2);
    await db.assignment.update({ where: sheet(1, 2), data: { recusedAt: TODAY } });
    await db.assignment.update({ where: sheet(2, 0), data: { status: "draft" } });
    expect((await same()).categories[0]!.rows.map((r) => r.judgeCount).sort()).toEqual([2, 2, 3]);
    // the recusal taken back and the draft submitted again, then a sheet deleted
    await db.assignment.update({ where: sheet(1, 2), data: { recusedAt: null } });
    await score(entries[2]!.id, judges[0]!.user.id, 5);
    await same();
    await db.assignment.delete({ where: sheet(0, 0) });
    await db.contest.update({ where: { id: contestId }, data: { normalisation: "raw" } });
    expect((await same()).categories[0]!.rows.find((r) => r.entryId === entries[0]!.id)!.judgeCount).toBe(2);
  });

  it("work each reliability out again when a sheet of its own changed, and only then", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const judges = await Promise.all(["a", "b", "c"].map((n) => judge(`${n}@example.org`, { country: "FR" })));
    // the z-score: the calibrated model's warm start ends in other last digits (decision 22)
    await db.contest.updateMany({ data: { judgesPerEntry: 3, avoidSameCountry: false, normalisation: "zscore" } });
    const entries: Awaited<ReturnType<typeof eligibleEntry>>[] = [];
    for (const name of ["Amaya Reyes", "Lina Karam", "Juan Pérez", "Ana Silva", "Omar Haddad", "Mei Lin", "Ivo Horvat"])
      entries.push(await eligibleEntry(name, "PH"));
    const contestId = entries[0]!.contestId;
    await runAssignment(contestId, organizer.user.id);
    const criteria = await db.rubricCriterion.findMany({ orderBy: { position: "asc" } });
    const sheet = (e: number, j: number) => sheetOf(entries[e]!.id, judges[j]!.user.id);
    const scoreSheet = (e: number, j: number, level: (criterion: number) => number) =>
      db.assignment.update({
        where: sheet(e, j),
        data: {
          status: "submitted",
          scores: JSON.stringify(Object.fromEntries(criteria.map((c, k) => [c.id, level(k)]))),
        },
      });
    // the works differ, the judges disagree by a level here and there
    const quality = [5, 4, 4, 3, 2, 2, 1];
    const level = (e: number, j: number, k: number) => Math.min(5, Math.max(1, quality[e]! + ((e + j + k) % 3) - 1));
    for (let e = 0; e < entries.length; e++)
      for (let j = 0; j < judges.length; j++) await scoreSheet(e, j, (k) => level(e, j, k));
    const same = () => keptEqualsFresh(contestId);
    const before = await same();
    expect(before.categories[0]!.reliability?.level).not.toBe("unknown");
    // one criterion of one sheet: its criterion's and its category's reliabilities change, no other
    await scoreSheet(3, 1, (k) => (k === 1 ? 1 : level(3, 1, k)));
    const revised = await same();
    expect(revised.criteria[1]!.reliability).not.toEqual(before.criteria[1]!.reliability);
    expect(revised.categories[0]!.reliability).not.toEqual(before.categories[0]!.reliability);
    for (const k of [0, 2]) expect(revised.criteria[k]!.reliability).toBe(before.criteria[k]!.reliability);
    // another criterion, then sheets leaving and coming back
    await scoreSheet(5, 2, (k) => (k === 0 ? 1 : 5));
    await same();
    await db.assignment.update({ where: sheet(4, 0), data: { recusedAt: TODAY } });
    await db.assignment.update({ where: sheet(6, 2), data: { status: "draft" } });
    await same();
    await db.assignment.update({ where: sheet(4, 0), data: { recusedAt: null } });
    await db.assignment.update({ where: sheet(6, 2), data: { status: "submitted" } });
    await same();
    // an entry moved to another category takes its sheets to that category's reliability
    const other = await db.category.findFirstOrThrow({ where: { id: { not: entries[0]!.categoryId } } });
    await db.entry.update({ where: { id: entries[0]!.id }, data: { categoryId: other.id } });
    const moved = await same();
    const sheetsIn = (name: string) => moved.categories.find((c) => c.name === name)!.reliability!.sheets;
    expect(sheetsIn(other.name)).toBe(3);
    expect(sheetsIn(before.categories[0]!.name)).toBe(18);
  });

  it("say which entries are short of judges, and how many, on the page and in the export", async () => {
    const { organizer, judges, entries } = await scoredContest();
    const load = () =>
      resultsLoader({
        request: getRequest(`/organize/${slug}/results`, { cookie: organizer.cookie }),
        context: context(),
        params: { slug },
      });
    expect((await load()).shortOfJudges).toBe(0);
    expect((await load()).categories[0]!.rows.every((r) => r.judgesAsked === 3 && !r.shortOfJudges)).toBe(true);

    // one judge's sheet for Lina's entry is taken back: it stands on two opinions of the three asked for
    await db.assignment.update({
      where: sheetOf(entries[1]!.id, judges[0]!.user.id),
      data: { status: "draft" },
    });
    const page = await load();
    expect(page.shortOfJudges).toBe(1);
    expect(page.judgesAsked).toBe(3);
    const short = page.categories[0]!.rows.filter((r) => r.shortOfJudges);
    expect(short.map((r) => [r.referenceCode, r.judgeCount])).toEqual([[entries[1]!.referenceCode, 2]]);
    // still ranked with the others: the flag says why its rank is less sure
    expect(short[0]!.rank).not.toBeNull();

    const csv = await exportLoader({
      request: getRequest(`/organize/${slug}/export/results.csv`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug, file: "results.csv" },
    });
    const lines = (await (csv as Response).text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('"judges","judges asked","short of judges"');
    expect(lines.find((l) => l.includes(entries[1]!.referenceCode!))).toMatch(/"2","3","true",/);
  });

  it("take awards from organizers only, audited, until they are published", async () => {
    const { organizer, entries } = await scoredContest();
    const entrant = await signedIn("someone@example.org");
    expect(
      ((await post(entrant.cookie, { intent: "award", entryId: entries[0]!.id, place: "first" })) as Response).status,
    ).toBe(403);
    await post(organizer.cookie, { intent: "award", entryId: entries[0]!.id, place: "first" });
    await post(organizer.cookie, { intent: "award", entryId: entries[1]!.id, place: "honourable" });
    await post(organizer.cookie, { intent: "award", entryId: entries[1]!.id, place: "" });
    expect(await db.award.findMany({ select: { entryId: true, place: true } })).toEqual([
      { entryId: entries[0]!.id, place: "first" },
    ]);
    const log = await auditLoader({
      request: getRequest(`/organize/${slug}/audit`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(log.events.map((e) => e.action).slice(0, 3)).toEqual(["award.removed", "award.set", "award.set"]);
    expect(log.events[0]!.actor).toBe("org@example.org");
    expect(log.events.map((e) => e.action)).toContain("assignment.run");

    // an awarded entry later found ineligible loses its award with its place in judging
    const seen = (await db.entry.findUniqueOrThrow({ where: { id: entries[0]!.id } })).updatedAt.toISOString();
    await settle(() =>
      screeningAction({
        request: formRequest(
          `/organize/${slug}/screening`,
          { entryId: entries[0]!.id, decision: "ineligible", message: "Made before the contest.", seen },
          { cookie: organizer.cookie },
        ),
        context: context(),
        params: { slug },
      }),
    );
    expect(await db.award.count()).toBe(0);
  });
});

describe("publication", () => {
  it("happens at the announcement time and not before: the gallery opens and everyone gets one email", async () => {
    const { organizer, entries } = await scoredContest();
    // Amaya's work wins; she agreed to show her country; Lina's honourable mention lacks a release
    await db.entry.updateMany({ data: { licenceAt: TODAY, identifiablePeople: false } });
    await db.entry.update({ where: { id: entries[1]!.id }, data: { identifiablePeople: true } });
    await db.user.updateMany({ where: { fullName: "Amaya Reyes" }, data: { publishCountry: true } });
    await post(organizer.cookie, { intent: "award", entryId: entries[0]!.id, place: "first" });
    await post(organizer.cookie, { intent: "award", entryId: entries[1]!.id, place: "honourable" });

    const inAnHour = new Date(TODAY.getTime() + 60 * 60 * 1000);
    const local = "2026-03-01T12:00"; // 11:00 UTC in Geneva (UTC+1 in March)
    expect(inAnHour.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    // not while judges may still change scores: a mistyped date must not publish an open contest
    const tooEarly = await post(organizer.cookie, { intent: "schedule", announceAt: local });
    expect(problemKeys(tooEarly)).toEqual(["results.tooEarly"]);
    await db.contest.updateMany({ data: { judgingEndsAt: new Date(TODAY.getTime() - 60 * 60 * 1000) } });
    const scheduled = await post(organizer.cookie, { intent: "schedule", announceAt: local });
    expect(scheduled).toMatchObject({ data: { result: { status: "success" } } });
    await runDueJobs(jobHandlers);
    expect((await db.contest.findFirstOrThrow()).resultsPublishedAt).toBeNull();
    const { data: early } = await winnersLoader({
      request: getRequest(`/contests/${slug}/winners`),
      context: context(),
      params: { slug },
    });
    expect(early.winners).toBeNull();

    setNow(inAnHour);
    await runDueJobs(jobHandlers);
    await runDueJobs(jobHandlers);
    expect((await db.contest.findFirstOrThrow()).resultsPublishedAt).toEqual(inAnHour);
    // a second run of the publication (a retry) sends nothing twice
    await jobHandlers["results.publish"]!.run(
      { contestId: (await db.contest.findFirstOrThrow()).id },
      undefined as never,
    );
    await runDueJobs(jobHandlers);
    const mails = mailbox().messages();
    const to = (email: string) => mails.filter((m) => m.to.includes(email)).map((m) => m.subject);
    expect(to("amaya.reyes@example.org")).toEqual([
      "Youth for Humanitarian Disarmament Multimedia Contest 2025: your work won — First place",
    ]);
    expect(to("lina.karam@example.org")).toHaveLength(1);
    expect(to("juan.p.rez@example.org")).toEqual([
      "Youth for Humanitarian Disarmament Multimedia Contest 2025: the results are out",
    ]);
    expect(to("a@example.org")).toHaveLength(1);

    const { data: gallery } = await winnersLoader({
      request: getRequest(`/contests/${slug}/winners`),
      context: context(),
      params: { slug },
    });
    expect(gallery.winners!.map((w) => [w.title, w.place, w.name, w.country])).toEqual([
      [entries[0]!.title, "first", "Amaya", "Philippines"],
    ]);
    expect(JSON.stringify(gallery)).not.toContain("Reyes");
    expect(JSON.stringify(gallery)).not.toContain("amaya.reyes@example.org");

    // awards are now final, and the entrant sees the outcome on "My entries"
    expect(
      problemKeys(await post(organizer.cookie, { intent: "award", entryId: entries[2]!.id, place: "third" })),
    ).toEqual(["results.alreadyPublished"]);
    const amaya = await db.user.findFirstOrThrow({ where: { fullName: "Amaya Reyes" } });
    const mine = await entriesLoader({
      request: getRequest("/entries", { cookie: (await createSession(amaya.id)).split(";")[0]! }),
      context: context(),
      params: {},
    });
    expect(mine.entries[0]!.final).toBe("first");
    expect((await publishedWinners(slug))!.winners).toHaveLength(1);
  });
});

describe("the gallery", () => {
  it("serves a winning photo sized for the screen, with its description", async () => {
    const { organizer } = await scoredContest();
    const { cookie } = await entrant("photographer@example.org", "2001-05-05", { displayName: "Noa" });
    const id = await startId(cookie, "photography");
    const photo = await upload(cookie, id, "photo-with-gps.jpg", "image/jpeg");
    await db.mediaAsset.update({ where: { id: photo.assetId }, data: { altText: "Hands fitting a prosthetic leg." } });
    await db.entry.update({
      where: { id },
      data: {
        status: "eligible",
        licenceAt: TODAY,
        identifiablePeople: false,
        title: "Open workshop",
        submittedAt: TODAY,
      },
    });
    await post(organizer.cookie, { intent: "award", entryId: id, place: "second" });
    await db.contest.updateMany({ data: { judgingEndsAt: new Date(TODAY.getTime() - 60 * 60 * 1000) } });
    // 09:30 UTC: after judging closed (09:00 UTC), before now (10:00 UTC)
    await post(organizer.cookie, { intent: "schedule", announceAt: "2026-03-01T10:30" });
    await runDueJobs(jobHandlers);
    const { data: gallery } = await winnersLoader({
      request: getRequest(`/contests/${slug}/winners`),
      context: context(),
      params: { slug },
    });
    const [work] = gallery.winners!;
    expect(work).toMatchObject({ title: "Open workshop", name: "Noa", place: "second" });
    const [image] = work!.media;
    expect(image).toMatchObject({ type: "image/jpeg", altText: "Hands fitting a prosthetic leg." });
    // a web-sized preview for phones, and the full image for wide screens
    const preview = await fetch(image!.preview!);
    expect(preview.headers.get("content-type")).toBe("image/webp");
    expect(image!.url).not.toBe(image!.preview);
    expect(image!.width).toBeGreaterThan(0);
  });
});

describe("exports", () => {
  it("give organizers CSV that a spreadsheet cannot run, and record each download", async () => {
    const { organizer, entries } = await scoredContest();
    await db.entry.update({ where: { id: entries[0]!.id }, data: { title: '=HYPERLINK("http://evil.example")' } });
    const response = (await exportLoader({
      request: getRequest(`/organize/${slug}/export/entries.csv`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug, file: "entries.csv" },
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain("amaya.reyes@example.org");
    for (const file of ["scores.csv", "results.csv"]) {
      const csv = await (
        (await exportLoader({
          request: getRequest(`/organize/${slug}/export/${file}`, { cookie: organizer.cookie }),
          context: context(),
          params: { slug, file },
        })) as Response
      ).text();
      expect(csv.split("\r\n").length).toBeGreaterThan(3);
    }
    expect(await db.auditEvent.count({ where: { action: "export.csv" } })).toBe(3);
    const judgeUser = await signedIn("nosy-judge@example.org");
    const refused = (await settle(() =>
      exportLoader({
        request: getRequest(`/organize/${slug}/export/entries.csv`, { cookie: judgeUser.cookie }),
        context: context(),
        params: { slug, file: "entries.csv" },
      }),
    )) as Response;
    expect(refused.status).toBe(403);
  });
});
