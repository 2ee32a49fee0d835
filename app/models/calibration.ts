/**
 * Calibrated scores: every entry's quality and every judge's habits estimated together from all the score sheets
 * of a round, as pure arithmetic (no database, no Node APIs). It is an alternative to the per-judge z-score of
 * `computeResults` (./results.ts) that also corrects for the luck of the draw: a judge who happened to get a strong
 * batch gives those works only average z-scores, and only the works' other judges can tell. After Ge, Welling &
 * Ghahramani, "A Bayesian model for calibrating conference review scores" (2013), and the PG1 model of Piech et
 * al., "Tuned models of peer assessment in MOOCs" (2013).
 *
 * How it works, for whoever maintains this next:
 *
 * 1. Standardise. Each judge's weighted scores (0–100) become z = (score − judge's mean) / judge's population
 *    standard deviation, over all the judge's sheets in the round. Any shift or positive stretch of one judge's
 *    scores therefore changes nothing downstream. Judges who carry no weight are left out from here on, exactly as
 *    if their sheets did not exist: a judge with fewer than `minSheets` sheets (too few to say what their mean and
 *    spread are: with two sheets every z is ±1), and a judge who gave every entry the same score (z is 0/0).
 *
 * 2. Model. z_ij = q_i + b_j + ε_ij for entry i and judge j, with
 *      q_i ~ N(0, σ_q²)   the work's quality, in units of a judge's spread;
 *      b_j ~ N(0, σ_b²)   the judge's offset: the z they give a work of quality 0. One judge's own sheets cannot
 *                         show it (their z-scores average 0 whatever they drew), only the shared entries can: a
 *                         judge whose works the other judges scored highly drew a strong batch and gets b_j < 0;
 *      ε_ij ~ N(0, σ_j²)  the judge's inconsistency; an erratic judge gets a large σ_j and counts for less.
 *    So in raw points judge j gives a work of quality q about mean_j + sd_j·(q + b_j): an affine map per judge, and
 *    a noise level per judge.
 *
 * 3. Fit, by expectation–maximisation (empirical Bayes). Given the variances, the posterior of (q, b) is an exact
 *    Gaussian: the q_i are independent given b, so they are eliminated, leaving a dense system with one row per
 *    judge (the Schur complement), solved by Cholesky. Given that posterior, the variances are re-estimated from
 *    expected squares: σ_q² from the works, σ_j² from judge j's residuals plus {@link JUDGE_PRIOR_SHEETS}
 *    pseudo-sheets at the panel's pooled residual variance (a scaled inverse-χ², i.e. inverse-gamma, prior that
 *    pulls a judge with few sheets toward the panel). σ_b² is fixed (see {@link OFFSET_VARIANCE} for why). The σ_q²
 *    step is parameter-expanded (PX-EM), which keeps the fit from crawling when the works hardly differ. It starts
 *    from "works far apart, judges in close agreement" (see {@link START_QUALITY_VARIANCE}: the fit can have more
 *    than one optimum), and stops when no log variance moves by more than {@link TOLERANCE} in a step (15–60 steps
 *    for real rounds), or after {@link MAX_ITERATIONS} (`converged` says which). Plain EM steps are smooth in the
 *    data, so tiny changes of input (a judge's scores stretched, say) give tiny changes of output even when the cap
 *    stops the fit. Cost per step: O(sheets × judges per entry + panel³), a few milliseconds for 10,000 entries with
 *    3 judges each and a panel of 40; a panel of several hundred would be slow.
 *
 * 4. Report. Each entry's `score` is 50 + 15·q̂ (the reading of the z-score method: 50 is an average work, 15 points
 *    a typical judge's standard deviation), not clamped: q̂ is shrunk toward 0 and rarely leaves ±3.3, and a clamp
 *    would merge ranks and intervals. `sd` is 15 × the posterior standard deviation of q, `low`/`high` the 90 %
 *    interval score ∓ 1.645·sd; they can leave 0–100 for an extreme work. Ranks follow `computeResults`: per
 *    category, competition style, ties within {@link TIE_TOLERANCE}. `topProbability` is the posterior chance of
 *    finishing in the category's top `places`, by Monte Carlo from the exact joint posterior (see
 *    {@link topProbabilities}); the close-boundary probabilities are exact (a difference of jointly normal
 *    variables is normal). All of it is conditional on the fitted variances, so intervals are a little optimistic
 *    for tiny rounds.
 *
 * The judges' graph matters: b is only identified between judges linked through shared entries. If the panel
 * splits into groups that never share an entry, the groups are put level with each other by the prior alone,
 * which is what the z-score assumes for every judge.
 *
 * A known limit: standardising divides by the spread of the judge's own batch, so a judge who drew an unusually
 * narrow range of works has their scores stretched with it (and a wide range, squeezed). The model reads the
 * mismatch as inconsistency and gives that judge less weight, rather than rescaling them. With Mosaic's balanced
 * random assignment batches are much alike and this matters little; a per-judge scale would fix it, but on
 * simulated Mosaic rounds (tests/bench/judging.ts) its extra estimates cost as much accuracy as it won.
 *
 * Everything runs in one canonical order (sheets by entry then judge, judges and categories by id, one seeded
 * random stream), so the result is bit-for-bit the same whatever order the sheets arrive in.
 */
import { mulberry32Draw, mulberry32Step } from "./mulberry32";
import { compareStrings, NORMALISED_CENTRE, NORMALISED_SPREAD, rankingOrder, TIE_TOLERANCE } from "./results";

/** One judge's weighted score (0–100) for one entry. */
export type CalibrationSheet = { entryId: string; judgeId: string; score: number };

