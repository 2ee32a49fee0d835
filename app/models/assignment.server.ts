import { foldForSearch } from "~/services/search-text";
import { db, serializable, type Prisma } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { assignJudges, conflictReason, type AssignmentJudge, type Shortfall } from "./assignment";
import { audit } from "./audit.server";
import { splitList } from "./contest";
import { contestResults } from "./results.server";

/**
 * Runs the assignment of the scoring round on the database: eligible entries, judges who have
 * declared their conflicts, the assignments already made (kept), and recusals (never assigned
 * again to the same entry). The rules themselves are in `assignment.ts`.
 */
const ROUND = "scoring";

/** A judge as the rules see them: what they declared, and themselves (nobody judges their own work). */
function judgeForAssignment(seat: {
  userId: string;
  country: string | null;
  conflictPeople: string;
  conflictOrganisations: string;
  conflictCountries: string;
  user: { email: string; fullName: string | null };
}): AssignmentJudge {
  return {
    id: seat.userId,
    country: seat.country,
    conflicts: {
      countries: splitList(seat.conflictCountries),
      people: [...seat.conflictPeople.split("\n"), seat.user.email, seat.user.fullName ?? ""],
      organisations: seat.conflictOrganisations.split("\n"),
    },
  };
}

async function loadRound(contestId: string, client: Prisma.TransactionClient = db) {
  // one query at a time: the client may be an interactive transaction, which runs them in turn
  const contest = await client.contest.findUniqueOrThrow({ where: { id: contestId } });
  const entries = await client.entry.findMany({
    where: { contestId, status: "eligible" },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      entrant: { select: { fullName: true, email: true, country: true } },
      coCreators: { select: { name: true, email: true } },
      assignments: {
        where: { round: ROUND },
        select: { id: true, judgeId: true, recusedAt: true, status: true, extra: true },
      },
    },
  });
  const seats = await client.contestJudge.findMany({
    // a deactivated account cannot sign in to judge: it gets no new work
    where: { contestId, conflictsDeclaredAt: { not: null }, user: { deactivatedAt: null } },
    include: { user: { select: { email: true, fullName: true } } },
  });
  return {
    contest,
    seats,
    entries: entries.map((e) => ({
      id: e.id,
      country: e.entrant.country,
      people: [e.entrant.fullName ?? "", e.entrant.email, ...e.coCreators.flatMap((c) => [c.name, c.email])],
      organisations: [],
      excludedJudgeIds: e.assignments.filter((a) => a.recusedAt).map((a) => a.judgeId),
      assignments: e.assignments.filter((a) => !a.recusedAt),
    })),
  };
}

export type AssignmentRun = {
  created: number;
  removed: number;
  shortfalls: Shortfall[];
  loads: Record<string, number>;
};

/**
 * One run at a time per database (serializable): two organizers pressing "Assign", or a recusal
 * during a run, cannot both add judges to the same entry.
 */
export function runAssignment(contestId: string, actorId: string | null = null): Promise<AssignmentRun> {
  // a contest of 10,000 entries takes seconds on PostgreSQL
  return serializable((tx) => assignInTransaction(contestId, actorId, tx), { timeoutMs: 120_000 });
}

