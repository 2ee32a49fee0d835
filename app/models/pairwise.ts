/**
 * Comparative judgement for Mosaic's optional comparative final round, as pure arithmetic (no database, no Node
 * APIs, no dependencies beyond the ranking maths' shared string order).
 *
 * In that round a judge sees two shortlisted works of the same category side by side and picks the stronger on the
 * rubric's terms. Nobody gives a score: the order comes from who beat whom. For whoever maintains this next:
 *
 * 1. {@link fitBradleyTerry} turns a category's judgements into an ability per work (Bradley–Terry model, in
 *    logits), a standard error per ability, a rank, and the category's scale separation reliability (SSR).
 * 2. {@link nextPair} chooses the next pair for one judge: balanced random pairs first, then pairs of works whose
 *    current abilities are close, which is where a judgement tells us the most.
 * 3. {@link reachedTarget} says whether a category's reliability has reached the organizers' target (0.8 unless
 *    they chose otherwise); the round also stops at its closing date, which is not this module's business.
 * 4. {@link mergeCategoryOrders} lists the fitted orders of every category in one list, the way results pages
 *    show them. Each category is fitted on its own: abilities of different categories are not on one scale.
 *
 * The model: work i has an ability θᵢ, and a judge picks i over j with probability σ(θᵢ − θⱼ), where
 * σ(x) = 1 / (1 + e⁻ˣ). A difference of 1 logit means the stronger work wins about 73 % of the time, 2 logits 88 %,
 * 3 logits 95 %. Judges are pooled: the model assumes every judge applies the same standard, which is also why
 * judge ids only matter to {@link nextPair} (a judge never sees the same pair twice).
 *
 * Determinism: works are put into a canonical order (ids sorted by UTF-16 code units) before anything is computed,
 * and judgements only enter as integer counts per pair, which add up exactly in any order. So the same ids and
 * judgements give bit-for-bit the same fit and the same next pair, whatever order they arrive in. No randomness is
 * used anywhere: where a choice should look random (which of several equally good pairs, which work goes on the
 * left), it is decided by a hash of the judge, the number of judgements so far and the work ids.
 */

import { compareStrings } from "./results";

export type Judgement = { winnerId: string; loserId: string; judgeId: string };

export type FitOptions = {
  /**
   * Standard deviation, in logits, of the Gaussian prior every ability gets (centred on 0). Defaults to
   * {@link DEFAULT_PRIOR_SD}. Larger is weaker: the abilities follow the judgements more closely, and a work that
   * won (or lost) every comparison drifts further out. Must be finite and above 0.
   */
  priorSd?: number;
  /** Newton steps before giving up with an error. Defaults to 100; a fit needs about 5 to 10. */
  maxIterations?: number;
  /** Converged when the next step would move no ability by more than this many logits. Defaults to 1e-10. */
  tolerance?: number;
};

export type PairwiseItem = {
  /** The work's (entry's) id. */
  id: string;
  /** Estimated ability in logits. Abilities of one fit add up to 0, so a work above 0 is stronger than average. */
  ability: number;
  /** Standard error of `ability`, in logits: about two thirds of the time the true ability is within ±se. */
  se: number;
  wins: number;
  losses: number;
  /** wins + losses: how many judgements this work took part in. */
  comparisons: number;
  /** Competition rank by ability, strongest first ("1, 2, 2, 4"); ties: see {@link ABILITY_TIE_TOLERANCE}. */
  rank: number;
  /** True when another work shares this rank. */
  tied: boolean;
};

export type PairwiseFit = {
  /** Every work of `ids`: by rank, then id. */
  items: PairwiseItem[];
  /**
   * Scale separation reliability, 0–1: the share of the spread of abilities that is not measurement error (see
   * {@link fitBradleyTerry}). Null with fewer than 3 works or no judgements, where it means nothing.
   */
  reliability: number | null;
};