export type CalibrationInput = {
  /** At most one sheet per judge and entry; scores are any finite numbers, normally 0–100 weighted scores. */
  sheets: CalibrationSheet[];
  /** Every entry in the results, with its category. Entries nobody scored are listed but not ranked. */
  categoryOf: Record<string, string>;
  /** How many award places per category: for `topProbability` and the boundaries checked. Defaults to 3. */
  places?: number;
  /** A boundary is close when the upper entry is above the lower one with less than this probability. Defaults to 0.9. */
  confidence?: number;
  /**
   * Monte Carlo draws for `topProbability`. Defaults to 2,000 (standard error at most 1.1 percentage points). A
   * category where hundreds of entries could still reach the top uses fewer (see {@link topProbabilities}).
   */
  draws?: number;
  /** Seed of the random stream for `topProbability`. Defaults to 1. */
  seed?: number;
  /** A judge with fewer sheets than this carries no weight. Defaults to 3; at least 2. */
  minSheets?: number;
  /**
   * Where the fit starts: a `fitted` of an earlier calibration of nearly the same sheets, a
   * handful of steps from where this one ends. Defaults to the cold start (see
   * {@link START_QUALITY_VARIANCE}). Either way the fit stops within {@link TOLERANCE} of the
   * same optimum, so what the results page shows is the same; the last digits of a score can differ.
   */
  start?: CalibrationStart;
};

/** The fitted variances (logs, in units of a judge's spread squared): the works' and each judge's with weight. */
export type CalibrationStart = { quality: number; judges: Map<string, number> };

export type CalibratedEntry = {
  entryId: string;
  category: string;
  /** Calibrated score, 50 + 15·q̂ (not clamped); null when no judge with weight scored the entry, or not fitted. */
  score: number | null;
  /** Posterior standard deviation of the score, in the same points. */
  sd: number | null;
  /** 90 % interval: score ∓ 1.645·sd. */
  low: number | null;
  high: number | null;
  /** Competition rank within the category ("1, 2, 2, 4"); null when `score` is null. */
  rank: number | null;
  /** True when another entry in the category shares this rank. */
  tied: boolean;
  /** Probability, 0–1, that the entry truly belongs in its category's top `places`; null when `score` is null. */
  topProbability: number | null;
  /** Judges with weight who scored the entry: the sheets behind `score`. */
  judgeCount: number;
  /** The entry's sheets by judges without weight (see {@link CalibratedJudge.noWeight}), which `score` ignores. */
  ignoredSheets: number;
};

/** Why a judge carries no weight: fewer sheets than `minSheets`, or the same score for every entry. */
export type NoWeightReason = "too_few_sheets" | "no_spread";

export type CalibratedJudge = {
  judgeId: string;
  /** All the judge's sheets in the round. */
  sheets: number;
  /** Null for a judge whose sheets count; otherwise why they are ignored. */
  noWeight: NoWeightReason | null;
  /**
   * Points (in the judge's own 0–100 use) the judge gives an average work below the panel's typical judge: +8
   * means "gives 8 points less", −8 "gives 8 points more". The typical judge is the plain mean, over judges with
   * weight, of what each gives an average work (q = 0). Null without weight or when not fitted.
   */
  severity: number | null;
  /**
   * How consistently the judge's scores follow the panel's view of the works, 0–1: the judge's precision 1/σ_j²
   * divided by the highest on the panel, so the most consistent judge has 1 and a judge at 0.5 counts half as much
   * per sheet. Null without weight or when not fitted.
   */
  consistency: number | null;
};

/** Two neighbours in a category's calibrated order that the sheets cannot reliably tell apart. */
export type CloseBoundary = {
  category: string;
  /** The boundary between place `place` and place `place` + 1 (positions in the calibrated order). */
  place: number;
  /** Entry ids either side: `upper` is at position `place`, `lower` at `place` + 1. */
  upper: string;
  lower: string;
  /** Posterior probability that `upper` is truly better than `lower`, below `confidence`. */
  probability: number;
};

export type Calibration = {
  /**
   * "fitted", or "too_few_sheets" when fewer than {@link MIN_JUDGES} judges carry weight or fewer than
   * {@link MIN_SHARED_ENTRIES} entries are scored by two or more of them (nothing links one judge to another).
   * Then every score is null and the caller should fall back to the z-score.
   */
  status: "fitted" | "too_few_sheets";
  /** Every entry of `categoryOf`: by category, then rank (unranked last), then entry id. */
  entries: CalibratedEntry[];
  /** Every judge with at least one sheet, by judge id. */
  judges: CalibratedJudge[];
  /** By category, then place. Empty when not fitted. */
  closeBoundaries: CloseBoundary[];
  /** Iterations of the fit, and whether it met its tolerance before the cap (0 and false when not fitted). */
  iterations: number;
  converged: boolean;
  /** Where the fit ended, to start a later one from (see {@link CalibrationInput.start}); null when not fitted. */
  fitted: CalibrationStart | null;
};

export const DEFAULT_CALIBRATION_PLACES = 3;
export const DEFAULT_CONFIDENCE = 0.9;
export const DEFAULT_DRAWS = 2000;
export const DEFAULT_SEED = 1;
export const DEFAULT_MIN_SHEETS = 3;
/** Fewer judges with weight than this, and there is nothing to calibrate one against. */
export const MIN_JUDGES = 2;
/** Fewer entries scored by two judges with weight than this, and judges' offsets cannot be told from the works. */
export const MIN_SHARED_ENTRIES = 3;

/** Strength of the prior on a judge's inconsistency σ_j², in sheets at the panel's pooled value: weak by design. */
const JUDGE_PRIOR_SHEETS = 4;
/**
 * σ_b², the prior variance of a judge's offset, fixed rather than estimated, and wide (σ_b = 10 judge's spreads):
 * standardising makes each judge's mean z exactly 0, which an estimate reads as evidence that offsets are tiny, so
 * it collapses toward 0 and undoes the correction. Wide, because a judge who drew the top of the field can need an
 * offset of several spreads; it only keeps offsets finite where no shared entry pins them.
 */