async function assignInTransaction(
  contestId: string,
  actorId: string | null,
  tx: Prisma.TransactionClient,
): Promise<AssignmentRun> {
  const { contest, seats, entries } = await loadRound(contestId, tx);
  const result = assignJudges({
    entries,
    judges: seats.map(judgeForAssignment),
    perEntry: contest.judgesPerEntry,
    avoidSameCountry: contest.avoidSameCountry,
    // scored assignments first, judges added beyond the setting last: when an entry has more
    // judges than the setting asks for, the first ones are kept
    existing: entries.flatMap((e) =>
      [...e.assignments]
        .sort(
          (a, b) =>
            Number(b.status === "submitted") - Number(a.status === "submitted") || Number(a.extra) - Number(b.extra),
        )
        .map((a) => ({ entryId: e.id, judgeId: a.judgeId })),
    ),
  });
  const dropped = new Map(result.dropped.map((d) => [`${d.entryId}:${d.judgeId}`, d.reason]));
  // A judge now in conflict loses the entry, scored or not; a surplus judge who scored keeps it,
  // and so does one added on purpose beyond the setting ("Add a judge here" on the results).
  const toRemove = entries.flatMap((e) =>
    e.assignments
      .filter((a) => {
        const reason = dropped.get(`${e.id}:${a.judgeId}`);
        return reason && !(reason === "surplus" && (a.status === "submitted" || a.extra));
      })
      .map((a) => a.id),
  );
  if (toRemove.length || result.assignments.length) {
    await audit(tx, {
      contestId,
      actorId,
      action: "assignment.run",
      detail: { created: result.assignments.length, removed: toRemove.length, shortfalls: result.shortfalls.length },
    });
  }
  if (toRemove.length) await tx.assignment.deleteMany({ where: { id: { in: toRemove } } });
  if (result.assignments.length) {
    await tx.assignment.createMany({
      data: result.assignments.map((a) => ({ contestId, entryId: a.entryId, judgeId: a.judgeId, round: ROUND })),
    });
  }
  return {
    created: result.assignments.length,
    removed: toRemove.length,
    shortfalls: result.shortfalls,
    loads: result.loads,
  };
}

/**
 * One more judge of the scoring round for each of `entryIds` (eligible entries of this contest):
 * for each, the judge with the lightest load among those who declared their conflicts, have none
 * with the entry, never recused from it and do not already have it. Used where the results cannot
 * tell two entries apart around an award. An entry no judge can take is counted in `unmatched`.
 */
export function addJudgeTo(contestId: string, entryIds: string[], actorId: string) {
  return serializable(
    async (tx) => {
      const { contest, seats, entries } = await loadRound(contestId, tx);
      const wanted = new Set(entryIds);
      const load = new Map(seats.map((seat) => [seat.userId, 0]));
      for (const entry of entries) {
        for (const a of entry.assignments) load.set(a.judgeId, (load.get(a.judgeId) ?? 0) + 1);
      }
      const judges = seats.map(judgeForAssignment);
      const created: { contestId: string; entryId: string; judgeId: string; round: string; extra: boolean }[] = [];
      let unmatched = 0;
      for (const entry of entries.filter((e) => wanted.has(e.id))) {
        // one extra judge at a time: a second click (or organizer) waits for the first one's sheet
        if (entry.assignments.some((a) => a.extra && a.status !== "submitted")) continue;
        const taken = new Set(entry.assignments.map((a) => a.judgeId));
        const judge = judges
          .filter((j) => !taken.has(j.id) && !conflictReason(j, entry, contest.avoidSameCountry))
          .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1))[0];
        if (!judge) {
          unmatched += 1;
          continue;
        }
        load.set(judge.id, (load.get(judge.id) ?? 0) + 1);
        created.push({ contestId, entryId: entry.id, judgeId: judge.id, round: ROUND, extra: true });
      }
      if (created.length) {
        await tx.assignment.createMany({ data: created });
        await audit(tx, {
          contestId,
          actorId,
          action: "assignment.added",
          detail: { entries: created.map((c) => c.entryId), unmatched },
        });
      }
      return { added: created.length, unmatched };
    },
    { timeoutMs: 120_000 },
  );
}

/** A run's shortfalls as organizers read them: each with its entry's reference code (its id while it has none). */
export async function labelShortfalls(contestId: string, shortfalls: Shortfall[]) {
  const entries = await db.entry.findMany({
    where: { contestId, id: { in: shortfalls.map((s) => s.entryId) } },
    select: { id: true, referenceCode: true },
  });
  const codes = new Map(entries.map((e) => [e.id, e.referenceCode ?? e.id]));
  return shortfalls.map((s) => ({ ...s, code: codes.get(s.entryId) ?? s.entryId }));
}

