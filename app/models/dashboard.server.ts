import { db } from "~/services/db.server";
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

type Tally = {
  /** Entries per "categoryId:status". */
  byStatus: Map<string, number>;
  /** Submissions per 15-minute slot. */
  slots: Map<number, number>;
  /** Entrants (withdrawn entries aside, each once) per country and birth date. */
  people: { country: string | null; dateOfBirth: string | null; count: number }[];
  /** Entries not anonymised yet, and their files: what a retention period would delete, awards included. */
  left: { entries: number; files: number };
  /** Judges' assignments (recused ones aside) by round and status. */
  progress: { round: string; judgeId: string; status: string; count: number }[];
};

/**
 * Everything the dashboard counts of a contest's entries and judging, from the counts the database
 * keeps in ContestTally as entries, files, entrants and assignments change (its triggers, migration
 * 20261208090000_contest_tallies): one read of a few hundred rows, as quick for 50,000 entries as
 * for 50, on either engine.
 */
export async function tallyEntries(contestId: string): Promise<Tally> {
  const tally: Tally = {
    byStatus: new Map(),
    slots: new Map(),
    people: [],
    left: { entries: 0, files: 0 },
    progress: [],
  };
  const rows = await db.contestTally.findMany({
    where: { contestId, count: { not: 0 } },
    select: { kind: true, key: true, count: true },
  });
  for (const { kind, key, count } of rows) {
    if (kind === "status") tally.byStatus.set(key, count);
    else if (kind === "slot") tally.slots.set(Number(key), count);
    else if (kind === "left") tally.left.entries = count;
    else if (kind === "files") tally.left.files = count;
    else if (kind === "progress") {
      // "round:judgeId:status"
      const [round = "", judgeId = "", status = ""] = key.split(":");
      tally.progress.push({ round, judgeId, status, count });
    } else if (kind === "people") {
      // "country/dateOfBirth", either empty when unknown
      const at = key.indexOf("/");
      tally.people.push({ country: key.slice(0, at) || null, dateOfBirth: key.slice(at + 1) || null, count });
    }
  }
  return tally;
}

/**
 * A contest at a glance, for its organizers: entries by status and category, submissions per
 * day up to the deadline, entrants by country and age band, and judging progress per judge and
 * round (and, for the retention plan, what is not anonymised yet), from the counts the database
 * keeps as they change (see {@link tallyEntries}): a contest of 50,000 entries answers as fast as
 * one of 50.
 */
export async function contestDashboard(contestId: string) {
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  const counted = await tallyEntries(contestId);
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
  const comparedBy = new Map(compared.map((c) => [c.judgeId, c._count._all]));
  // keys are "categoryId:status"
  const byCategory = [...counted.byStatus].map(([key, count]) => ({ status: key.slice(key.indexOf(":") + 1), count }));
  const statuses = [...new Set(byCategory.map((row) => row.status))].sort();
  const ofStatus = (status: string) =>
    byCategory.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0);

  // Submissions per day in the contest's time zone, every day from opening to the deadline. A
  // 15-minute slot lies within one day in every zone.
  const perDay = new Map<string, number>();
  for (const [slot, submissions] of counted.slots) {
    const day = dateIn(new Date(slot * SLOT_MS), contest.timezone);
    perDay.set(day, (perDay.get(day) ?? 0) + submissions);
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
  for (const { country: code, dateOfBirth, count } of counted.people) {
    entrants += count;
    const country = code ?? "—";
    countries.set(country, (countries.get(country) ?? 0) + count);
    if (!dateOfBirth) continue;
    const age = ageOn(dateOfBirth, deadlineDay);
    const band = bands.find((b) => age >= b.from && age <= b.to);
    if (band) band.count += count;
  }

  const progress = counted.progress;
  const judgeIds = [...new Set(progress.map((p) => p.judgeId))];
  const judges = await db.user.findMany({ where: { id: { in: judgeIds } }, select: { id: true, email: true } });
  const judging = judges
    .map((judge) => {
      const of = (round: string, status?: string) =>
        progress
          .filter((p) => p.judgeId === judge.id && p.round === round && (!status || p.status === status))
          .reduce((sum, p) => sum + p.count, 0);
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
      entries: byCategory.reduce((sum, row) => sum + row.count, 0),
      drafts: ofStatus("draft"),
      toScreen: ofStatus("submitted"),
      eligible: ofStatus("eligible"),
      entrants,
    },
    statuses,
    categories: contest.categories.map((c) => ({
      name: c.name,
      byStatus: Object.fromEntries(statuses.map((status) => [status, counted.byStatus.get(`${c.id}:${status}`) ?? 0])),
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