/** The organizers' reliability target unless they choose another. Comparative judgement studies commonly use 0.8. */
export const DEFAULT_TARGET_RELIABILITY = 0.8;
/**
 * Prior standard deviation of abilities, in logits: about the spread of a real shortlist (comparative judgement
 * studies find 1.5–3 logits across whole cohorts, and a shortlist is the top slice of one). Its pull on an ability
 * (1/2² = 0.25) equals the information of one comparison between two equal works, so it matters for a work's first
 * few comparisons and little by the time a round stops (about 10 per work). It keeps a work that won everything at a
 * finite ability, and it damps the spreading-out of abilities that adaptive pairing causes (see {@link nextPair}):
 * in tests/bench/pairwise.ts run with a weaker prior of 3, the reliability reached 0.8 sooner (about 7.5–8
 * comparisons per work instead of 10–11) while the true reliability at that moment was lower (median about
 * 0.72–0.79 instead of 0.80–0.82 on 1.5-logit shortlists of 20–30 works).
 */
export const DEFAULT_PRIOR_SD = 2;
const DEFAULT_MAX_ITERATIONS = 100;
const DEFAULT_TOLERANCE = 1e-10;
/**
 * Abilities this close count as equal (ties), so floating-point noise never splits a tie. As in the results, a
 * work ties with the first (strongest) work of the current rank when within this of it.
 */
export const ABILITY_TIE_TOLERANCE = 1e-9;
/** {@link nextPair} pairs at random until every work has had this many comparisons, then by ability. */
export const ADAPTIVE_AFTER = 3;
/**
 * Once adaptive, {@link nextPair} takes a partner at random among those within this many logits of the first work's
 * current ability (an 88 % / 12 % pair at the edge, still informative), and the closest one only when none is that
 * close. Taking the closest partner every time stopped rounds of equal works on their reliability target: see the
 * caveat of {@link nextPair}.
 */
export const PARTNER_WINDOW_LOGITS = 2;

/** The works in canonical order, with each id's position. Throws a RangeError for a repeated id. */
function canonicalWorks(ids: string[]): { order: string[]; index: Map<string, number> } {
  const order = [...ids].sort(compareStrings);
  const index = new Map<string, number>();
  for (let i = 0; i < order.length; i++) {
    const id = order[i] as string;
    if (index.has(id)) throw new RangeError(`Work "${id}" is listed more than once`);
    index.set(id, i);
  }
  return { order, index };
}

/** Positions of a judgement's winner and loser. Throws a RangeError for an unknown work or a work against itself. */
function judgementPositions(judgement: Judgement, index: Map<string, number>): [number, number] {
  const winner = index.get(judgement.winnerId);
  const loser = index.get(judgement.loserId);
  if (winner === undefined || loser === undefined) {
    const unknown = winner === undefined ? judgement.winnerId : judgement.loserId;
    throw new RangeError(`A judgement by "${judgement.judgeId}" names work "${unknown}", which is not in this round`);
  }
  if (winner === loser) {
    throw new RangeError(`A judgement by "${judgement.judgeId}" compares work "${judgement.winnerId}" with itself`);
  }
  return [winner, loser];
}

/** array[index] += value, which `noUncheckedIndexedAccess` does not allow as such. */
function addTo(array: Float64Array | number[], index: number, value: number) {
  array[index] = (array[index] as number) + value;
}

/** σ(x), the probability that a work beats one x logits weaker. */
function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** log σ(x), without overflow or loss of precision for large |x|. */
function logLogistic(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Every pair of works that met at least once: positions i < j, how often they met, how often i won. */
type Meeting = { i: number; j: number; count: number; winsOfI: number };

/**
 * Cholesky factor of a symmetric positive definite n×n matrix (row-major), as a lower triangle in place of `a`.
 * Throws when the matrix is not positive definite, which the matrices below never are short of a bug.
 */
function cholesky(a: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (a[j * n + k] as number) ** 2;
    if (!(diagonal > 0)) throw new Error("The information matrix is not positive definite");
    const root = Math.sqrt(diagonal);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let value = a[i * n + j] as number;
      for (let k = 0; k < j; k++) value -= (a[i * n + k] as number) * (a[j * n + k] as number);
      a[i * n + j] = value / root;
    }
  }
  return a;
}

