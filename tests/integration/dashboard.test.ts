import { beforeEach, describe, expect, it } from "vitest";
import { runAssignment } from "~/models/assignment.server";
import { tallyEntries } from "~/models/dashboard.server";
import { ageOn, dateIn } from "~/models/eligibility";
import { loader as dashboardLoader } from "~/routes/organize.$slug._index";
import { loader as entryListLoader } from "~/routes/organize.$slug.entries._index";
import { db } from "~/services/db.server";
import type { Entry } from "~/generated/sqlite/client";
import { DEMO_SLUG } from "../../prisma/demo-contest";
import { scoreDemoAssignments, seedDemoEntries } from "../../prisma/demo-entries";
import { demo, resetToDemoContest, TODAY } from "../support/contest";
import { entrant, startId } from "../support/entries";
import { context, getRequest, settle } from "../support/http";
import { eligibleEntry, judge, signedIn } from "../support/judging";

const slug = DEMO_SLUG;

beforeEach(resetToDemoContest);

describe("the dashboard", () => {
  it("counts entries by status and category, submissions per day, entrants by country and age, and judging progress", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const first = await eligibleEntry("Amaya Reyes", "PH");
    // A second entry of the same entrant counts as an entry, not as a second person; an entrant
    // whose only entry was withdrawn is no longer among the entrants.
    await eligibleEntry("Amaya Reyes", "PH", { entrantId: first.entrantId });
    const gone = await eligibleEntry("Omar Haddad", "JO");
    await db.entry.update({ where: { id: gone.id }, data: { status: "withdrawn", submittedAt: null } });
    const second = await eligibleEntry("Lina Karam", "LB");
    await db.entry.update({ where: { id: second.id }, data: { submittedAt: new Date(TODAY.getTime() + 86_400_000) } });
    const drafter = await entrant("drafter@example.org", "2008-01-01");
    await startId(drafter.cookie, "video");
    const j = await judge("judge@example.org");
    await db.contest.updateMany({ data: { judgesPerEntry: 1 } });
    await runAssignment((await db.contest.findFirstOrThrow()).id);
    await db.assignment.updateMany({ where: { entryId: first.id }, data: { status: "submitted" } });

    const page = await dashboardLoader({
      request: getRequest(`/organize/${slug}`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(page.totals).toEqual({ entries: 5, drafts: 1, toScreen: 0, eligible: 3, entrants: 3 });
    expect(page.categories.find((c) => c.name === "Video")!.byStatus).toMatchObject({ draft: 1 });
    expect(page.categories.reduce((n, c) => n + (c.byStatus.eligible ?? 0), 0)).toBe(3);
    expect(page.categories.reduce((n, c) => n + (c.byStatus.withdrawn ?? 0), 0)).toBe(1);
    expect(page.days.filter((d) => d.count > 0)).toEqual([
      { day: "2026-03-01", count: 2 },
      { day: "2026-03-02", count: 1 },
    ]);
    expect(page.days[0]!.day).toBe("2026-02-22"); // opened a week before
    expect(page.countries).toEqual([
      { code: "PH", count: 2, name: "Philippines" },
      { code: "LB", count: 1, name: "Lebanon" },
    ]);
    // born 2000 and 2001: 24–26 on the deadline in April 2026; born 2008: 18
    expect(page.ages.map((a) => a.count)).toEqual([0, 1, 0, 2, 0, 0]);
    expect(page.judging).toEqual([
      { email: "judge@example.org", scoring: { done: 1, total: 3 }, final: { done: 0, total: 0, compared: null } },
    ]);
    void j;

    const refused = (await settle(() =>
      dashboardLoader({
        request: getRequest(`/organize/${slug}`, { cookie: drafter.cookie }),
        context: context(),
        params: { slug },
      }),
    )) as Response;
    expect(refused.status).toBe(403);
  });

  it("counts each submission on its day where the contest is, on either side of midnight", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    // Kathmandu is 5:45 ahead of UTC: its midnight is 18:15 UTC.
    await db.contest.updateMany({ data: { timezone: "Asia/Kathmandu" } });
    const times = ["2026-03-01T18:14:59Z", "2026-03-01T18:15:00Z", "2026-03-01T18:29:00Z", "2026-03-02T18:14:00Z"];
    for (const [i, at] of times.entries()) {
      const entry = await eligibleEntry(`Person ${i} Lastname`, "NP");
      await db.entry.update({ where: { id: entry.id }, data: { submittedAt: new Date(at) } });
    }
    const page = await dashboardLoader({
      request: getRequest(`/organize/${slug}`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });
    expect(page.days.filter((d) => d.count > 0)).toEqual([
      { day: "2026-03-01", count: 1 },
      { day: "2026-03-02", count: 3 },
    ]);
  });
});

describe("the dashboard of a large contest", () => {
  it("counts what the rows say, whatever the page of entrants it counts at a time", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const contest = await demo();
    await seedDemoEntries(db, contest.id, 240, { judges: 6 });
    // Some entrants have two or three entries (in pages of 7 entrants, an entrant's entries must
    // not be split), some entries are withdrawn, some anonymised, some awarded, some have files.
    const entries = await db.entry.findMany({ where: { contestId: contest.id }, orderBy: { id: "asc" } });
    for (let i = 0; i + 2 < entries.length; i += 9) {
      await db.entry.updateMany({
        where: { id: { in: [entries[i + 1]!.id, entries[i + 2]!.id] } },
        data: { entrantId: entries[i]!.entrantId },
      });
    }
    for (let i = 3; i < entries.length; i += 11)
      await db.entry.update({ where: { id: entries[i]!.id }, data: { status: "withdrawn" } });
    for (let i = 5; i < entries.length; i += 13)
      await db.entry.update({ where: { id: entries[i]!.id }, data: { anonymisedAt: TODAY } });
    const eligible = entries.filter((e) => e.status === "eligible");
    for (const e of eligible.slice(0, 4))
      await db.award.create({
        data: { contestId: contest.id, entryId: e.id, place: "honourable", createdById: organizer.user.id },
      });
    for (const [i, e] of entries.filter((_, i) => i % 4 === 0).entries())
      await db.mediaAsset.create({
        data: { entryId: e.id, objectKey: `k${i}`, originalName: "a.jpg", declaredType: "image/jpeg", declaredSize: 1 },
      });
    await runAssignment(contest.id);
    await scoreDemoAssignments(db, contest.id, 0.5);

    const page = await dashboardLoader({
      request: getRequest(`/organize/${slug}`, { cookie: organizer.cookie }),
      context: context(),
      params: { slug },
    });

    // The same figures, counted plainly from every row.
    const rows = await db.entry.findMany({
      where: { contestId: contest.id },
      include: { entrant: true, award: true, _count: { select: { media: true } } },
    });
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    const active = new Map(rows.filter((r) => r.status !== "withdrawn").map((r) => [r.entrantId, r.entrant]));
    expect(page.totals).toEqual({
      entries: rows.length,
      drafts: count("draft"),
      toScreen: count("submitted"),
      eligible: count("eligible"),
      entrants: active.size,
    });
    expect(active.size).toBeLessThan(rows.length - 20);
    const categories = await db.category.findMany({ where: { contestId: contest.id }, orderBy: { position: "asc" } });
    expect(page.categories).toEqual(
      categories.map((c) => ({
        name: c.name,
        byStatus: Object.fromEntries(
          page.statuses.map((s) => [s, rows.filter((r) => r.categoryId === c.id && r.status === s).length]),
        ),
      })),
    );
    expect([...page.statuses].sort()).toEqual([...new Set(rows.map((r) => r.status))].sort());
    const perDay = new Map<string, number>();
    for (const r of rows.filter((r) => r.submittedAt)) {
      const day = dateIn(r.submittedAt!, contest.timezone);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(page.days.filter((d) => d.count > 0).map((d) => [d.day, d.count])).toEqual([...perDay].sort());
    const byCountry = new Map<string, number>();
    for (const person of active.values()) byCountry.set(person.country!, (byCountry.get(person.country!) ?? 0) + 1);
    expect(Object.fromEntries(page.countries.map((c) => [c.code, c.count]))).toEqual(Object.fromEntries(byCountry));
    const deadlineDay = dateIn(contest.deadline, contest.timezone);
    expect(page.ages.map((band) => band.count)).toEqual(
      page.ages.map(
        (band) =>
          [...active.values()].filter((p) => {
            const age = ageOn(p.dateOfBirth!, deadlineDay);
            return age >= band.from && age <= band.to;
          }).length,
      ),
    );
    const kept = rows.filter((r) => !r.anonymisedAt && !r.award);
    expect(kept.length).toBeGreaterThan(0);
    expect(page.retention).toMatchObject({
      entries: kept.length,
      files: kept.reduce((sum, r) => sum + r._count.media, 0),
    });
    const sheets = await db.assignment.findMany({ where: { contestId: contest.id, recusedAt: null } });
    const judges = await db.user.findMany({ where: { id: { in: sheets.map((a) => a.judgeId) } } });
    expect(page.judging.map((j) => [j.email, j.scoring])).toEqual(
      judges
        .map((j) => [
          j.email,
          {
            done: sheets.filter((a) => a.judgeId === j.id && a.status === "submitted").length,
            total: sheets.filter((a) => a.judgeId === j.id).length,
          },
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    expect(sorted(await tallyEntries(contest.id))).toEqual(await recount(contest.id));
  });

  it("keeps its counts as entries, their files and their entrants change, whatever writes them", async () => {
    const contest = await demo();
    await seedDemoEntries(db, contest.id, 60, { judges: 2 });
    const entries = await db.entry.findMany({ where: { contestId: contest.id }, orderBy: { id: "asc" } });
    const same = async () => expect(sorted(await tallyEntries(contest.id))).toEqual(await recount(contest.id));
    await same();
    const [a, b, c, d, e, f] = entries as [Entry, Entry, Entry, Entry, Entry, Entry];

    // files come and go, one at a time and with their entry
    for (const [i, entry] of [a, a, b, c, d].entries())
      await db.mediaAsset.create({
        data: {
          entryId: entry.id,
          objectKey: `k${i}`,
          originalName: "a.jpg",
          declaredType: "image/jpeg",
          declaredSize: 1,
        },
      });
    await db.mediaAsset.deleteMany({ where: { entryId: d.id } });
    await same();
    // an entrant's second entry, then a change of mind
    await db.entry.update({ where: { id: b.id }, data: { entrantId: a.entrantId } });
    await same();
    await db.entry.update({ where: { id: b.id }, data: { status: "withdrawn", submittedAt: null } });
    await same();
    await db.entry.update({ where: { id: b.id }, data: { status: "submitted", submittedAt: TODAY } });
    await same();
    // the entrant moves and corrects their birth date: every contest they are in counts them anew
    await db.user.update({ where: { id: a.entrantId }, data: { country: "SN", dateOfBirth: "1999-12-31" } });
    await db.user.update({ where: { id: c.entrantId }, data: { country: null } });
    await same();
    // another category, anonymised with its files, deleted with its files, written in raw SQL
    const other = await db.category.findFirstOrThrow({ where: { contestId: contest.id, id: { not: c.categoryId } } });
    await db.entry.update({ where: { id: c.id }, data: { categoryId: other.id } });
    await db.entry.update({ where: { id: a.id }, data: { anonymisedAt: TODAY } });
    await same();
    await db.entry.delete({ where: { id: c.id } });
    await db.$executeRaw`UPDATE "Entry" SET "status" = 'ineligible' WHERE "id" = ${e.id}`;
    await same();
    // an entrant who leaves takes their entries with them
    await db.user.delete({ where: { id: f.entrantId } });
    await same();
    // judging: assigned, scored, recused, assigned again, one assignment deleted
    await runAssignment(contest.id);
    const sheets = await db.assignment.findMany({ where: { contestId: contest.id }, orderBy: { id: "asc" } });
    expect(sheets.length).toBeGreaterThan(4);
    await db.assignment.update({ where: { id: sheets[0]!.id }, data: { status: "submitted" } });
    await db.assignment.update({ where: { id: sheets[1]!.id }, data: { recusedAt: TODAY } });
    await db.assignment.update({ where: { id: sheets[2]!.id }, data: { status: "submitted", recusedAt: TODAY } });
    await db.assignment.update({ where: { id: sheets[2]!.id }, data: { recusedAt: null } });
    await db.assignment.update({ where: { id: sheets[3]!.id }, data: { round: "final" } });
    await db.assignment.delete({ where: { id: sheets[4]!.id } });
    await same();
    // a deleted contest leaves no count behind
    await db.contest.delete({ where: { id: contest.id } });
    expect(await db.contestTally.count({ where: { contestId: contest.id, count: { not: 0 } } })).toBe(0);
    expect(await db.contestEntrant.count({ where: { contestId: contest.id } })).toBe(0);
  });
});

/** What tallyEntries should say, counted plainly from every row of the contest's entries. */
async function recount(contestId: string) {
  const rows = await db.entry.findMany({
    where: { contestId },
    include: { entrant: true, _count: { select: { media: true } } },
  });
  const add = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const byStatus = new Map<string, number>();
  const slots = new Map<number, number>();
  for (const r of rows) {
    add(byStatus, `${r.categoryId}:${r.status}`);
    if (r.submittedAt) add(slots, Math.floor(r.submittedAt.getTime() / 900_000));
  }
  const people = new Map<string, { country: string | null; dateOfBirth: string | null; count: number }>();
  for (const person of new Map(
    rows.filter((r) => r.status !== "withdrawn").map((r) => [r.entrantId, r.entrant]),
  ).values()) {
    const key = `${person.country}/${person.dateOfBirth}`;
    const group = people.get(key) ?? { country: person.country, dateOfBirth: person.dateOfBirth, count: 0 };
    group.count += 1;
    people.set(key, group);
  }
  const kept = rows.filter((r) => !r.anonymisedAt);
  const assignments = await db.assignment.groupBy({
    by: ["round", "judgeId", "status"],
    where: { contestId, recusedAt: null },
    _count: { _all: true },
  });
  return sorted({
    progress: assignments.map((a) => ({ round: a.round, judgeId: a.judgeId, status: a.status, count: a._count._all })),
    byStatus,
    slots,
    people: [...people.values()],
    left: { entries: kept.length, files: kept.reduce((sum, r) => sum + r._count.media, 0) },
  });
}

/** A tally in one order, to compare. */
function sorted(tally: Awaited<ReturnType<typeof tallyEntries>>) {
  const key = (p: { country: string | null; dateOfBirth: string | null }) => `${p.country}/${p.dateOfBirth}`;
  return {
    ...tally,
    byStatus: new Map([...tally.byStatus].sort(([x], [y]) => (x < y ? -1 : 1))),
    slots: new Map([...tally.slots].sort(([x], [y]) => x - y)),
    people: [...tally.people].sort((x, y) => (key(x) < key(y) ? -1 : 1)),
    progress: [...tally.progress].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
  };
}

describe("the entries list", () => {
  it("searches names, emails, titles and references, filters by status and category, and pages by 50", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    for (let i = 0; i < 60; i++) await eligibleEntry(`Person ${String(i).padStart(2, "0")} Lastname`, "PH");
    const lina = await eligibleEntry("Lina Karam", "LB");
    await db.entry.update({ where: { id: lina.id }, data: { status: "submitted" } });
    const list = (search: string) =>
      entryListLoader({
        request: getRequest(`/organize/${slug}/entries?${search}`, { cookie: organizer.cookie }),
        context: context(),
        params: { slug },
      });

    const all = await list("");
    expect(all).toMatchObject({ total: 61, pages: 2 });
    expect(all.rows).toHaveLength(50);
    expect((await list("page=2")).rows).toHaveLength(11);
    expect((await list("q=karam")).rows.map((r) => r.entrant.fullName)).toEqual(["Lina Karam"]);
    expect((await list("q=lina.karam%40example")).total).toBe(1);
    expect((await list(`q=${lina.referenceCode}`)).total).toBe(1);
    expect((await list("status=submitted")).rows.map((r) => r.id)).toEqual([lina.id]);
    expect((await list(`category=${lina.categoryId}&status=eligible`)).total).toBe(60);
    expect((await list("status=nonsense")).total).toBe(61);
    const drafter = await signedIn("nosy@example.org");
    const refused = (await settle(() =>
      entryListLoader({
        request: getRequest(`/organize/${slug}/entries`, { cookie: drafter.cookie }),
        context: context(),
        params: { slug },
      }),
    )) as Response;
    expect(refused.status).toBe(403);
  });
});