const OFFSET_VARIANCE = 100;
/**
 * Where the fit starts: works far apart (σ_q = 10 judge's spreads) and judges who agree closely (σ_j = 0.1). The
 * fit can have more than one local optimum, and a start with σ_q small can settle on "the judges disagree about
 * everything" when the panel drew very different slices of the field (judges linked only through a chain of shared
 * entries): explaining the chain then needs q far from 0, which a small σ_q forbids. From this start the fit
 * comes down to the works' real spread; a round where judges truly agree on nothing still ends at the floor of σ_q².
 */
const START_QUALITY_VARIANCE = 100;
const START_NOISE_VARIANCE = 0.01;
/** EM steps at most; rounds with signal take 15–60. */
const MAX_ITERATIONS = 500;
/** The fit has converged when no log variance moves by more than this in one EM step. */
const TOLERANCE = 1e-9;
/** Bounds on every variance (in units of a judge's spread, squared): keep them, and the factorisations, finite. */
const LOG_VARIANCE_FLOOR = Math.log(1e-6);
const LOG_VARIANCE_CEILING = Math.log(100);
/**
 * σ_q² stays at or above 0.01 (works differing by a tenth of a judge's spread). When judges agree on nothing, the
 * best fit heads for 0 ever more slowly, by hundreds of steps; the ranking is noise either way, so stop there.
 */
const LOG_QUALITY_VARIANCE_FLOOR = Math.log(0.01);
/** 1.645: the standard normal's 95th percentile, so mean ± 1.645 sd holds 90 %. */
const Z90 = 1.6448536269514722;
/** An entry whose chance of a top place is provably below this is not drawn (see {@link topProbabilities}). */
const NEGLIGIBLE = 1e-6;
/** Per category, Monte Carlo draws × contenders at most; and the fewest draws that budget may leave. */
const DRAW_BUDGET = 500_000;
const MIN_DRAWS = 200;

function checkInteger(name: string, value: number, min: number) {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}

/**
 * Calibrated scores, ranks, award chances and close boundaries for a round, and each judge's severity and
 * consistency. See the top of this file for the model.
 *
 * Throws a RangeError for a sheet of an entry missing from `categoryOf`, a non-finite score, two sheets by the same
 * judge for the same entry, or an invalid option.
 */