/** Solves L·Lᵀ·x = b for the Cholesky factor L from {@link cholesky}. */
function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let value = x[i] as number;
    for (let k = 0; k < i; k++) value -= (l[i * n + k] as number) * (x[k] as number);
    x[i] = value / (l[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let value = x[i] as number;
    for (let k = i + 1; k < n; k++) value -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = value / (l[i * n + i] as number);
  }
  return x;
}

/**
 * The diagonal of (L·Lᵀ)⁻¹ for a Cholesky factor L. (L·Lᵀ)⁻¹ = L⁻ᵀ·L⁻¹, so its i-th diagonal entry is the squared
 * length of column i of L⁻¹; L⁻¹ is lower triangular and found column by column by forward substitution.
 */
function inverseDiagonal(l: Float64Array, n: number): Float64Array {
  const diagonal = new Float64Array(n);
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    column.fill(0);
    column[i] = 1 / (l[i * n + i] as number);
    let sum = (column[i] as number) ** 2;
    for (let r = i + 1; r < n; r++) {
      let value = 0;
      for (let k = i; k < r; k++) value -= (l[r * n + k] as number) * (column[k] as number);
      column[r] = value / (l[r * n + r] as number);
      sum += (column[r] as number) ** 2;
    }
    diagonal[i] = sum;
  }
  return diagonal;
}

/**
 * Fits the Bradley–Terry model to one category's judgements: an ability, standard error and rank for every work of
 * `ids`, and the category's scale separation reliability. Works nobody has judged yet are listed with ability 0.
 *
 * Estimation: maximum a posteriori with a Gaussian prior N(0, priorSd²) on every ability, i.e. the abilities that
 * maximise log-likelihood − Σθᵢ² / (2·priorSd²). Plain maximum likelihood has no answer when a work won (or lost)
 * every comparison: its ability would run off to +∞ (−∞). The prior keeps it finite, and is mild: its curvature
 * 1/priorSd² (1/4 by default) equals the information of one comparison between equal works (see
 * {@link DEFAULT_PRIOR_SD} for why that strength). Because every ability has the same prior centred on 0 and the
 * likelihood only sees differences, the maximum has Σθᵢ = 0 exactly; the abilities are re-centred after every step
 * so rounding cannot drift them.
 *
 * Method: Newton–Raphson from all abilities at 0, with step halving (Armijo rule) so every step increases the
 * objective. The objective is strictly concave, so there is one maximum and this finds it, typically in 5–10 steps.
 * Each step solves with the information matrix H = L(θ) + I/priorSd², where L is the Fisher information of the
 * judgements (for a pair that met n times with win probability p: n·p·(1 − p) on both diagonals, minus that off
 * the diagonal). Cost per step: O(n³/3) for the Cholesky factorisation of a dense n×n matrix, which is nothing
 * for shortlists of up to a few dozen works; a shortlist in the hundreds would want a sparse method instead.
 *
 * Standard errors: the square roots of the diagonal of the inverse information matrix, restricted to centred
 * abilities (every reported ability is measured against the category's average, so the uncertainty of where that
 * average sits must not be counted). That is the diagonal of C·H⁻¹·C with C = I − 11ᵀ/n. It is computed as the
 * diagonal of (H + 11ᵀ/n)⁻¹ minus its row and grand means (double centring): H and 11ᵀ/n commute because L·1 = 0,
 * so adding 11ᵀ/n changes only the uncertainty of the average, which centring then removes, and it keeps the matrix
 * well conditioned however weak the prior is. With priorSd → ∞ these are the usual maximum-likelihood standard
 * errors of sum-to-zero abilities; with the prior they are slightly smaller (posterior standard deviations).
 *
 * Reliability (scale separation reliability, SSR, as in Bramley's comparative judgement work, No More Marking's
 * reports and Rasch "separation reliability"): (v − m) / v, where v is the observed variance of the abilities
 * (sample variance, dividing by n − 1, as sirt's `btm` does: the centring uses up one degree of freedom) and m is
 * the mean of the squared standard errors. It estimates the share of the spread of abilities that is real
 * rather than measurement error, like a test's reliability. Clamped to at least 0 (and 0 when all abilities are
 * equal); null with fewer than 3 works or no judgements. See {@link nextPair} for why an adaptively paired round
 * overstates it.
 *
 * Throws a RangeError for a repeated id, a judgement naming a work not in `ids` or a work against itself, or
 * invalid options, and an Error if Newton–Raphson has not converged after `maxIterations` steps.
 */
