import { db, slotOf } from "~/services/db.server";
import { ageOn, dateIn } from "./eligibility";

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
 * A contest at a glance, for its organizers: entries by status and category, submissions per
 * day up to the deadline, entrants by country and age band, and judging progress per judge and
 * round. The database counts; what comes back grows with the categories, the days and the
 * distinct birth dates, not with the entries (10,000 entries read as a few thousand small rows).
 */
export async function contestDashboard(contestId: string) {
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  const [byCategory, submitted, people, progress, compared] = await Promise.all([
    db.entry.groupBy({ by: ["categoryId", "status"], where: { contestId }, _count: { _all: true } }),
    // Submissions per 15-minute slot; put on their days below, in the contest's time zone.
    db.$queryRaw<{ slot: bigint | number; submissions: bigint | number }[]>`
      SELECT ${slotOf("submittedAt", SLOT_MS / 1000)} AS "slot", COUNT(*) AS "submissions" FROM "Entry"
      WHERE "contestId" = ${contestId} AND "submittedAt" IS NOT NULL GROUP BY 1`,
    // Each entrant once, whatever their number of entries (withdrawn ones aside), grouped by
    // what the dashboard shows of them. Portable SQL: COUNT comes back as a bigint on PostgreSQL.
    db.$queryRaw<{ country: string | null; dateOfBirth: string | null; people: bigint | number }[]>`
      SELECT u."country", u."dateOfBirth", COUNT(*) AS "people" FROM "User" u
      WHERE u."id" IN (SELECT e."entrantId" FROM "Entry" e WHERE e."contestId" = ${contestId} AND e."status" <> 'withdrawn')
      GROUP BY u."country", u."dateOfBirth"`,
    db.assignment.groupBy({
      by: ["judgeId", "round", "status"],
      where: { contestId, recusedAt: null },
      _count: { _all: true },
    }),
    // a comparative final has no sheets: each judge's decided comparisons instead
    contest.finalMethod === "pairwise"
      ? db.comparison.groupBy({
          by: ["judgeId"],
          where: { contestId, winnerId: { not: null } },
          _count: { _all: true },
        })
      : [],
  ]);
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
  };
}
