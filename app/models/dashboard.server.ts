import { databaseEngine, db, Prisma, slotOf } from "~/services/db.server";
import { ageOn, dateIn } from "./eligibility";
import { breathe } from "./event-loop.server";

/** Age bands of the dashboard, on the deadline's date; the last one takes everyone older. */
const AGE_BANDS = [
  [0, 17],
  [18, 20],
  [21, 23],
  [24, 26],
  [27, 29],
  [30, 200],
] as const;

/** The first 15-minute slot of an instant: every time zone's offset is a whole number of them. */
const SLOT_MS = 15 * 60_000;

/**
 * Entrants the dashboard counts at a time: a page is a few milliseconds of SQLite, whose queries
 * run synchronously on the event loop, so a large contest never holds the server for long.
 * PostgreSQL counts in its own process while the server answers others: all at once (null), in
 * one round trip rather than twenty.
 */
const ENTRANTS_PAGE = { sqlite: 2_500, postgresql: null } as const;

type Tally = {
  /** Entries per "categoryId:status". */
  byStatus: Map<string, number>;
  /** Submissions per 15-minute slot. */
  slots: Map<number, number>;
  /** Entrants (withdrawn entries aside, each once) per country and birth date. */
  people: Map<string, { country: string | null; dateOfBirth: string | null; count: number }>;
  /** Entries not anonymised yet, and their files: what a retention period would delete, awards included. */
  left: { entries: number; files: number };
};

/**
 * Everything the dashboard counts of a contest's entries, in one pass over them a page of
 * entrants at a time (an entrant's entries always in the same page), with the event loop free
 * between pages. Each page is one query that reads the Entry_counts_idx and MediaAsset indexes
 * (never the entries' rows) and the User row of each of the page's entrants: what comes back
 * grows with the categories, the days and the distinct birth dates, never with the entries.
 */
export async function tallyEntries(
  contestId: string,
  pageSize: number | null = ENTRANTS_PAGE[databaseEngine()],
): Promise<Tally> {
  const tally: Tally = { byStatus: new Map(), slots: new Map(), people: new Map(), left: { entries: 0, files: 0 } };
  const add = <K>(map: Map<K, number>, key: K, count: number) => map.set(key, (map.get(key) ?? 0) + count);
  for (let after = ""; ;) {
    // The page ends with an entrant's last entry: the database says which entrant, as only its
    // collation orders the ids. None past the page size: the page takes the rest.
    const [bound] = pageSize
      ? await db.$queryRaw<{ entrantId: string }[]>`
          SELECT "entrantId" FROM "Entry" WHERE "contestId" = ${contestId} AND "entrantId" > ${after}
          ORDER BY "entrantId" LIMIT 1 OFFSET ${Prisma.raw(String(Math.max(0, Math.trunc(pageSize) - 1)))}`
      : [];
    // Portable SQL; COUNT comes back as a bigint on PostgreSQL, the slot as a decimal.
    const rows = await db.$queryRaw<
      { kind: string; a: string | null; b: string | null; slot: unknown; n: bigint | number }[]
    >`
      WITH "page" AS MATERIALIZED (
        SELECT e."id", e."entrantId", e."status", e."categoryId", e."submittedAt", e."anonymisedAt" FROM "Entry" e
        WHERE e."contestId" = ${contestId} AND e."entrantId" > ${after}
          ${bound ? Prisma.sql`AND e."entrantId" <= ${bound.entrantId}` : Prisma.empty})
      SELECT 'status' AS "kind", "categoryId" AS "a", "status" AS "b", NULL AS "slot", COUNT(*) AS "n"
        FROM "page" GROUP BY "categoryId", "status"
      UNION ALL
      SELECT 'slot', NULL, NULL, ${slotOf("submittedAt", SLOT_MS / 1000)}, COUNT(*)
        FROM "page" WHERE "submittedAt" IS NOT NULL GROUP BY 4
      UNION ALL
      SELECT 'people', u."country", u."dateOfBirth", NULL, COUNT(*) FROM "User" u
        WHERE u."id" IN (SELECT "entrantId" FROM "page" WHERE "status" <> 'withdrawn')
        GROUP BY u."country", u."dateOfBirth"
      UNION ALL
      SELECT 'files', NULL, NULL, NULL, COUNT(*) FROM "MediaAsset" m
        WHERE m."entryId" IN (SELECT "id" FROM "page" WHERE "anonymisedAt" IS NULL)
      UNION ALL
      SELECT 'page', MAX("entrantId"), NULL, NULL, COUNT(*) FROM "page"
      UNION ALL
      SELECT 'left', NULL, NULL, NULL, COUNT(*) FROM "page" WHERE "anonymisedAt" IS NULL`;
    let last: string | null = null;
    for (const row of rows) {
      const n = Number(row.n);
      if (row.kind === "status") add(tally.byStatus, `${row.a}:${row.b}`, n);
      else if (row.kind === "slot") add(tally.slots, Number(row.slot), n);
      else if (row.kind === "people") {
        const key = JSON.stringify([row.a, row.b]);
        const group = tally.people.get(key) ?? { country: row.a, dateOfBirth: row.b, count: 0 };
        group.count += n;
        tally.people.set(key, group);
      } else if (row.kind === "files") tally.left.files += n;
      else if (row.kind === "left") tally.left.entries += n;
      else if (row.kind === "page" && n > 0) last = row.a;
    }
    if (last === null) return tally;
    after = last;
    await breathe();
  }
}