export function fitBradleyTerry(ids: string[], judgements: Judgement[], options: FitOptions = {}): PairwiseFit {
  const priorSd = options.priorSd ?? DEFAULT_PRIOR_SD;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(priorSd) || priorSd <= 0) {
    throw new RangeError(`priorSd must be finite and above 0, got ${priorSd}`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations must be a whole number of at least 1, got ${maxIterations}`);
  }
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be above 0, got ${tolerance}`);

  const { order, index } = canonicalWorks(ids);
  const n = order.length;
  // beat[i·n + j]: how often work i beat work j. Integer counts, so their order of arrival cannot matter.
  const beat = new Float64Array(n * n);
  for (const judgement of judgements) {
    const [winner, loser] = judgementPositions(judgement, index);
    addTo(beat, winner * n + loser, 1);
  }
  const meetings: Meeting[] = [];
  const wins = new Float64Array(n);
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const winsOfI = beat[i * n + j] as number;
      const count = winsOfI + (beat[j * n + i] as number);
      if (count === 0) continue;
      meetings.push({ i, j, count, winsOfI });
      addTo(wins, i, winsOfI);
      addTo(losses, j, winsOfI);
      addTo(wins, j, count - winsOfI);
      addTo(losses, i, count - winsOfI);
    }
  }

  const precision = 1 / priorSd ** 2;
  const objective = (theta: Float64Array) => {
    let total = 0;
    for (const m of meetings) {
      const d = (theta[m.i] as number) - (theta[m.j] as number);
      total += m.winsOfI * logLogistic(d) + (m.count - m.winsOfI) * logLogistic(-d);
    }
    for (let i = 0; i < n; i++) total -= 0.5 * precision * (theta[i] as number) ** 2;
    return total;
  };
  // Gradient of the objective, and the Cholesky factor of H + 11ᵀ/n (see the doc comment), both at theta.
  const derivatives = (theta: Float64Array) => {
    const gradient = new Float64Array(n);
    const matrix = new Float64Array(n * n).fill(1 / n);
    for (let i = 0; i < n; i++) {
      gradient[i] = (wins[i] as number) - precision * (theta[i] as number);
      addTo(matrix, i * n + i, precision);
    }
    for (const m of meetings) {
      const p = logistic((theta[m.i] as number) - (theta[m.j] as number));
      const q = logistic((theta[m.j] as number) - (theta[m.i] as number));
      addTo(gradient, m.i, -m.count * p);
      addTo(gradient, m.j, -m.count * q);
      const information = m.count * p * q;
      addTo(matrix, m.i * n + m.i, information);
      addTo(matrix, m.j * n + m.j, information);
      addTo(matrix, m.i * n + m.j, -information);
      addTo(matrix, m.j * n + m.i, -information);
    }
    return { gradient, factor: cholesky(matrix, n) };
  };

  let theta = new Float64Array(n);
  let factor: Float64Array | null = null;
  for (let iteration = 0; iteration < maxIterations && n > 0; iteration++) {
    const current = derivatives(theta);
    // The gradient sums to 0 at centred abilities, so solving with H + 11ᵀ/n gives exactly the Newton step of H.
    const step = choleskySolve(current.factor, n, current.gradient);
    let largest = 0;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      largest = Math.max(largest, Math.abs(step[i] as number));
      slope += (current.gradient[i] as number) * (step[i] as number);
    }
    if (largest <= tolerance) {
      factor = current.factor;
      break;
    }
    // Step halving (Armijo rule) guards the first steps, where a full Newton step can overshoot a work that won
    // everything. Near the maximum the objective changes by less than its rounding error, so a step that leaves it
    // equal within that error is accepted: refusing it would halve the step forever.
    const before = objective(theta);
    const rounding = 1e-12 * (1 + Math.abs(before));
    let length = 1;
    const next = new Float64Array(n);
    for (;;) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += next[i] = (theta[i] as number) + length * (step[i] as number);
      const mean = sum / n;
      for (let i = 0; i < n; i++) addTo(next, i, -mean);
      if (objective(next) >= before + 1e-4 * length * slope - rounding || length < 1e-12) break;
      length /= 2;
    }
    theta = next;
  }
  if (n > 0 && factor === null) {
    throw new Error(`The comparative judgement fit did not converge in ${maxIterations} steps`);
  }

  // Standard errors: the diagonal of C·M·C for M = (H + 11ᵀ/n)⁻¹, i.e. Mᵢᵢ − 2·(row mean of M)ᵢ + (grand mean).
  const se = new Float64Array(n);
  if (factor) {
    const diagonal = inverseDiagonal(factor, n);
    const rowSums = choleskySolve(factor, n, new Float64Array(n).fill(1));
    let grand = 0;
    for (let i = 0; i < n; i++) grand += rowSums[i] as number;
    grand /= n * n;
    for (let i = 0; i < n; i++) {
      se[i] = Math.sqrt(Math.max(0, (diagonal[i] as number) - (2 * (rowSums[i] as number)) / n + grand));
    }
  }

  let reliability: number | null = null;
  if (n >= 3 && judgements.length > 0) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += theta[i] as number;
    mean /= n;
    let variance = 0;
    let errorVariance = 0;
    for (let i = 0; i < n; i++) {
      variance += ((theta[i] as number) - mean) ** 2;
      errorVariance += (se[i] as number) ** 2;
    }
    variance /= n - 1;
    errorVariance /= n;
    reliability = variance > 0 ? Math.max(0, (variance - errorVariance) / variance) : 0;
  }

  const items: PairwiseItem[] = order.map((id, i) => ({
    id,
    ability: theta[i] as number,
    se: se[i] as number,
    wins: wins[i] as number,
    losses: losses[i] as number,
    comparisons: (wins[i] as number) + (losses[i] as number),
    rank: 0,
    tied: false,
  }));
  items.sort((a, b) => b.ability - a.ability || compareStrings(a.id, b.id));
  let leader: PairwiseItem | null = null;
  for (let position = 1; position <= items.length; position++) {
    const item = items[position - 1] as PairwiseItem;
    if (leader && leader.ability - item.ability <= ABILITY_TIE_TOLERANCE) {
      item.rank = leader.rank;
      item.tied = true;
      leader.tied = true;
    } else {
      item.rank = position;
      leader = item;
    }
  }
  return { items, reliability };
}