export function calibrate(input: CalibrationInput): Calibration {
  const places = input.places ?? DEFAULT_CALIBRATION_PLACES;
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  const draws = input.draws ?? DEFAULT_DRAWS;
  const seed = input.seed ?? DEFAULT_SEED;
  const minSheets = input.minSheets ?? DEFAULT_MIN_SHEETS;
  checkInteger("places", places, 1);
  checkInteger("draws", draws, 1);
  checkInteger("minSheets", minSheets, 2);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);

  // Canonical order: by entry, then judge. Sheets already in it (as the results page hands them over) are read as
  // they are, which spares copying and sorting a whole round's; others are copied and sorted.
  const order = (a: CalibrationSheet, b: CalibrationSheet) =>
    compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId);
  let inOrder = true;
  input.sheets.forEach((s, k) => {
    if (!Object.hasOwn(input.categoryOf, s.entryId)) {
      throw new RangeError(`A score sheet is for entry "${s.entryId}", which is not in categoryOf`);
    }
    if (!Number.isFinite(s.score)) {
      throw new RangeError(`The score of entry "${s.entryId}" by judge "${s.judgeId}" is not a number: ${s.score}`);
    }
    if (inOrder && k > 0) inOrder = order(input.sheets[k - 1] as CalibrationSheet, s) <= 0;
  });
  const sheets = inOrder
    ? input.sheets
    : input.sheets.map((s) => ({ entryId: s.entryId, judgeId: s.judgeId, score: s.score })).sort(order);

  // Judges: count, mean, then population standard deviation around the mean (two passes, for accuracy).
  type Judge = {
    out: CalibratedJudge;
    sum: number;
    squares: number;
    lowest: number;
    highest: number;
    mean: number;
    stdDev: number;
    index: number;
  };
  const judgeMap = new Map<string, Judge>();
  // Each sheet's judge, by sheet position, so the passes below look nobody up again.
  const judgeOf: Judge[] = new Array<Judge>(sheets.length);
  for (let s = 0; s < sheets.length; s++) {
    const sheet = sheets[s] as (typeof sheets)[number];
    const prev = sheets[s - 1];
    if (prev && prev.entryId === sheet.entryId && prev.judgeId === sheet.judgeId) {
      throw new RangeError(`Judge "${sheet.judgeId}" has more than one score sheet for entry "${sheet.entryId}"`);
    }
    let judge = judgeMap.get(sheet.judgeId);
    if (!judge) {
      judge = {
        out: { judgeId: sheet.judgeId, sheets: 0, noWeight: null, severity: null, consistency: null },
        sum: 0,
        squares: 0,
        lowest: Infinity,
        highest: -Infinity,
        mean: 0,
        stdDev: 0,
        index: -1,
      };
      judgeMap.set(sheet.judgeId, judge);
    }
    judgeOf[s] = judge;
    judge.out.sheets++;
    judge.sum += sheet.score;
    judge.lowest = Math.min(judge.lowest, sheet.score);
    judge.highest = Math.max(judge.highest, sheet.score);
  }
  const judges = [...judgeMap.values()].sort((a, b) => compareStrings(a.out.judgeId, b.out.judgeId));
  for (const judge of judges) judge.mean = judge.sum / judge.out.sheets;
  sheets.forEach((sheet, s) => {
    const judge = judgeOf[s] as Judge;
    judge.squares += (sheet.score - judge.mean) ** 2;
  });
  const weighted: Judge[] = [];
  for (const judge of judges) {
    judge.stdDev = Math.sqrt(judge.squares / judge.out.sheets);
    if (judge.out.sheets < minSheets) judge.out.noWeight = "too_few_sheets";
    // Identical scores are exactly equal; their computed standard deviation may not be exactly 0.
    else if (judge.highest === judge.lowest || !(judge.stdDev > 0)) judge.out.noWeight = "no_spread";
    else {
      judge.index = weighted.length;
      weighted.push(judge);
    }
  }

  // Entries: every entry of categoryOf; those with a sheet by a judge with weight become the model's entries,
  // numbered in entry id order, each with its run of (judge index, z) in judge id order.
  const entries = new Map<string, CalibratedEntry>();
  for (const entryId of Object.keys(input.categoryOf)) {
    entries.set(entryId, {
      entryId,
      category: input.categoryOf[entryId] as string,
      score: null,
      sd: null,
      low: null,
      high: null,
      rank: null,
      tied: false,
      topProbability: null,
      judgeCount: 0,
      ignoredSheets: 0,
    });
  }
  const modelEntries: CalibratedEntry[] = [];
  const start: number[] = [0];
  const sheetJudge: number[] = [];
  const sheetZ: number[] = [];
  let sharedEntries = 0;
  for (let s = 0; s < sheets.length;) {
    const entryId = (sheets[s] as (typeof sheets)[number]).entryId;
    const entry = entries.get(entryId) as CalibratedEntry;
    for (; s < sheets.length && (sheets[s] as (typeof sheets)[number]).entryId === entryId; s++) {
      const sheet = sheets[s] as (typeof sheets)[number];
      const judge = judgeOf[s] as Judge;
      if (judge.index < 0) {
        entry.ignoredSheets++;
        continue;
      }
      entry.judgeCount++;
      sheetJudge.push(judge.index);
      sheetZ.push((sheet.score - judge.mean) / judge.stdDev);
    }
    if (entry.judgeCount > 0) {
      modelEntries.push(entry);
      start.push(sheetZ.length);
    }
    if (entry.judgeCount >= 2) sharedEntries++;
  }

  const ordered = () => rankingOrder([...entries.values()], (e) => e.score);
  const judgesOut = judges.map((j) => j.out);
  if (weighted.length < MIN_JUDGES || sharedEntries < MIN_SHARED_ENTRIES) {
    return {
      status: "too_few_sheets",
      entries: ordered(),
      judges: judgesOut,
      closeBoundaries: [],
      iterations: 0,
      converged: false,
      fitted: null,
    };
  }

  // θ = (log σ_q², log σ_1², …, log σ_J²): from the cold start described at START_QUALITY_VARIANCE,
  // or where an earlier fit ended
  const theta = new Float64Array(weighted.length + 1).fill(Math.log(START_NOISE_VARIANCE));
  theta[0] = input.start?.quality ?? Math.log(START_QUALITY_VARIANCE);
  for (const judge of weighted) {
    const earlier = input.start?.judges.get(judge.out.judgeId);
    if (earlier !== undefined) theta[judge.index + 1] = earlier;
  }
  const fit = fitModel(start, Int32Array.from(sheetJudge), Float64Array.from(sheetZ), weighted.length, theta);

  // Entries: score, interval, then ranks per category in the output order.
  for (let i = 0; i < modelEntries.length; i++) {
    const entry = modelEntries[i] as CalibratedEntry;
    const sd = NORMALISED_SPREAD * Math.sqrt(fit.variance[i] as number);
    entry.score = NORMALISED_CENTRE + NORMALISED_SPREAD * (fit.quality[i] as number);
    entry.sd = sd;
    entry.low = entry.score - Z90 * sd;
    entry.high = entry.score + Z90 * sd;
  }
  const result = ordered();
  const index = new Map<CalibratedEntry, number>(modelEntries.map((e, i) => [e, i]));
  const categories: { category: string; members: number[] }[] = [];
  let position = 0;
  let leader: CalibratedEntry | null = null;
  for (const entry of result) {
    if (entry.score === null) continue;
    if (!leader || leader.category !== entry.category) {
      position = 0;
      leader = null;
      categories.push({ category: entry.category, members: [] });
    }
    (categories[categories.length - 1] as (typeof categories)[number]).members.push(index.get(entry) as number);
    position++;
    if (leader && (leader.score as number) - entry.score <= TIE_TOLERANCE) {
      entry.rank = leader.rank;
      entry.tied = true;
      leader.tied = true;
    } else {
      entry.rank = position;
      leader = entry;
    }
  }

  const random = normalStream(seed);
  const closeBoundaries: CloseBoundary[] = [];
  for (const { category, members } of categories) {
    const chances = topProbabilities(fit, members, places, draws, random);
    members.forEach((m, k) => ((modelEntries[m] as CalibratedEntry).topProbability = chances[k] as number));
    for (let place = 1; place <= places && place < members.length; place++) {
      const upper = members[place - 1] as number;
      const lower = members[place] as number;
      const probability = probabilityAbove(fit, upper, lower);
      if (probability < confidence) {
        closeBoundaries.push({
          category,
          place,
          upper: (modelEntries[upper] as CalibratedEntry).entryId,
          lower: (modelEntries[lower] as CalibratedEntry).entryId,
          probability,
        });
      }
    }
  }

  // Judges: what each gives an average work (q = 0) in their own points, against the panel's typical judge.
  let typical = 0;
  let mostPrecise = 0;
  for (const judge of weighted) {
    typical += judge.mean + judge.stdDev * (fit.offset[judge.index] as number);
    mostPrecise = Math.max(mostPrecise, fit.precision[judge.index] as number);
  }
  typical /= weighted.length;
  for (const judge of weighted) {
    judge.out.severity = typical - (judge.mean + judge.stdDev * (fit.offset[judge.index] as number));
    judge.out.consistency = (fit.precision[judge.index] as number) / mostPrecise;
  }

  return {
    status: "fitted",
    entries: result,
    judges: judgesOut,
    closeBoundaries,
    iterations: fit.iterations,
    converged: fit.converged,
    fitted: {
      quality: fit.theta[0] as number,
      judges: new Map(weighted.map((judge) => [judge.out.judgeId, fit.theta[judge.index + 1] as number])),
    },
  };
}