/** Moves one assignment to another judge by hand, if that judge has no conflict with the entry. */
export async function moveAssignment(contestId: string, assignmentId: string, toJudgeId: string, actorId: string) {
  const { contest, seats, entries } = await loadRound(contestId);
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, contestId, round: ROUND, recusedAt: null },
  });
  const entry = entries.find((e) => e.id === assignment?.entryId);
  const seat = seats.find((s) => s.userId === toJudgeId);
  if (!assignment || !entry || !seat) return { ok: false as const, reason: "notFound" as const };
  if (assignment.status === "submitted") return { ok: false as const, reason: "scored" as const };
  if (entry.assignments.some((a) => a.judgeId === toJudgeId)) return { ok: false as const, reason: "already" as const };
  const conflict = conflictReason(judgeForAssignment(seat), entry, contest.avoidSameCountry);
  if (conflict) return { ok: false as const, reason: "conflict" as const, conflict };
  // only as the organizer saw it: a sheet the judge submits meanwhile is never wiped
  const { count } = await db.assignment.updateMany({
    where: { id: assignmentId, status: "draft", revision: assignment.revision, recusedAt: null },
    data: { judgeId: toJudgeId, scores: "{}", comments: "{}", revision: { increment: 1 } },
  });
  if (count === 0) return { ok: false as const, reason: "scored" as const };
  await audit(db, {
    contestId,
    actorId,
    action: "assignment.moved",
    subject: entry.id,
    detail: { from: assignment.judgeId, to: toJudgeId },
  });
  return { ok: true as const };
}

/** A judge steps back from an entry; it goes to another judge at once where one is free. */
export async function recuse(contestId: string, judgeId: string, assignmentId: string) {
  const { count } = await db.assignment.updateMany({
    where: { id: assignmentId, contestId, judgeId, round: ROUND, recusedAt: null },
    data: { recusedAt: now() },
  });
  if (count === 0) return false;
  await audit(db, { contestId, actorId: judgeId, action: "assignment.recused", subject: assignmentId });
  await runAssignment(contestId);
  return true;
}

export const ASSIGNMENT_PAGE = 50;
export type AssignmentQuery = { q: string; judgeId: string; page: number };

/**
 * Eligible entries with their judges in the scoring round, for the organizers' assignment table:
 * searchable by reference or title, filtered to one judge's entries, 50 a page.
 */
export async function assignmentTable(contestId: string, query: AssignmentQuery) {
  const q = query.q.trim();
  // One judge's entries through the (judgeId, round) index: a relation filter is slow on SQLite.
  const ofJudge = query.judgeId
    ? (
        await db.assignment.findMany({
          where: { contestId, judgeId: query.judgeId, round: ROUND, recusedAt: null },
          select: { entryId: true },
        })
      ).map((a) => a.entryId)
    : null;
  const where: Prisma.EntryWhereInput = {
    contestId,
    status: "eligible",
    ...(q
      ? { OR: [{ referenceCode: { contains: q.toUpperCase() } }, { searchTitle: { contains: foldForSearch(q) } }] }
      : {}),
    ...(ofJudge ? { id: { in: ofJudge } } : {}),
  };
  const [total, entries] = await Promise.all([
    db.entry.count({ where }),
    db.entry.findMany({
      where,
      orderBy: { referenceCode: "asc" },
      skip: (query.page - 1) * ASSIGNMENT_PAGE,
      take: ASSIGNMENT_PAGE,
      select: {
        id: true,
        referenceCode: true,
        title: true,
        assignments: {
          where: { round: ROUND, recusedAt: null },
          select: { id: true, judgeId: true, status: true, judge: { select: { email: true } } },
        },
      },
    }),
  ]);
  const rows = entries.map((e) => ({
    id: e.id,
    referenceCode: e.referenceCode,
    title: e.title,
    judges: e.assignments.map((a) => ({
      assignmentId: a.id,
      judgeId: a.judgeId,
      email: a.judge.email,
      status: a.status,
    })),
  }));
  return { total, pages: Math.max(1, Math.ceil(total / ASSIGNMENT_PAGE)), rows };
}

/** Every judge's sheet in both rounds, recusals left out, by round and entry: for scores.csv. */
export function listSheets(contestId: string) {
  return db.assignment.findMany({
    where: { contestId, recusedAt: null },
    orderBy: [{ round: "asc" }, { entryId: "asc" }],
    include: { entry: { select: { referenceCode: true } }, judge: { select: { email: true } } },
  });
}

export const SHORTLIST_PAGE = 50;
export type ShortlistQuery = { category: string; shortlistedOnly: boolean; page: number };