/**
 * Whether a category's comparative round has reached its reliability target (0.8 unless the organizers chose
 * another). False while the reliability is null (fewer than 3 works, or nothing judged yet). Throws a RangeError
 * for a target outside 0–1.
 */
export function reachedTarget(fit: PairwiseFit, target = DEFAULT_TARGET_RELIABILITY): boolean {
  if (!(target >= 0 && target <= 1)) throw new RangeError(`The reliability target must be within 0–1, got ${target}`);
  return fit.reliability !== null && fit.reliability >= target;
}

export type NextPairInput = {
  /** Every work of the category still in the round. */
  ids: string[];
  /** The category's judgements so far, by every judge. */
  judgements: Judgement[];
  /** The judge who asks for a pair. */
  judgeId: string;
  /**
   * The current fit of `ids` and `judgements`, if the caller has it; otherwise it is computed here once the round
   * turns adaptive. Must cover every work of `ids`.
   */
  fit?: PairwiseFit;
  /** Works this judge must not see, e.g. a conflict of interest. Called once per work. */
  excluded?: (entryId: string) => boolean;
  /** Changes every hash-based choice, e.g. one seed per contest, so two contests do not get the same pairs. */
  seed?: number;
};

/** A 32-bit FNV-1a hash of a string, spread by the MurmurHash3 finaliser: tie-breaks that look random. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The next pair for one judge, in the order to show them (left, right), or null when this judge has compared every
 * pair they may see.
 *
 * 1. The first work is the one with the fewest comparisons so far among those this judge still has a pair for, so
 *    every work's comparisons grow evenly. Ties are broken by a hash of the seed, the judge, the number of
 *    judgements so far and the work id: judges asking at the same moment get different works, and the same
 *    question always gets the same answer.
 * 2. Its partner is a work this judge has not yet compared it with. Partners with at most one comparison more than
 *    the first work come first; only when there is none is any partner taken. Since the first work has the fewest
 *    comparisons, this keeps max − min comparisons per work within 2 whenever no conflicts get in the way.
 *    - Until every work has {@link ADAPTIVE_AFTER} comparisons: the partner with the fewest comparisons (ties by
 *      hash), i.e. balanced random pairs.
 *    - Afterwards: a partner near the first work in ability, because a judgement between works of similar ability
 *      tells us more than a foregone one: at random (by hash, fewest comparisons first) among those within
 *      {@link PARTNER_WINDOW_LOGITS} of it, or the closest one when none is that near.
 * 3. Left or right is decided by the hash too, so neither side systematically gets the first (least compared) work.
 *
 * Caveat (Bramley 2015, "Investigating the reliability of adaptive comparative judgment"; Bramley & Vitello 2019):
 * pairing works by their current abilities makes the scale separation reliability overstate the real one. Works
 * that were lucky early meet other lucky works, and beating one of those lifts a work further: like a Swiss
 * tournament, the fit spreads works further apart than they are, while the standard errors, computed as if close
 * pairs were even matches, stay small. The observed variance grows faster than the errors justify.
 *
 * What limits it here: the first {@link ADAPTIVE_AFTER} comparisons of every work are random, so early luck is not
 * locked in at once; the balancing rule in step 2 keeps the round from concentrating on a few works; the prior
 * ({@link DEFAULT_PRIOR_SD}) damps the spreading; and, above all, the partner is drawn at random from a 2-logit
 * window instead of being the closest work. Measured in tests/bench/pairwise.ts (200 rounds per setting): with the
 * closest partner every time, rounds of 20 and 30 truly equal works (judges tossing coins) reached a reliability of
 * 0.8 in 194 and 200 of 200 rounds; with the window, in 1 of 200. On shortlists with a 1.5–2 logit spread the
 * window reaches 0.8 after a median 10.5–12.6 comparisons per work, when the true reliability (squared correlation
 * with the true abilities) has a median of 0.83–0.88 and is below 0.8 in 11–32 % of rounds. Random pairs throughout
 * need 12–16 comparisons per work for the same target.
 *
 * Works that are `excluded` for this judge are neither shown nor used as partners. A work excluded for every judge
 * never gets comparisons, so the round never turns adaptive: remove withdrawn works from `ids` instead.
 *
 * Throws a RangeError for a repeated id, a judgement naming a work not in `ids` or a work against itself, or a
 * `fit` that lacks a work of `ids`.
 */