/** The ids of entries on either side of a close boundary, by id: the ones another judge's sheet would help most. */
export function entriesNeedingAnotherJudge(calibration: Calibration): string[] {
  const ids = new Set<string>();
  for (const boundary of calibration.closeBoundaries) {
    ids.add(boundary.upper);
    ids.add(boundary.lower);
  }
  return [...ids].sort(compareStrings);
}

/**
 * The fitted model. Entries are numbered as in the sheets' runs (`start`), judges 0..J−1. The posterior is
 *   b ~ N(offset, offsetCovariance),  q_i = quality_i − Σ_j c_ij·(b_j − offset_j) + N(0, 1/entryPrecision_i),
 * with c_ij = precision_j / entryPrecision_i over the entry's judges: the q_i are independent given b, which is what
 * makes everything below cheap.
 */
type Fit = {
  start: number[];
  sheetJudge: Int32Array;
  /** Posterior means of q_i and b_j. */
  quality: Float64Array;
  offset: Float64Array;
  /** Posterior variance of q_i (marginal: b integrated out). */
  variance: Float64Array;
  /** Posterior covariance of b, J × J, row-major. */
  offsetCovariance: Float64Array;
  /** P_i = 1/σ_q² + Σ_j 1/σ_j² over the entry's judges: the precision of q_i given b. */
  entryPrecision: Float64Array;
  /** 1/σ_j². */
  precision: Float64Array;
  judgeCount: number;
  iterations: number;
  converged: boolean;
  /** The fitted log variances, θ. */
  theta: Float64Array;
};

function fitModel(
  start: number[],
  sheetJudge: Int32Array,
  z: Float64Array,
  judgeCount: number,
  theta: Float64Array,
): Fit {
  const n = start.length - 1;
  const J = judgeCount;
  const perJudge = new Float64Array(J);
  const zSum = new Float64Array(J);
  for (let s = 0; s < z.length; s++) {
    const j = sheetJudge[s] as number;
    perJudge[j] = (perJudge[j] as number) + 1;
    zSum[j] = (zSum[j] as number) + (z[s] as number);
  }
  const fit: Fit = {
    start,
    sheetJudge,
    quality: new Float64Array(n),
    offset: new Float64Array(J),
    variance: new Float64Array(n),
    offsetCovariance: new Float64Array(J * J),
    entryPrecision: new Float64Array(n),
    precision: new Float64Array(J),
    judgeCount: J,
    iterations: 0,
    converged: false,
    theta,
  };
  const scratch = () => new Float64Array(J);
  const data: Data = {
    z,
    perJudge,
    zSum,
    rhs: scratch(),
    residuals: scratch(),
    zz: scratch(),
    zq: scratch(),
    qq: scratch(),
  };

  const next = new Float64Array(J + 1);
  while (fit.iterations < MAX_ITERATIONS) {
    fit.iterations++;
    const change = emStep(fit, data, theta, next);
    theta.set(next);
    if (change < TOLERANCE) {
      fit.converged = true;
      break;
    }
  }
  setVariances(fit, theta);
  posterior(fit, data, Math.exp(theta[0] as number));
  fit.theta = theta;
  return fit;
}

/** Scratch space and sums over the standardised scores that every EM step reuses. */
type Data = {
  z: Float64Array;
  perJudge: Float64Array;
  zSum: Float64Array;
  rhs: Float64Array;
  residuals: Float64Array;
  zz: Float64Array;
  zq: Float64Array;
  qq: Float64Array;
};

function setVariances(fit: Fit, theta: Float64Array) {
  for (let j = 0; j < fit.judgeCount; j++) fit.precision[j] = Math.exp(-(theta[j + 1] as number));
}

/**
 * One EM step: the posterior at variances θ, then the variances that maximise the expected log posterior, written
 * to `next`. Returns the largest change of a log variance.
 */
function emStep(fit: Fit, data: Data, theta: Float64Array, next: Float64Array): number {
  const { start, sheetJudge, precision, offsetCovariance: B, judgeCount: J } = fit;
  const { z, perJudge, residuals } = data;
  const n = start.length - 1;
  setVariances(fit, theta);
  posterior(fit, data, Math.exp(theta[0] as number));

  // Expected sums per judge over their sheets, in the expanded model z = α·q + b + ε (below):
  //   zz_j = Σ E[(z − b_j)²],  zq_j = Σ E[(z − b_j)·q_i],  qq_j = Σ E[q_i²].
  const { zz, zq, qq } = data;
  zz.fill(0);
  zq.fill(0);
  qq.fill(0);
  let qualitySquares = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i] as number;
    const to = start[i + 1] as number;
    const P = fit.entryPrecision[i] as number;
    const q = fit.quality[i] as number;
    const q2 = q * q + (fit.variance[i] as number);
    qualitySquares += q2;
    for (let s = from; s < to; s++) {
      const j = sheetJudge[s] as number;
      // Cov(q_i, b_j) = −Σ_k c_ik Σ_b[k, j], with c_ik = τ_k / P_i.
      let covariance = 0;
      for (let t = from; t < to; t++) {
        const k = sheetJudge[t] as number;
        covariance -= (precision[k] as number) * (B[k * J + j] as number);
      }
      const d = (z[s] as number) - (fit.offset[j] as number);
      zz[j] = (zz[j] as number) + d * d + (B[j * J + j] as number);
      zq[j] = (zq[j] as number) + d * q - covariance / P;
      qq[j] = (qq[j] as number) + q2;
    }
  }
  // Parameter expansion (PX-EM; Liu, Rubin & Wu, 1998): fit a common scale α of q as if it were free, then fold it
  // back into σ_q². Same fixed point as plain EM, but plain EM crawls when the works hardly differ.
  let numerator = 0;
  let denominator = 0;
  for (let j = 0; j < J; j++) {
    numerator += (precision[j] as number) * (zq[j] as number);
    denominator += (precision[j] as number) * (qq[j] as number);
  }
  const alpha = numerator / denominator;
  let pooled = 0;
  for (let j = 0; j < J; j++) {
    residuals[j] = Math.max(0, (zz[j] as number) - 2 * alpha * (zq[j] as number) + alpha * alpha * (qq[j] as number));
    pooled += residuals[j] as number;
  }
  pooled /= z.length;

  const clampLog = (variance: number) =>
    Math.min(LOG_VARIANCE_CEILING, Math.max(LOG_VARIANCE_FLOOR, Math.log(variance)));
  next[0] = Math.max(LOG_QUALITY_VARIANCE_FLOOR, clampLog((alpha * alpha * qualitySquares) / n));
  let change = Math.abs((next[0] as number) - (theta[0] as number));
  for (let j = 0; j < J; j++) {
    // The judge's residuals plus JUDGE_PRIOR_SHEETS pseudo-sheets at the panel's pooled value.
    const noise =
      (JUDGE_PRIOR_SHEETS * pooled + (residuals[j] as number)) / (JUDGE_PRIOR_SHEETS + (perJudge[j] as number));
    next[j + 1] = clampLog(noise);
    change = Math.max(change, Math.abs((next[j + 1] as number) - (theta[j + 1] as number)));
  }
  return change;
}

