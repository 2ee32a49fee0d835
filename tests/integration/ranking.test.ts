import { beforeEach, describe, expect, it } from "vitest";
import { runAssignment, saveShortlist, startFinalRound } from "~/models/assignment.server";
import { comparisonView, decideComparison, showNextPair } from "~/models/comparison.server";
import { saveSettings, settingsValues, settingsVersion } from "~/models/contest-settings.server";
import { contestResults } from "~/models/results.server";
import { action as compareAction, loader as compareLoader } from "~/routes/judge.$slug.compare";
import { loader as howLoader } from "~/routes/contests.$slug_.how-we-rank";
import { action as resultsAction, loader as resultsLoader } from "~/routes/organize.$slug.results";
import type { Settings } from "~/schemas/contest";
import { setNow } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { demo, resetToDemoContest, TODAY } from "../support/contest";
import { context, formRequest, getRequest, problemKeys, settle } from "../support/http";
import { eligibleEntry, judge, signedIn } from "../support/judging";

const slug = DEMO_SLUG;

/** A sheet with every criterion at `level` (1–5): it weighs (level − 1) × 25 out of 100. */
async function score(entryId: string, judgeId: string, level: number, round = "scoring") {
  const criteria = await db.rubricCriterion.findMany();
  await db.assignment.upsert({
    where: { entryId_judgeId_round: { entryId, judgeId, round } },
    create: {
      contestId: (await demo()).id,
      entryId,
      judgeId,
      round,
      status: "submitted",
      scores: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, level]))),
    },
    update: {
      status: "submitted",
      scores: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, level]))),
    },
  });
}

/** "Add a judge here" on the results page, for the boundary after `place` in `category`. */
const addJudges = (cookie: string, category: string, place: string) =>
  settle(() =>
    resultsAction({
      request: formRequest(`/organize/${slug}/results`, { intent: "addJudges", category, place }, { cookie }),
      context: context(),
      params: { slug },
    }),
  );

const resultsPage = (cookie: string, query = "") =>
  resultsLoader({
    request: getRequest(`/organize/${slug}/results${query}`, { cookie }),
    context: context(),
    params: { slug },
  });

beforeEach(resetToDemoContest);