export function nextPair(input: NextPairInput): [string, string] | null {
  const { order, index } = canonicalWorks(input.ids);
  const n = order.length;
  const comparisons = new Array<number>(n).fill(0);
  const seen = new Set<number>();
  for (const judgement of input.judgements) {
    const [winner, loser] = judgementPositions(judgement, index);
    addTo(comparisons, winner, 1);
    addTo(comparisons, loser, 1);
    if (judgement.judgeId === input.judgeId) seen.add(Math.min(winner, loser) * n + Math.max(winner, loser));
  }
  const allowed = order.map((id) => !(input.excluded?.(id) ?? false));
  const partnersOf = (i: number) => {
    const partners: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j !== i && allowed[j] && !seen.has(Math.min(i, j) * n + Math.max(i, j))) partners.push(j);
    }
    return partners;
  };
  const base = `${input.seed ?? 0}\u0000${input.judgeId}\u0000${input.judgements.length}\u0000`;
  const tieBreak = order.map((id) => hash(base + id));
  const byCountThenHash = (a: number, b: number) =>
    (comparisons[a] as number) - (comparisons[b] as number) ||
    (tieBreak[a] as number) - (tieBreak[b] as number) ||
    a - b;

  let first = -1;
  let firstPartners: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!allowed[i] || (first >= 0 && byCountThenHash(i, first) > 0)) continue;
    const partners = partnersOf(i);
    if (partners.length === 0) continue;
    first = i;
    firstPartners = partners;
  }
  if (first < 0) return null;

  const firstCount = comparisons[first] as number;
  const balanced = firstPartners.filter((j) => (comparisons[j] as number) <= firstCount + 1);
  const candidates = balanced.length > 0 ? balanced : firstPartners;
  let partner: number;
  if (Math.min(...comparisons) < ADAPTIVE_AFTER) {
    partner = candidates.reduce((best, j) => (byCountThenHash(j, best) < 0 ? j : best));
  } else {
    const fit = input.fit ?? fitBradleyTerry(input.ids, input.judgements);
    const abilityOf = new Map(fit.items.map((item) => [item.id, item.ability]));
    const abilities = order.map((id) => {
      const ability = abilityOf.get(id);
      if (ability === undefined) throw new RangeError(`The fit given to nextPair has no ability for work "${id}"`);
      return ability;
    });
    const distance = (j: number) => Math.abs((abilities[j] as number) - (abilities[first] as number));
    const window = candidates.filter((j) => distance(j) <= PARTNER_WINDOW_LOGITS);
    if (window.length > 0) {
      // at random within the window: the hash, not the distance, decides
      partner = window.reduce((best, j) => (byCountThenHash(j, best) < 0 ? j : best));
    } else {
      partner = candidates.reduce((best, j) => (distance(j) < distance(best) ? j : best));
    }
  }
  const pair: [string, string] = [order[first] as string, order[partner] as string];
  return hash(`${base}side`) & 1 ? [pair[1], pair[0]] : pair;
}