/** The exact Gaussian posterior of (q, b) given the variances, written into `fit`. */
function posterior(fit: Fit, data: Data, qualityVariance: number) {
  const { start, sheetJudge, precision, entryPrecision, offsetCovariance: S, judgeCount: J } = fit;
  const { z, perJudge, zSum, rhs } = data;
  const n = start.length - 1;
  // The Schur complement of the entries' block, with τ_j = 1/σ_j² and h_i = Σ_j τ_j z_ij:
  //   S = diag(1/σ_b² + n_j τ_j) − Σ_i τ_j τ_k / P_i over each entry's pairs of judges (j, k),
  //   rhs_j = τ_j Σ_i z_ij − Σ_i τ_j h_i / P_i.
  S.fill(0);
  for (let j = 0; j < J; j++) {
    S[j * J + j] = 1 / OFFSET_VARIANCE + (perJudge[j] as number) * (precision[j] as number);
    rhs[j] = (precision[j] as number) * (zSum[j] as number);
  }
  for (let i = 0; i < n; i++) {
    const from = start[i] as number;
    const to = start[i + 1] as number;
    let P = 1 / qualityVariance;
    let h = 0;
    for (let s = from; s < to; s++) {
      const tau = precision[sheetJudge[s] as number] as number;
      P += tau;
      h += tau * (z[s] as number);
    }
    entryPrecision[i] = P;
    fit.quality[i] = h;
    for (let s = from; s < to; s++) {
      const j = sheetJudge[s] as number;
      const c = (precision[j] as number) / P;
      rhs[j] = (rhs[j] as number) - c * h;
      for (let t = from; t < to; t++) {
        const k = sheetJudge[t] as number;
        S[j * J + k] = (S[j * J + k] as number) - c * (precision[k] as number);
      }
    }
  }
  invertPositiveDefinite(S, J);
  for (let j = 0; j < J; j++) {
    let b = 0;
    for (let k = 0; k < J; k++) b += (S[j * J + k] as number) * (rhs[k] as number);
    fit.offset[j] = b;
  }
  // q̂_i = (h_i − Σ_j τ_j b̂_j) / P_i; Var(q_i) = 1/P_i + c_iᵀ Σ_b c_i.
  for (let i = 0; i < n; i++) {
    const from = start[i] as number;
    const to = start[i + 1] as number;
    const P = entryPrecision[i] as number;
    let h = fit.quality[i] as number;
    let spread = 0;
    for (let s = from; s < to; s++) {
      const j = sheetJudge[s] as number;
      h -= (precision[j] as number) * (fit.offset[j] as number);
      for (let t = from; t < to; t++) {
        const k = sheetJudge[t] as number;
        spread += (precision[j] as number) * (precision[k] as number) * (S[j * J + k] as number);
      }
    }
    fit.quality[i] = h / P;
    fit.variance[i] = 1 / P + spread / (P * P);
  }
}

/** Replaces a symmetric positive definite n × n matrix (row-major) by its inverse, through its Cholesky factor. */
function invertPositiveDefinite(a: Float64Array, n: number) {
  const L = cholesky(a, n);
  // Inverse of L (lower triangular), column by column, by forward substitution.
  const inv = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    inv[c * n + c] = 1 / (L[c * n + c] as number);
    for (let r = c + 1; r < n; r++) {
      let sum = 0;
      for (let k = c; k < r; k++) sum += (L[r * n + k] as number) * (inv[k * n + c] as number);
      inv[r * n + c] = -sum / (L[r * n + r] as number);
    }
  }
  // A⁻¹ = L⁻ᵀ L⁻¹.
  for (let r = 0; r < n; r++) {
    for (let c = 0; c <= r; c++) {
      let sum = 0;
      for (let k = r; k < n; k++) sum += (inv[k * n + r] as number) * (inv[k * n + c] as number);
      a[r * n + c] = sum;
      a[c * n + r] = sum;
    }
  }
}

/** The lower Cholesky factor of a symmetric positive definite n × n matrix (row-major). */
function cholesky(a: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c <= r; c++) {
      let sum = a[r * n + c] as number;
      for (let k = 0; k < c; k++) sum -= (L[r * n + k] as number) * (L[c * n + k] as number);
      if (r === c) L[r * n + r] = Math.sqrt(Math.max(sum, 1e-300));
      else L[r * n + c] = sum / (L[c * n + c] as number);
    }
  }
  return L;
}