describe("calibrated ranking", () => {
  it("ranks on calibrated scores with intervals and top-three chances, and says how far the panel agreed", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const judges = await Promise.all(["a", "b", "c", "d"].map((n) => judge(`${n}@example.org`)));
    const entries: Awaited<ReturnType<typeof eligibleEntry>>[] = [];
    for (const name of ["Amaya Reyes", "Lina Karam", "Juan Pérez", "Mei Lin", "Omar Haddad", "Sara Ito"]) {
      entries.push(await eligibleEntry(name, "PH"));
    }
    // every judge reads every work; they agree on the order, and judge d is two levels stricter
    const quality = [5, 4, 4, 3, 2, 1];
    for (const [j, { user }] of judges.entries()) {
      for (const [e, entry] of entries.entries()) {
        await score(entry.id, user.id, Math.max(1, quality[e]! - (j === 3 ? 1 : 0)));
      }
    }
    const page = await resultsPage(organizer.cookie);
    expect(page.method).toBe("calibrated");
    expect(page.fellBack).toBe(false);
    const rows = page.categories[0]!.rows;
    expect(rows.map((r) => r.referenceCode)).toEqual(entries.map((e) => e.referenceCode));
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 2, 4, 5, 6]);
    for (const row of rows) {
      expect(row.calibrated!.low!).toBeLessThan(row.calibrated!.score!);
      expect(row.calibrated!.high!).toBeGreaterThan(row.calibrated!.score!);
    }
    // the clear winner is in the top three; the weakest work is not
    expect(rows[0]!.calibrated!.topProbability).toBeGreaterThan(0.95);
    expect(rows[5]!.calibrated!.topProbability).toBeLessThan(0.05);
    // the tie at places 2 and 3 decides nothing (both get a place); the one at 3 and 4 does not exist
    expect(page.closeBoundaries.every((b) => b.place !== 3)).toBe(true);
    // four judges agreeing on the order: the panel's reliability is high, criteria included
    expect(page.reliability!.level).toMatch(/excellent|good/);
    expect(page.criteria.map((c) => c.reliability.icc)).toHaveLength(5);
    // judge d is the strict one, by about one level (25 points) on most works
    const strictness = Object.fromEntries(page.judges.map((j) => [j.name || j.judgeId, j.severity]));
    expect(strictness["d@example.org"]!).toBeGreaterThan(10);
    expect(Math.abs(strictness["a@example.org"]!)).toBeLessThan(10);
  });

  it("falls back to the z-score, and says so, while too few sheets link the judges", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const [a] = await Promise.all([judge("a@example.org")]);
    const entries = [await eligibleEntry("Amaya Reyes", "PH"), await eligibleEntry("Lina Karam", "LB")];
    await score(entries[0]!.id, a!.user.id, 5);
    await score(entries[1]!.id, a!.user.id, 2);
    const page = await resultsPage(organizer.cookie);
    expect(page.method).toBe("calibrated");
    expect(page.fellBack).toBe(true);
    expect(page.categories[0]!.rows.map((r) => [r.rank, r.calibrated])).toEqual([
      [1, null],
      [2, null],
    ]);
  });

  it("adds one judge without a conflict to exactly the entries either side of a boundary too close to call", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    await db.contest.updateMany({ data: { judgesPerEntry: 3, avoidSameCountry: false } });
    const judges = await Promise.all(["a", "b", "c"].map((n) => judge(`${n}@example.org`)));
    const entries: Awaited<ReturnType<typeof eligibleEntry>>[] = [];
    for (const name of ["Amaya Reyes", "Lina Karam", "Juan Pérez", "Mei Lin", "Omar Haddad"]) {
      entries.push(await eligibleEntry(name, "PH"));
    }
    await runAssignment((await demo()).id, organizer.user.id);
    // places 3 and 4 get the very same sheets: nothing tells them apart
    const quality = [5, 4, 3, 3, 1];
    for (const { user } of judges) {
      for (const [e, entry] of entries.entries()) await score(entry.id, user.id, quality[e]!);
    }
    // a fourth judge arrives; a fifth knows the entrant of the fourth work
    const free = await judge("d@example.org");
    await judge("e@example.org", { people: "Mei Lin" });
    const page = await resultsPage(organizer.cookie);
    const boundary = page.closeBoundaries.find((b) => b.place === 3)!;
    expect(boundary).toBeDefined();
    expect(new Set([boundary.upper, boundary.lower])).toEqual(new Set([entries[2]!.id, entries[3]!.id]));
    expect(boundary.probability).toBeLessThan(0.9);
    expect(page.canAddJudges).toBe(true);

    const answer = await addJudges(organizer.cookie, page.categories[0]!.name, "3");
    expect(answer).toMatchObject({ data: { added: { added: 2, unmatched: 0 } } });
    const added = await db.assignment.findMany({
      where: { judgeId: { notIn: judges.map((j) => j.user.id) } },
      select: { entryId: true, judgeId: true, status: true },
    });
    // the free judge takes both (the other has a conflict with one, and the lighter load wins the other)
    expect(added.map((a) => a.entryId).sort()).toEqual([entries[2]!.id, entries[3]!.id].sort());
    expect(added.find((a) => a.entryId === entries[3]!.id)!.judgeId).toBe(free.user.id);
    expect(await db.auditEvent.count({ where: { action: "assignment.added" } })).toBe(1);

    // a second click adds nobody while those judges are on their way, and the page says so
    const again = await addJudges(organizer.cookie, page.categories[0]!.name, "3");
    expect(again).toMatchObject({ data: { added: { added: 0 } } });
    expect((await resultsPage(organizer.cookie)).closeBoundaries.find((b) => b.place === 3)!.judgeComing).toBe(true);
    // the assignment running again (as after a recusal) keeps the judges added beyond the setting
    await runAssignment((await demo()).id, organizer.user.id);
    expect(await db.assignment.count({ where: { extra: true } })).toBe(2);

    // a boundary that is not close adds nothing
    const settled = await addJudges(organizer.cookie, page.categories[0]!.name, "1");
    expect(problemKeys(settled)).toEqual(["results.settled"]);
    // judges may not ask for it
    const refused = await addJudges(judges[0]!.cookie, page.categories[0]!.name, "3");
    expect((refused as Response).status).toBe(403);
  });

  it("keeps a round's method once a judge has submitted a sheet of it", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const save = async (change: Partial<Settings>) => {
      const contest = await demo();
      const values = await settingsValues(contest);
      return saveSettings(
        contest,
        { ...values, ...change } as Settings,
        organizer.user.id,
        undefined,
        settingsVersion(values),
      );
    };
    expect(await save({ normalisation: "zscore" })).toMatchObject({ ok: true });
    expect(await save({ normalisation: "calibrated", finalMethod: "pairwise" })).toMatchObject({ ok: true });
    const a = await judge("a@example.org");
    const entry = await eligibleEntry("Amaya Reyes", "PH");
    await score(entry.id, a.user.id, 4);
    expect(await save({ normalisation: "raw" })).toEqual({ ok: false, reason: "methodLocked" });
    // the final has neither a sheet nor a comparison yet: its method may still change
    expect(await save({ finalMethod: "zscore" })).toMatchObject({ ok: true });
    await score(entry.id, a.user.id, 4, "final");
    expect(await save({ finalMethod: "pairwise" })).toEqual({ ok: false, reason: "finalMethodLocked" });
    expect((await demo()).normalisation).toBe("calibrated");
  });

  it("explains the chosen methods on a public page, in the visitor's language", async () => {
    await db.contest.updateMany({ data: { finalMethod: "pairwise", pairwiseTarget: 0.85 } });
    const page = await howLoader({
      request: getRequest(`/contests/${slug}/how-we-rank`),
      context: context(),
      params: { slug },
    });
    expect(page).toMatchObject({ normalisation: "calibrated", finalMethod: "pairwise", pairwiseTarget: 0.85 });
    expect(page.criteria.map((c) => c.weight)).toEqual([30, 20, 20, 20, 10]);
    // a draft contest has no public page
    await db.contest.updateMany({ data: { status: "draft" } });
    const hidden = await settle(() =>
      howLoader({ request: getRequest(`/contests/${slug}/how-we-rank`), context: context(), params: { slug } }),
    );
    expect((hidden as Response).status).toBe(404);
  });
});