/**
 * Candidates for the final round's shortlist: eligible entries with their scoring-round progress
 * and mean weighted score (0–100, raw), best first, 50 a page, filtered by category or to the
 * shortlist. The scores come from the results, which stay computed until a sheet changes. The
 * fair, normalised ranking is the results page's.
 */
export async function shortlistTable(contestId: string, query: ShortlistQuery) {
  const results = await contestResults(contestId, ROUND);
  const all = results.categories.flatMap((c) => c.rows.map((r) => ({ ...r, category: c.name })));
  const rows = all
    .filter((r) => (!query.category || r.category === query.category) && (!query.shortlistedOnly || r.shortlisted))
    .sort(
      (a, b) => (b.rawMean ?? -1) - (a.rawMean ?? -1) || (a.referenceCode ?? "").localeCompare(b.referenceCode ?? ""),
    );
  const page = rows.slice((query.page - 1) * SHORTLIST_PAGE, query.page * SHORTLIST_PAGE);
  const assigned = await db.assignment.groupBy({
    by: ["entryId"],
    where: { contestId, round: ROUND, recusedAt: null, entryId: { in: page.map((r) => r.entryId) } },
    _count: { _all: true },
  });
  const assignedOf = new Map(assigned.map((a) => [a.entryId, a._count._all]));
  return {
    categories: results.categories.map((c) => c.name),
    shortlisted: all.filter((r) => r.shortlisted).length,
    total: rows.length,
    pages: Math.max(1, Math.ceil(rows.length / SHORTLIST_PAGE)),
    rows: page.map((r) => ({
      id: r.entryId,
      referenceCode: r.referenceCode,
      title: r.title,
      category: r.category,
      shortlisted: r.shortlisted,
      scored: r.judgeCount,
      assigned: assignedOf.get(r.entryId) ?? 0,
      mean: r.rawMean,
    })),
  };
}

/** Puts the `chosen` entries of `shown` (the page the organizer saw) on the shortlist and takes the others off it. */
export async function saveShortlist(contestId: string, shown: string[], chosen: string[]) {
  const picked = shown.filter((id) => chosen.includes(id));
  await db.$transaction([
    db.entry.updateMany({
      where: { contestId, id: { in: shown.filter((id) => !picked.includes(id)) }, shortlisted: true },
      data: { shortlisted: false },
    }),
    db.entry.updateMany({
      where: { contestId, status: "eligible", id: { in: picked }, shortlisted: false },
      data: { shortlisted: true },
    }),
  ]);
}

/**
 * Starts (or extends) the final round: every judge who declared their conflicts scores every
 * shortlisted entry they have no conflict with (and did not recuse from), until `closesAt`.
 */
export async function startFinalRound(contestId: string, closesAt: Date, actorId: string) {
  return serializable(
    async (tx) => {
      const { contest, seats, entries } = await loadRound(contestId, tx);
      const shortlisted = new Set(
        (
          await tx.entry.findMany({ where: { contestId, status: "eligible", shortlisted: true }, select: { id: true } })
        ).map((e) => e.id),
      );
      const existing = new Set(
        (
          await tx.assignment.findMany({
            where: { contestId, round: "final" },
            select: { entryId: true, judgeId: true },
          })
        ).map((a) => `${a.entryId}:${a.judgeId}`),
      );
      const pairs = entries
        .filter((e) => shortlisted.has(e.id))
        .flatMap((entry) =>
          seats
            .filter((seat) => !conflictReason(judgeForAssignment(seat), entry, contest.avoidSameCountry))
            .filter((seat) => !existing.has(`${entry.id}:${seat.userId}`))
            .map((seat) => ({ contestId, entryId: entry.id, judgeId: seat.userId, round: "final" })),
        );
      if (pairs.length) await tx.assignment.createMany({ data: pairs });
      await tx.contest.update({ where: { id: contestId }, data: { finalRoundEndsAt: closesAt } });
      await audit(tx, {
        contestId,
        actorId,
        action: "final.started",
        detail: { entries: shortlisted.size, created: pairs.length, closesAt: closesAt.toISOString() },
      });
      return { created: pairs.length, entries: shortlisted.size };
    },
    { timeoutMs: 120_000 },
  );
}