/** Posterior covariance of q_i and q_l for two different entries: c_iᵀ Σ_b c_l. */
function covariance(fit: Fit, i: number, l: number): number {
  const { start, sheetJudge, precision, offsetCovariance, judgeCount: J } = fit;
  let sum = 0;
  for (let s = start[i] as number; s < (start[i + 1] as number); s++) {
    const j = sheetJudge[s] as number;
    for (let t = start[l] as number; t < (start[l + 1] as number); t++) {
      const k = sheetJudge[t] as number;
      sum += (precision[j] as number) * (precision[k] as number) * (offsetCovariance[j * J + k] as number);
    }
  }
  return sum / ((fit.entryPrecision[i] as number) * (fit.entryPrecision[l] as number));
}

/** P(q_upper > q_lower): the difference of two jointly normal variables is normal. */
function probabilityAbove(fit: Fit, upper: number, lower: number): number {
  const mean = (fit.quality[upper] as number) - (fit.quality[lower] as number);
  const variance =
    (fit.variance[upper] as number) + (fit.variance[lower] as number) - 2 * covariance(fit, upper, lower);
  return normalCdf(mean / Math.sqrt(Math.max(variance, 1e-300)));
}

/**
 * For the entries of one category (`members`: model indices, best first), the share of Monte Carlo draws from the
 * joint posterior in which each is among the top `places`.
 *
 * Exact sampling: per draw, the offsets of the judges involved from their joint normal (the Cholesky factor of
 * their block of Σ_b), then each entry's q given those offsets, independently. Only contenders are drawn: an entry
 * is left out, with chance 0, when the sum over the `places` best-scored entries of P(it beats that entry) is below
 * {@link NEGLIGIBLE}: to finish in the top `places` it must beat at least one of them, so that sum bounds its
 * chance. Every draw hands out exactly `places` places, so the chances add up to `places`.
 *
 * Cost is draws × contenders. When the sheets cannot separate the works (judges who agree on nothing), a category of
 * thousands has thousands of contenders, each with a tiny chance; there `draws` is cut so that draws × contenders
 * stays within {@link DRAW_BUDGET}, down to at most {@link MIN_DRAWS}. An entry with chance p then has a
 * standard error of √(p/draws), which is small because p is.
 *
 * Most of a draw's contenders end far below its `places`-th best, and the polar method's logarithm is most of what
 * a normal draw costs: a contender's normal is only worked out when a bound that needs no logarithm leaves it a
 * chance of reaching the places (see {@link mayReach}). The others are left out of the draw's order knowing that
 * their value would have been at or below the place's: the chances are exactly those of working every value out.
 */
function topProbabilities(fit: Fit, members: number[], places: number, draws: number, random: NormalStream): number[] {
  if (members.length <= places) return members.map(() => 1);
  const candidates: number[] = [];
  for (let k = 0; k < members.length; k++) {
    let bound = 0;
    for (let l = 0; l < places && bound < NEGLIGIBLE; l++) {
      bound = l === k ? 1 : bound + probabilityAbove(fit, members[k] as number, members[l] as number);
    }
    if (bound >= NEGLIGIBLE) candidates.push(k);
  }
  const C = candidates.length;
  const effectiveDraws = Math.min(draws, Math.max(MIN_DRAWS, Math.floor(DRAW_BUDGET / C)));

  const { start, sheetJudge, precision, offsetCovariance, judgeCount: J } = fit;
  // The candidates' judges, numbered locally in index order, and their block of the offsets' covariance.
  const local = new Int32Array(J).fill(-1);
  for (const k of candidates) {
    const i = members[k] as number;
    for (let s = start[i] as number; s < (start[i + 1] as number); s++) local[sheetJudge[s] as number] = 0;
  }
  const involved: number[] = [];
  for (let j = 0; j < J; j++) if (local[j] === 0) local[j] = involved.push(j) - 1;
  const m = involved.length;
  const block = new Float64Array(m * m);
  for (let x = 0; x < m; x++) {
    for (let y = 0; y < m; y++) {
      block[x * m + y] = offsetCovariance[(involved[x] as number) * J + (involved[y] as number)] as number;
    }
  }
  const L = cholesky(block, m);
  // Per candidate c: mean, standard deviation given b, and its judges' local numbers and coefficients c_ij in
  // termJudge/termCoefficient[termStart[c] .. termStart[c + 1]).
  const mean = new Float64Array(C);
  const sd = new Float64Array(C);
  const termStart = new Int32Array(C + 1);
  const termJudge: number[] = [];
  const termCoefficient: number[] = [];
  for (let c = 0; c < C; c++) {
    const i = members[candidates[c] as number] as number;
    const P = fit.entryPrecision[i] as number;
    mean[c] = fit.quality[i] as number;
    sd[c] = Math.sqrt(1 / P);
    for (let s = start[i] as number; s < (start[i + 1] as number); s++) {
      const j = sheetJudge[s] as number;
      termJudge.push(local[j] as number);
      termCoefficient.push((precision[j] as number) / P);
    }
    termStart[c + 1] = termJudge.length;
  }

  // Σ_j c_ij per candidate: with the largest judge's deviation of a draw, a bound on how far the offsets move it.
  const coefficientSum = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    for (let t = termStart[c] as number; t < (termStart[c + 1] as number); t++) {
      coefficientSum[c] = (coefficientSum[c] as number) + (termCoefficient[t] as number);
    }
  }

  const counts = new Float64Array(C);
  const noiseHalf = new Float64Array(m);
  const noiseSquare = new Float64Array(m);
  const noise = new Float64Array(m);
  const drawHalf = new Float64Array(C);
  const drawSquare = new Float64Array(C);
  const deviation = new Float64Array(m);
  const values = new Float64Array(C);
  const top = new Int32Array(places);
  for (let d = 0; d < effectiveDraws; d++) {
    // the judges' draws, then the candidates', in the stream's order
    random.fill(noiseHalf, noiseSquare, m);
    random.fill(drawHalf, drawSquare, C);
    for (let x = 0; x < m; x++) noise[x] = normal(noiseHalf[x] as number, noiseSquare[x] as number);
    let largest = 0;
    for (let x = 0; x < m; x++) {
      let sum = 0;
      for (let y = 0; y <= x; y++) sum += (L[x * m + y] as number) * (noise[y] as number);
      deviation[x] = sum;
      largest = Math.max(largest, Math.abs(sum));
    }
    // The `places` highest values, by insertion into a short sorted list.
    let filled = 0;
    // once the list is full: its last value, and that value less a margin far beyond any rounding
    let threshold = -Infinity;
    let floor = -Infinity;
    for (let c = 0; c < C; c++) {
      const half = drawHalf[c] as number;
      if (filled === places) {
        const room = floor - ((mean[c] as number) + (coefficientSum[c] as number) * largest);
        if (room >= 0 && !mayReach(room, (sd[c] as number) * half, drawSquare[c] as number)) continue;
      }
      let value = (mean[c] as number) + (sd[c] as number) * normal(half, drawSquare[c] as number);
      for (let t = termStart[c] as number; t < (termStart[c + 1] as number); t++) {
        value -= (termCoefficient[t] as number) * (deviation[termJudge[t] as number] as number);
      }
      values[c] = value;
      if (filled === places && value <= threshold) continue;
      let p = filled < places ? filled++ : places - 1;
      while (p > 0 && (values[top[p - 1] as number] as number) < value) {
        top[p] = top[p - 1] as number;
        p--;
      }
      top[p] = c;
      if (filled === places) {
        threshold = values[top[places - 1] as number] as number;
        floor = threshold - 1e-9 * (1 + Math.abs(threshold));
      }
    }
    for (let p = 0; p < places; p++) counts[top[p] as number] = (counts[top[p] as number] as number) + 1;
  }
  const chances = members.map(() => 0);
  candidates.forEach((k, c) => (chances[k] = (counts[c] as number) / effectiveDraws));
  return chances;
}