/** One category's fit, for {@link mergeCategoryOrders}. */
export type CategoryFit = { category: string; fit: PairwiseFit };

/** A work's place in its category's comparative order. */
export type CategoryPlacing = PairwiseItem & {
  category: string;
  /** The category's reliability, repeated on each of its works so a results page can flag an unsettled order. */
  reliability: number | null;
};

/**
 * The fitted orders of several categories as one list: by category, then rank, then work id, the order results
 * pages use. Abilities stay as each category's fit gave them: they compare works within a category, never across.
 * Throws a RangeError when a category is given twice or a work appears more than once.
 */
export function mergeCategoryOrders(fits: CategoryFit[]): CategoryPlacing[] {
  const categories = new Set<string>();
  const works = new Set<string>();
  const placings: CategoryPlacing[] = [];
  for (const { category, fit } of fits) {
    if (categories.has(category)) throw new RangeError(`Category "${category}" is given more than once`);
    categories.add(category);
    for (const item of fit.items) {
      if (works.has(item.id)) throw new RangeError(`Work "${item.id}" appears more than once`);
      works.add(item.id);
      placings.push({ ...item, category, reliability: fit.reliability });
    }
  }
  return placings.sort(
    (a, b) => compareStrings(a.category, b.category) || a.rank - b.rank || compareStrings(a.id, b.id),
  );
}
