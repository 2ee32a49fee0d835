import { db, Prisma } from "~/services/db.server";
import { now } from "~/services/clock.server";
import { consume, networkOf } from "~/services/rate-limit.server";
import { audit } from "./audit.server";
import { publishedWinners } from "./results.server";

/**
 * The people's choice. Where organizers turn it on, visitors vote for a work of the winners'
 * gallery once the results are published (or from a later date organizers set), until the date
 * organizers set: one vote per person
 * (a verified email address: they sign in with an emailed code) per category. Nobody sees a count
 * until the vote closes, so early votes do not steer later ones. Organizers see votes arriving in
 * bursts from one network and can discount them, audited; the people's choice is announced
 * apart from the jury's awards.
 */

/** Votes from one network within this window, at least this many, are shown to organizers as a burst. */
export const BURST_VOTES = 5;
export const BURST_WINDOW_MS = 10 * 60 * 1000;
/** Votes one network may cast in an hour: a class of students voting together fits, a script does not. */
const VOTES_PER_NETWORK_HOUR = 60;

type VotingContest = {
  peoplesChoice: boolean;
  resultsPublishedAt: Date | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
};

export type VotingState = "off" | "notYet" | "open" | "closed";

/**
 * Where a contest's vote stands: off, not yet (results unpublished, or before the opening date
 * organizers set), open, or closed.
 */
/** The moments at which `votingState` may change by the clock alone. */
export function votingChanges(contest: Pick<VotingContest, "votingOpensAt" | "votingClosesAt">) {
  return [contest.votingOpensAt, contest.votingClosesAt];
}

export function votingState(contest: VotingContest, at = now()): VotingState {
  if (!contest.peoplesChoice) return "off";
  if (!contest.resultsPublishedAt || (contest.votingOpensAt && at < contest.votingOpensAt)) return "notYet";
  if (!contest.votingClosesAt || at >= contest.votingClosesAt) return "closed";
  return "open";
}

export type CastResult =
  | { ok: true }
  | { ok: false; reason: "notFound" | "closed" | "rateLimited" }
  | { ok: false; reason: "already"; entryId: string };

/** A signed-in visitor's vote for a work of the gallery. */
export async function castVote(slug: string, entryId: string, userId: string, ip: string): Promise<CastResult> {
  const found = await publishedWinners(slug);
  const work = found?.winners?.find((w) => w.entry.id === entryId);
  if (!found || !work) return { ok: false, reason: "notFound" };
  if (votingState(found.contest) !== "open") return { ok: false, reason: "closed" };
  const categoryId = work.entry.categoryId;
  const earlier = await db.vote.findUnique({ where: { userId_categoryId: { userId, categoryId } } });
  if (earlier) return { ok: false, reason: "already", entryId: earlier.entryId };
  const network = networkOf(ip);
  const limit = await consume(`vote:network:${network}`, VOTES_PER_NETWORK_HOUR, 60 * 60 * 1000);
  if (!limit.ok) return { ok: false, reason: "rateLimited" };
  try {
    await db.vote.create({
      data: { contestId: found.contest.id, categoryId, entryId, userId, network, createdAt: now() },
    });
  } catch (error) {
    // a double click, or two tabs: the first vote stands
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await db.vote.findUniqueOrThrow({ where: { userId_categoryId: { userId, categoryId } } });
      return { ok: false, reason: "already", entryId: first.entryId };
    }
    throw error;
  }
  return { ok: true };
}

/** The work a person voted for in each category of a contest. */
export async function myVotes(contestId: string, userId: string) {
  const votes = await db.vote.findMany({ where: { contestId, userId }, select: { categoryId: true, entryId: true } });
  return new Map(votes.map((v) => [v.categoryId, v.entryId]));
}

/**
 * Votes that count for the works still in the gallery (`entryIds`), with each category's people's
 * choice: every work sharing the most votes. A work that has left the gallery (consent withdrawn,
 * entrant erased) takes no part. Organizers read it at any time; visitors once the vote has closed.
 */
export async function voteCounts(contestId: string, entryIds: string[]) {
  const rows = await db.vote.groupBy({
    by: ["categoryId", "entryId"],
    where: { contestId, discountedAt: null, entryId: { in: entryIds } },
    _count: { _all: true },
  });
  const best = new Map<string, number>();
  for (const row of rows) best.set(row.categoryId, Math.max(best.get(row.categoryId) ?? 0, row._count._all));
  return new Map(
    rows.map((row) => [
      row.entryId,
      { votes: row._count._all, chosen: row._count._all === best.get(row.categoryId) && row._count._all > 0 },
    ]),
  );
}

/**
 * Networks whose votes came in a burst (BURST_VOTES or more within BURST_WINDOW_MS), biggest
 * first, with what they voted for and how many organizers already discounted.
 */
export async function voteBursts(contestId: string) {
  const votes = await db.vote.findMany({
    where: { contestId },
    select: { network: true, createdAt: true, discountedAt: true, entry: { select: { title: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byNetwork = new Map<string, typeof votes>();
  for (const vote of votes) byNetwork.set(vote.network, [...(byNetwork.get(vote.network) ?? []), vote]);
  const bursts = [];
  for (const [network, list] of byNetwork) {
    // the most votes any window of BURST_WINDOW_MS holds (two pointers over the sorted times)
    let most = 0;
    for (let start = 0, end = 0; end < list.length; end++) {
      while (list[end]!.createdAt.getTime() - list[start]!.createdAt.getTime() > BURST_WINDOW_MS) start++;
      most = Math.max(most, end - start + 1);
    }
    if (most < BURST_VOTES) continue;
    const works = new Map<string, number>();
    for (const vote of list) works.set(vote.entry.title, (works.get(vote.entry.title) ?? 0) + 1);
    bursts.push({
      network,
      votes: list.length,
      inWindow: most,
      discounted: list.filter((v) => v.discountedAt).length,
      first: list[0]!.createdAt.toISOString(),
      last: list.at(-1)!.createdAt.toISOString(),
      works: [...works].map(([title, count]) => ({ title, count })).sort((a, b) => b.count - a.count),
    });
  }
  return bursts.sort((a, b) => b.inWindow - a.inWindow);
}

/** Organizers discount (or count again) every vote from one network, audited. */
export async function discountNetwork(contestId: string, network: string, discount: boolean, actorId: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.vote.updateMany({
      where: { contestId, network, discountedAt: discount ? null : { not: null } },
      data: { discountedAt: discount ? now() : null },
    });
    if (count) {
      await audit(tx, {
        contestId,
        actorId,
        action: discount ? "votes.discounted" : "votes.restored",
        subject: network,
        detail: { votes: count },
      });
    }
    return count;
  });
}
