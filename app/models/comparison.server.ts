import { now } from "~/services/clock.server";
import { db, Prisma } from "~/services/db.server";
import { fitBradleyTerry, nextPair, reachedTarget, type Judgement, type PairwiseFit } from "./pairwise";
import { judgeWork, JUDGE_ENTRY_SELECT, roundOpen } from "./scoring.server";

/**
 * The comparative final round: judges are shown two shortlisted works of one category side by
 * side and pick the stronger on the rubric's terms. Each category is ordered by a Bradley–Terry
 * model of the decided comparisons (pairwise.ts); a category asks for no more once its scale
 * separation reliability reaches the contest's target, and the round stops at its closing date.
 *
 * Who may compare what: the final round's assignments, made when organizers start the round
 * (every judge who declared their conflicts, for every shortlisted work they have no conflict
 * with). A judge sees only works they hold such an assignment for, by their judge code; nothing
 * here tells a judge who made a work.
 */

const pairKeyOf = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export type FinalCategory = {
  categoryId: string;
  name: string;
  /** The shortlisted, eligible works of the category, by id. */
  ids: string[];
  judgements: Judgement[];
  fit: PairwiseFit;
  /** Whether the order is as reliable as the contest asks: no more pairs are shown for it. */
  reached: boolean;
};

/**
 * Every category of the final with its decided comparisons and fit, in the categories' order.
 * Comparisons of a work that left the shortlist (or stopped being eligible) no longer count.
 */
