import { now } from "~/services/clock.server";
import { db } from "~/services/db.server";
import { assignJudges, conflictReason, type AssignmentJudge, type Shortfall } from "./assignment";
import { splitList } from "./contest";

/**
 * Runs the assignment of the scoring round on the database: eligible entries, judges who have
 * declared their conflicts, the assignments already made (kept), and recusals (never assigned
 * again to the same entry). The rules themselves are in `assignment.ts`.
 */
const ROUND = "scoring";

function judgeForAssignment(seat: {
  userId: string;
  country: string | null;
  conflictPeople: string;
  conflictOrganisations: string;
  conflictCountries: string;
}): AssignmentJudge {
  return {
    id: seat.userId,
    country: seat.country,
    conflicts: {
      countries: splitList(seat.conflictCountries),
      people: seat.conflictPeople.split("\n"),
      organisations: seat.conflictOrganisations.split("\n"),
    },
  };
}

async function loadRound(contestId: string) {
  const [contest, entries, seats] = await Promise.all([
    db.contest.findUniqueOrThrow({ where: { id: contestId } }),
    db.entry.findMany({
      where: { contestId, status: "eligible" },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        entrant: { select: { fullName: true, email: true, country: true } },
        coCreators: { select: { name: true, email: true } },
        assignments: { where: { round: ROUND }, select: { id: true, judgeId: true, recusedAt: true, status: true } },
      },
    }),
    db.contestJudge.findMany({ where: { contestId, conflictsDeclaredAt: { not: null } } }),
  ]);
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

export async function runAssignment(contestId: string): Promise<AssignmentRun> {
  const { contest, seats, entries } = await loadRound(contestId);
  const result = assignJudges({
    entries,
    judges: seats.map(judgeForAssignment),
    perEntry: contest.judgesPerEntry,
    avoidSameCountry: contest.avoidSameCountry,
    // scored assignments first: when an entry has more judges than the setting asks for, these are kept
    existing: entries.flatMap((e) =>
      [...e.assignments]
        .sort((a, b) => Number(b.status === "submitted") - Number(a.status === "submitted"))
        .map((a) => ({ entryId: e.id, judgeId: a.judgeId })),
    ),
  });
  const dropped = new Map(result.dropped.map((d) => [`${d.entryId}:${d.judgeId}`, d.reason]));
  // A judge now in conflict loses the entry, scored or not; a surplus judge who scored keeps it.
  const toRemove = entries.flatMap((e) =>
    e.assignments
      .filter((a) => {
        const reason = dropped.get(`${e.id}:${a.judgeId}`);
        return reason && !(reason === "surplus" && a.status === "submitted");
      })
      .map((a) => a.id),
  );
  await db.$transaction(async (tx) => {
    if (toRemove.length) await tx.assignment.deleteMany({ where: { id: { in: toRemove } } });
    if (result.assignments.length) {
      await tx.assignment.createMany({
        data: result.assignments.map((a) => ({ contestId, entryId: a.entryId, judgeId: a.judgeId, round: ROUND })),
      });
    }
  });
  return {
    created: result.assignments.length,
    removed: toRemove.length,
    shortfalls: result.shortfalls,
    loads: result.loads,
  };
}

/** Moves one assignment to another judge by hand, if that judge has no conflict with the entry. */
export async function moveAssignment(contestId: string, assignmentId: string, toJudgeId: string) {
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
  await db.assignment.update({
    where: { id: assignmentId },
    data: { judgeId: toJudgeId, scores: "{}", comments: "{}", revision: { increment: 1 } },
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
  await runAssignment(contestId);
  return true;
}

/** Each eligible entry with its judges in the scoring round, for the organizers' assignment table. */
export async function assignmentTable(contestId: string) {
  const entries = await db.entry.findMany({
    where: { contestId, status: "eligible" },
    orderBy: { referenceCode: "asc" },
    select: {
      id: true,
      referenceCode: true,
      title: true,
      assignments: {
        where: { round: ROUND, recusedAt: null },
        select: { id: true, judgeId: true, status: true, judge: { select: { email: true } } },
      },
    },
  });
  return entries.map((e) => ({
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
}