/**
 * Standard normal draws from the mulberry32 generator, by Marsaglia's polar method (both values of a pair used):
 * deterministic per seed. `fill` writes the next `count` draws of the stream, in one tight loop, as their two halves:
 * a coordinate `half` of the pair's point in the unit disc and its squared radius `square`, which {@link normal}
 * turns into the draw. Its logarithm is what a draw costs; the award chances work it out only where it can matter.
 */
type NormalStream = { fill: (half: Float64Array, square: Float64Array, count: number) => void };

function normalStream(seed: number): NormalStream {
  let state = seed >>> 0;
  let spareHalf = 0;
  let spareSquare = 0;
  let hasSpare = false;
  return {
    fill(half, square, count) {
      // the stream's state in locals while the loop runs: a few times faster than a call per draw
      let s = state;
      let k = 0;
      if (hasSpare && count > 0) {
        half[k] = spareHalf;
        square[k++] = spareSquare;
        hasSpare = false;
      }
      while (k < count) {
        let x: number;
        let y: number;
        let r: number;
        do {
          s = mulberry32Step(s);
          x = mulberry32Draw(s) / 2147483648 - 1;
          s = mulberry32Step(s);
          y = mulberry32Draw(s) / 2147483648 - 1;
          r = x * x + y * y;
        } while (r >= 1 || r === 0);
        half[k] = x;
        square[k++] = r;
        if (k < count) {
          half[k] = y;
          square[k++] = r;
        } else {
          spareHalf = y;
          spareSquare = r;
          hasSpare = true;
        }
      }
      state = s;
    },
  };
}

/** The polar method's standard normal draw from a coordinate of a point in the unit disc and its squared radius. */
function normal(half: number, square: number): number {
  return half * Math.sqrt((-2 * Math.log(square)) / square);
}

/**
 * Whether a contender's own draw can lift it by more than `room` (≥ 0): how far its value before the draw (its
 * mean, plus the most the judges' offsets can move it) stays below the `places`-th best of the draw so far, less
 * a margin far beyond any rounding of the value's own arithmetic. `scaledHalf` is its standard deviation times
 * the coordinate of its polar pair, `square` the pair's squared radius: the draw lifts it by
 * scaledHalf·√(−2·ln r / r), and as −ln r ≤ (1 − r)/r, by at most scaledHalf·√(2·(1 − r))/r for a positive
 * coordinate, and not at all otherwise. False only when even that bound stays within `room`, so that a contender
 * left out would never have been counted.
 */
function mayReach(room: number, scaledHalf: number, square: number): boolean {
  if (scaledHalf <= 0) return false;
  const reach = room * square;
  return 2 * scaledHalf * scaledHalf * (1 - square) > reach * reach;
}

/**
 * The standard normal distribution function, Φ(x) = erfc(−x/√2)/2, with erfc from the Chebyshev expansion of
 * Numerical Recipes (3rd edition, §6.2.2): accurate to a few units in the last place of a double.
 */
function normalCdf(x: number): number {
  const u = -x / Math.SQRT2;
  return u >= 0 ? erfc(u) / 2 : 1 - erfc(-u) / 2;
}

const ERFC_COEFFICIENTS = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
  -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
  -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/** erfc(z) for z ≥ 0. */
function erfc(z: number): number {
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COEFFICIENTS.length - 1; j > 0; j--) {
    const previous = d;
    d = ty * d - dd + (ERFC_COEFFICIENTS[j] as number);
    dd = previous;
  }
  return t * Math.exp(-z * z + 0.5 * ((ERFC_COEFFICIENTS[0] as number) + ty * d) - dd);
}