describe("comparative final", () => {
  /** A shortlist of `count` works in the first category, a panel of judges, and a pairwise final that closes in a week. */
  async function pairwiseFinal(count: number, panel: { email: string; people?: string }[]) {
    const organizer = await signedIn("org@example.org", "organizer");
    await db.contest.updateMany({ data: { finalMethod: "pairwise", avoidSameCountry: false } });
    const judges = [];
    for (const p of panel) judges.push(await judge(p.email, p.people ? { people: p.people } : {}));
    const names = ["Amaya Reyes", "Lina Karam", "Juan Pérez", "Mei Lin", "Omar Haddad", "Sara Ito", "Ana Lima"];
    const entries: Awaited<ReturnType<typeof eligibleEntry>>[] = [];
    for (const name of names.slice(0, count)) entries.push(await eligibleEntry(name, "PH"));
    const contestId = (await demo()).id;
    await saveShortlist(
      contestId,
      entries.map((e) => e.id),
      entries.map((e) => e.id),
    );
    await startFinalRound(contestId, new Date(TODAY.getTime() + 7 * 24 * 3600 * 1000), organizer.user.id);
    return { organizer, judges, entries, contestId };
  }

  const compare = (cookie: string, fields: Record<string, string>) =>
    settle(() =>
      compareAction({
        request: formRequest(`/judge/${slug}/compare`, fields, { cookie }),
        context: context(),
        params: { slug },
      }),
    );
  const comparePage = (cookie: string) =>
    compareLoader({ request: getRequest(`/judge/${slug}/compare`, { cookie }), context: context(), params: { slug } });

  it("shows each judge pairs of works they may see, blind, records each choice once, and orders the works", async () => {
    const { judges, entries, contestId, organizer } = await pairwiseFinal(4, [
      { email: "a@example.org" },
      { email: "b@example.org", people: "Mei Lin" },
    ]);
    const [a, b] = judges;
    expect((await comparePage(a!.cookie)).state).toBe("ready");
    await compare(a!.cookie, { intent: "next" });
    const shown = await comparePage(a!.cookie);
    expect(shown.state).toBe("comparing");
    const pair = shown.pair!;
    // the works as a judge reads them: by judge code, no name, no reference code
    expect(JSON.stringify(pair)).not.toMatch(/Amaya|Lina|Juan|Mei|YHD25|@example/);
    // a double click shows no second pair
    await compare(a!.cookie, { intent: "next" });
    expect(await db.comparison.count({ where: { judgeId: a!.user.id } })).toBe(1);

    // the pick is recorded once, and the next pair follows at once
    await compare(a!.cookie, { intent: "pick", comparison: pair.id, side: "left" });
    await compare(a!.cookie, { intent: "pick", comparison: pair.id, side: "right" });
    const first = await db.comparison.findUniqueOrThrow({ where: { id: pair.id } });
    expect(first.winnerId).toBe(first.leftId);
    expect(await db.comparison.count({ where: { judgeId: a!.user.id, winnerId: null } })).toBe(1);
    // another judge cannot answer it
    const foreign = await compare(b!.cookie, { intent: "pick", comparison: pair.id, side: "right" });
    expect((foreign as Response).status).toBe(404);

    // judge b never sees Mei Lin's work, which they have a conflict with
    const mei = entries[3]!.id;
    for (let i = 0; i < 3; i++) {
      await showNextPair(contestId, b!.user.id);
      const view = await comparisonView(contestId, b!.user.id);
      if (!view?.pair) break;
      const current = await db.comparison.findUniqueOrThrow({ where: { id: view.pair.id } });
      expect([current.leftId, current.rightId]).not.toContain(mei);
      await decideComparison(contestId, b!.user.id, view.pair.id, "left");
    }
    // three works without Mei's make three pairs: then nothing is left for judge b
    expect((await comparisonView(contestId, b!.user.id))!.state).toBe("exhausted");

    // the organizers' final results: the comparisons' order, with its reliability
    const page = await resultsPage(organizer.cookie, "?round=final");
    // each compared work is ranked; a work nobody compared yet has no place in the order
    const rows = page.categories[0]!.rows;
    expect(rows.every((r) => r.pairwise !== null && (r.rank !== null) === r.pairwise.comparisons > 0)).toBe(true);
    expect(rows.filter((r) => r.rank !== null).length).toBeGreaterThanOrEqual(3);
  });

  it("orders the works from consistent choices, stops asking at the target, and at the round's close", async () => {
    const { judges, entries, contestId } = await pairwiseFinal(4, [{ email: "a@example.org" }]);
    const [a] = judges;
    // works ranked Amaya > Lina > Juan > Mei, and a judge who always sees it
    const strength = new Map(entries.map((e, i) => [e.id, 4 - i]));
    const judgeUntilDone = async () => {
      for (;;) {
        await showNextPair(contestId, a!.user.id);
        const view = (await comparisonView(contestId, a!.user.id))!;
        if (!view.pair) return view.state;
        const c = await db.comparison.findUniqueOrThrow({ where: { id: view.pair.id } });
        const side = strength.get(c.leftId)! > strength.get(c.rightId)! ? "left" : "right";
        await decideComparison(contestId, a!.user.id, c.id, side);
      }
    };
    // a target this high is out of reach for one judge: every one of the 6 pairs is shown once
    await db.contest.updateMany({ data: { pairwiseTarget: 0.99 } });
    expect(await judgeUntilDone()).toBe("exhausted");
    expect(await db.comparison.count({ where: { winnerId: { not: null } } })).toBe(6);
    const results = await contestResults(contestId, "final");
    expect(results.categories[0]!.rows.map((r) => r.entryId)).toEqual(entries.map((e) => e.id));
    const reliability = results.categories[0]!.comparative!.reliability!;
    expect(reliability).toBeGreaterThan(0);

    // with a target the order already meets, no pair is shown: the round has what it needs
    await db.comparison.deleteMany({ where: { judgeId: a!.user.id, winnerId: null } });
    await db.contest.updateMany({ data: { pairwiseTarget: Math.floor(reliability * 100) / 100 } });
    expect((await comparisonView(contestId, a!.user.id))!.state).toBe("reached");
    expect(await showNextPair(contestId, a!.user.id)).toBe(false);

    // after the close nothing more is recorded
    await db.comparison.deleteMany({});
    await showNextPair(contestId, a!.user.id);
    const open = (await comparisonView(contestId, a!.user.id))!;
    expect(open.state).toBe("comparing");
    setNow(new Date(TODAY.getTime() + 8 * 24 * 3600 * 1000));
    expect((await comparisonView(contestId, a!.user.id))!.state).toBe("closed");
    expect(await decideComparison(contestId, a!.user.id, open.pair!.id, "left")).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await db.comparison.count({ where: { winnerId: { not: null } } })).toBe(0);
  });

  it("is not there for a contest whose final is scored, nor for someone who is not a final judge", async () => {
    const { judges } = await pairwiseFinal(3, [{ email: "a@example.org" }]);
    const outsider = await signedIn("x@example.org");
    expect(((await settle(() => comparePage(outsider.cookie))) as Response).status).toBe(404);
    await db.contest.updateMany({ data: { finalMethod: "zscore" } });
    expect(((await settle(() => comparePage(judges[0]!.cookie))) as Response).status).toBe(404);
  });
});