export async function finalFits(contestId: string): Promise<{ target: number; categories: FinalCategory[] }> {
  const [contest, entries, decided] = await Promise.all([
    db.contest.findUniqueOrThrow({ where: { id: contestId }, select: { pairwiseTarget: true } }),
    db.entry.findMany({
      where: { contestId, status: "eligible", shortlisted: true },
      select: { id: true, categoryId: true, category: { select: { name: true, position: true } } },
      orderBy: { id: "asc" },
    }),
    db.comparison.findMany({
      where: { contestId, winnerId: { not: null } },
      select: { judgeId: true, leftId: true, rightId: true, winnerId: true, categoryId: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const byCategory = new Map<string, { name: string; position: number; ids: string[] }>();
  for (const entry of entries) {
    const category = byCategory.get(entry.categoryId) ?? { ...entry.category, ids: [] };
    category.ids.push(entry.id);
    byCategory.set(entry.categoryId, category);
  }
  return {
    target: contest.pairwiseTarget,
    categories: [...byCategory.entries()]
      .sort((a, b) => a[1].position - b[1].position)
      .map(([categoryId, { name, ids }]) => {
        const inCategory = new Set(ids);
        const judgements = decided
          .filter((c) => c.categoryId === categoryId && inCategory.has(c.leftId) && inCategory.has(c.rightId))
          .map((c) => ({
            judgeId: c.judgeId,
            winnerId: c.winnerId as string,
            loserId: c.winnerId === c.leftId ? c.rightId : c.leftId,
          }));
        const fit = fitBradleyTerry(ids, judgements);
        return { categoryId, name, ids, judgements, fit, reached: reachedTarget(fit, contest.pairwiseTarget) };
      }),
  };
}

/** The shortlisted works this judge may be shown: their final-round assignments, not recused. */
async function comparableBy(contestId: string, judgeId: string) {
  const rows = await db.assignment.findMany({
    where: { contestId, judgeId, round: "final", recusedAt: null, entry: { status: "eligible", shortlisted: true } },
    select: { entryId: true },
  });
  return new Set(rows.map((r) => r.entryId));
}

async function contestOf(contestId: string) {
  return db.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: {
      judgingEndsAt: true,
      finalRoundEndsAt: true,
      finalMethod: true,
      hideCountry: true,
      blindJudging: true,
      timezone: true,
    },
  });
}

export type ComparisonState = "comparing" | "ready" | "reached" | "exhausted" | "closed";

/**
 * A judge's page in a comparative final: the pair they are shown (if any) with both works as a
 * judge reads them, how many they decided, and the round's state for them: "comparing" (a pair
 * is shown), "ready" (no pair shown yet, one can be), "reached" (every category they can judge is
 * reliable enough), "exhausted" (they compared every pair they can), "closed". Null when the
 * contest has no comparative final, or this judge has no part in it.
 */
export async function comparisonView(contestId: string, judgeId: string) {
  const contest = await contestOf(contestId);
  if (contest.finalMethod !== "pairwise" || !contest.finalRoundEndsAt) return null;
  const allowed = await comparableBy(contestId, judgeId);
  if (allowed.size < 2) return null;
  const [pending, decided] = await Promise.all([
    currentPair(contestId, judgeId, allowed),
    db.comparison.count({ where: { contestId, judgeId, winnerId: { not: null } } }),
  ]);
  const open = roundOpen(contest, "final");
  const base = { decided, open, closesAt: contest.finalRoundEndsAt.toISOString(), timezone: contest.timezone };
  if (!open) return { ...base, state: "closed" as ComparisonState, pair: null };
  if (pending) {
    const [left, right] = await Promise.all([judgeWork(pending.left, contest), judgeWork(pending.right, contest)]);
    return { ...base, state: "comparing" as ComparisonState, pair: { id: pending.id, left, right } };
  }
  const choice = await choosePair(contestId, judgeId, allowed);
  return { ...base, state: (choice.pair ? "ready" : choice.state) as ComparisonState, pair: null };
}

/** The pair this judge is shown and has not decided yet; a pair whose work left the final is dropped. */
async function currentPair(contestId: string, judgeId: string, allowed: Set<string>) {
  const pending = await db.comparison.findMany({
    where: { contestId, judgeId, winnerId: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      leftId: true,
      rightId: true,
      left: { select: JUDGE_ENTRY_SELECT },
      right: { select: JUDGE_ENTRY_SELECT },
    },
  });
  for (const pair of pending) {
    if (allowed.has(pair.leftId) && allowed.has(pair.rightId)) return pair;
    await db.comparison.deleteMany({ where: { id: pair.id, winnerId: null } });
  }
  return null;
}

/**
 * The next pair for this judge: in the category whose order is least reliable among those not yet
 * at the target, the adaptive choice of pairwise.ts among the works this judge may see.
 */
async function choosePair(contestId: string, judgeId: string, allowed: Set<string>) {
  const { categories } = await finalFits(contestId);
  const open = categories.filter((c) => !c.reached && c.ids.filter((id) => allowed.has(id)).length >= 2);
  if (open.length === 0) return { pair: null, state: "reached" as const };
  open.sort((a, b) => (a.fit.reliability ?? -1) - (b.fit.reliability ?? -1));
  for (const category of open) {
    const pair = nextPair({
      ids: category.ids,
      judgements: category.judgements,
      judgeId,
      fit: category.fit,
      excluded: (id) => !allowed.has(id),
    });
    if (pair) return { pair, categoryId: category.categoryId, state: "ready" as const };
  }
  return { pair: null, state: "exhausted" as const };
}

/**
 * Shows this judge their next pair (nothing when one is already shown, the round is closed, or
 * nothing is left to compare). A second click while the first is being answered changes nothing.
 */
export async function showNextPair(contestId: string, judgeId: string) {
  const contest = await contestOf(contestId);
  if (contest.finalMethod !== "pairwise" || !roundOpen(contest, "final")) return false;
  const allowed = await comparableBy(contestId, judgeId);
  if (await currentPair(contestId, judgeId, allowed)) return true;
  const choice = await choosePair(contestId, judgeId, allowed);
  if (!choice.pair || !choice.categoryId) return false;
  const [leftId, rightId] = choice.pair;
  try {
    await db.comparison.create({
      data: { contestId, judgeId, categoryId: choice.categoryId, leftId, rightId, pairKey: pairKeyOf(leftId, rightId) },
    });
  } catch (error) {
    // the same pair, made for this judge by a request a moment ago
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return true;
}

export type DecideResult = { ok: true } | { ok: false; reason: "notFound" | "closed" };

/**
 * Records the judge's choice on the pair they were shown, then shows them the next. Deciding a
 * pair already decided (a double click, a retried request) changes nothing.
 */
export async function decideComparison(
  contestId: string,
  judgeId: string,
  comparisonId: string,
  side: "left" | "right",
): Promise<DecideResult> {
  const comparison = await db.comparison.findFirst({ where: { id: comparisonId, contestId, judgeId } });
  if (!comparison) return { ok: false, reason: "notFound" };
  if (comparison.winnerId) return { ok: true };
  const contest = await contestOf(contestId);
  // a tab left open while organizers turned the final into a scored one
  if (contest.finalMethod !== "pairwise") return { ok: false, reason: "notFound" };
  if (!roundOpen(contest, "final")) return { ok: false, reason: "closed" };
  const allowed = await comparableBy(contestId, judgeId);
  if (!allowed.has(comparison.leftId) || !allowed.has(comparison.rightId)) return { ok: false, reason: "notFound" };
  await db.comparison.updateMany({
    where: { id: comparison.id, winnerId: null },
    data: { winnerId: side === "left" ? comparison.leftId : comparison.rightId, decidedAt: now() },
  });
  await showNextPair(contestId, judgeId);
  return { ok: true };
}