/**
 * A contest at a glance, for its organizers: entries by status and category, submissions per
 * day up to the deadline, entrants by country and age band, and judging progress per judge and
 * round (and, for the retention plan, what is not anonymised yet). The database counts, from
 * indexes alone, a page at a time with the event loop free in between (see {@link tallyEntries}),
 * so that a contest of 50,000 entries never holds the server for more than a few milliseconds.
 */
export async function contestDashboard(contestId: string) {
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  const counted = await tallyEntries(contestId);
  const progress = await db.assignment.groupBy({
    by: ["round", "judgeId", "status"],
    where: { contestId, recusedAt: null },
    _count: { _all: true },
  });
  await breathe();
  // a comparative final has no sheets: each judge's decided comparisons instead
  const compared =
    contest.finalMethod === "pairwise"
      ? await db.comparison.groupBy({
          by: ["judgeId"],
          where: { contestId, winnerId: { not: null } },
          _count: { _all: true },
        })
      : [];
  const byCategory = [...counted.byStatus].map(([key, count]) => {
    const [categoryId, status] = key.split(":") as [string, string];
    return { categoryId, status, _count: { _all: count } };
  });
  const submitted = [...counted.slots].map(([slot, submissions]) => ({ slot, submissions }));
  const people = [...counted.people.values()].map((g) => ({ ...g, people: g.count }));
  const comparedBy = new Map(compared.map((c) => [c.judgeId, c._count._all]));

  const statuses = [...new Set(byCategory.map((row) => row.status))].sort();
  const tally = new Map(byCategory.map((row) => [`${row.categoryId}:${row.status}`, row._count._all]));
  const ofStatus = (status: string) =>
    byCategory.filter((row) => row.status === status).reduce((sum, row) => sum + row._count._all, 0);

  // Submissions per day in the contest's time zone, every day from opening to the deadline. A
  // 15-minute slot lies within one day in every zone.
  const perDay = new Map<string, number>();
  for (const { slot, submissions } of submitted) {
    const day = dateIn(new Date(Number(slot) * SLOT_MS), contest.timezone);
    perDay.set(day, (perDay.get(day) ?? 0) + Number(submissions));
  }
  const days: { day: string; count: number }[] = [];
  const last = dateIn(contest.deadline, contest.timezone);
  for (let at = new Date(contest.opensAt); days.length < 400; at = new Date(at.getTime() + 86_400_000)) {
    const day = dateIn(at, contest.timezone);
    if (days.at(-1)?.day !== day) days.push({ day, count: perDay.get(day) ?? 0 });
    if (day >= last) break;
  }

  const deadlineDay = dateIn(contest.deadline, contest.timezone);
  const countries = new Map<string, number>();
  const bands = AGE_BANDS.map(([from, to]) => ({ from, to, count: 0 }));
  let entrants = 0;
  for (const group of people) {
    const count = Number(group.people);
    entrants += count;
    const country = group.country ?? "—";
    countries.set(country, (countries.get(country) ?? 0) + count);
    if (!group.dateOfBirth) continue;
    const age = ageOn(group.dateOfBirth, deadlineDay);
    const band = bands.find((b) => age >= b.from && age <= b.to);
    if (band) band.count += count;
  }

  const judgeIds = [...new Set(progress.map((p) => p.judgeId))];
  const judges = await db.user.findMany({ where: { id: { in: judgeIds } }, select: { id: true, email: true } });
  const judging = judges
    .map((judge) => {
      const of = (round: string, status?: string) =>
        progress
          .filter((p) => p.judgeId === judge.id && p.round === round && (!status || p.status === status))
          .reduce((sum, p) => sum + p._count._all, 0);
      return {
        email: judge.email,
        scoring: { done: of("scoring", "submitted"), total: of("scoring") },
        final:
          contest.finalMethod === "pairwise"
            ? { done: 0, total: 0, compared: of("final") ? (comparedBy.get(judge.id) ?? 0) : null }
            : { done: of("final", "submitted"), total: of("final"), compared: null },
      };
    })
    .sort((a, b) => a.email.localeCompare(b.email));

  return {
    totals: {
      entries: byCategory.reduce((sum, row) => sum + row._count._all, 0),
      drafts: ofStatus("draft"),
      toScreen: ofStatus("submitted"),
      eligible: ofStatus("eligible"),
      entrants,
    },
    statuses,
    categories: contest.categories.map((c) => ({
      name: c.name,
      byStatus: Object.fromEntries(statuses.map((status) => [status, tally.get(`${c.id}:${status}`) ?? 0])),
    })),
    days,
    countries: [...countries.entries()]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    ages: bands,
    judging,
    left: counted.left,
  };
}
