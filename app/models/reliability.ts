/**
 * Does the panel agree? Two measures of how far a round's scores can be trusted, as pure arithmetic (no database,
 * no Node APIs). The caller runs them per category on weighted totals, and per criterion on that criterion's score.
 *
 * - {@link panelReliability}: how reliable an entry's mean score is, as an intraclass correlation with a bootstrap
 *   interval. It answers "if other judges from the same panel had scored these works, would the order hold?".
 * - {@link judgeAgreement}: for each judge, how closely their scores follow their co-judges' on the same entries,
 *   and how many points above or below them they sit.
 *
 * Both sort their input into one canonical order (by entry, then judge) first, so the answers are bit-for-bit the
 * same whatever order the sheets arrive in.
 */

import { mulberry32Draw, mulberry32Step } from "./mulberry32";
import { compareStrings } from "./results";

/** One judge's score for one entry: a weighted total (0–100) or one criterion's score. */
export type ReliabilitySheet = { entryId: string; judgeId: string; score: number };

/** Koo & Li (2016): excellent ≥ 0.9, good ≥ 0.75, moderate ≥ 0.5, poor below; unknown with too little data. */
export type ReliabilityLevel = "excellent" | "good" | "moderate" | "poor" | "unknown";

export type PanelReliability = {
  /**
   * ICC(1,k): the share of the variance of an entry's mean score that comes from real differences between the
   * works rather than from which judges the entry drew, 0–1 (negative estimates are reported as 0). Null when
   * {@link ReliabilityLevel} is "unknown".
   */
  icc: number | null;
  /** 95 % bootstrap interval (percentiles 2.5 and 97.5); null with `icc`. */
  low: number | null;
  high: number | null;
  /** Entries with two or more sheets, and their sheets: what the estimate rests on. */
  entries: number;
  sheets: number;
  /** k₀, the effective number of judges per entry that `icc` is the reliability of (see {@link panelReliability}). */
  judgesPerEntry: number | null;
  level: ReliabilityLevel;
};

export type JudgeAgreement = {
  judgeId: string;
  /** All the judge's sheets. */
  sheets: number;
  /** Entries the judge scored that at least one other judge scored too: what the two measures rest on. */
  shared: number;
  /**
   * Pearson correlation, −1 to 1, between the judge's scores and the mean of the other judges' scores on the same
   * entries. Null with fewer than {@link MIN_SHARED_FOR_AGREEMENT} shared entries, or when either side does not vary.
   */
  agreement: number | null;
  /** Mean of (judge's score − the others' mean) in the sheets' points: positive is more generous. Null when shared is 0. */
  meanDifference: number | null;
};

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_RELIABILITY_SEED = 1;
/** Fewer entries with two or more sheets than this, and the level is "unknown". */
export const MIN_ENTRIES_FOR_RELIABILITY = 5;
export const MIN_SHARED_FOR_AGREEMENT = 3;

/**
 * Sheets checked and sorted by entry, then judge: the sheets themselves when they already are (as
 * the results page hands them over), which spares copying and sorting a whole round's; a copy otherwise.
 */
function canonical(sheets: ReliabilitySheet[]): ReliabilitySheet[] {
  let inOrder = true;
  for (let s = 0; s < sheets.length && inOrder; s++) {
    const b = sheets[s] as ReliabilitySheet;
    const a = sheets[s - 1];
    inOrder =
      Number.isFinite(b.score) &&
      (a === undefined || (compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId)) < 0);
  }
  if (inOrder) return sheets;
  const sorted = sheets.map((s) => {
    if (!Number.isFinite(s.score)) {
      throw new RangeError(`The score of entry "${s.entryId}" by judge "${s.judgeId}" is not a number: ${s.score}`);
    }
    return { entryId: s.entryId, judgeId: s.judgeId, score: s.score };
  });
  sorted.sort((a, b) => compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId));
  for (let s = 1; s < sorted.length; s++) {
    const a = sorted[s - 1] as ReliabilitySheet;
    const b = sorted[s] as ReliabilitySheet;
    if (a.entryId === b.entryId && a.judgeId === b.judgeId) {
      throw new RangeError(`Judge "${b.judgeId}" has more than one score sheet for entry "${b.entryId}"`);
    }
  }
  return sorted;
}

/** The runs of sorted sheets that share an entry, as [start, end) pairs. */
function entryRuns(sorted: ReliabilitySheet[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (
      end < sorted.length &&
      (sorted[end] as ReliabilitySheet).entryId === (sorted[start] as ReliabilitySheet).entryId
    ) {
      end++;
    }
    runs.push([start, end]);
    start = end;
  }
  return runs;
}

/** One entry, summarised: its number of sheets, their mean, and their sum of squared deviations from it. */
type EntrySummary = { count: number; mean: number; squares: number };

/**
 * One-way random-effects ANOVA over the entries, each once: ICC(1,k) = (MSB − MSW) / MSB,
 * clamped at 0, and k₀. Null when every entry has the same mean and no entry's judges differ
 * (nothing to tell apart: 0/0).
 */
function icc(entries: EntrySummary[]): { icc: number | null; k0: number } {
  let total = 0;
  let totalSquaredCounts = 0;
  let weightedSum = 0;
  let within = 0;
  for (const { count: n, mean, squares } of entries) {
    total += n;
    totalSquaredCounts += n * n;
    weightedSum += n * mean;
    within += squares;
  }
  const grand = weightedSum / total;
  let between = 0;
  for (const { count: n, mean } of entries) between += n * (mean - grand) ** 2;
  const k = entries.length;
  const msb = between / (k - 1);
  const msw = within / (total - k);
  const k0 = (total - totalSquaredCounts / total) / (k - 1);
  if (!(msb > 0)) return { icc: msw > 0 ? 0 : null, k0 };
  return { icc: Math.max(0, (msb - msw) / msb), k0 };
}

/**
 * Per entry, what a resample adds up when it draws that entry: n, n·mean, n·mean² and the
 * within-entry squares, side by side, so that a draw reads one short run of memory.
 */
function resamplingSums(summaries: EntrySummary[]) {
  const sums = new Float64Array(4 * summaries.length);
  summaries.forEach(({ count, mean, squares }, i) => {
    sums.set([count, count * mean, count * mean * mean, squares], 4 * i);
  });
  return sums;
}

/**
 * `icc` of one bootstrap resample, in one pass over the draws: the between-entry sum of squares
 * as Σn·mean² − (Σn·mean)²/N. That difference loses a few of a double's 16 digits when the means
 * sit far from 0 against their spread, nothing a percentile interval shows; a difference under
 * 1e-12 of Σn·mean² is taken as none (every drawn entry with the same mean), as `icc` finds it.
 */
function resampledIcc(sums: Float64Array, draws: { state: number }): number | null {
  const count = sums.length / 4;
  let state = draws.state;
  let total = 0;
  let weightedSum = 0;
  let weightedSquares = 0;
  let within = 0;
  for (let i = 0; i < count; i++) {
    state = mulberry32Step(state);
    const e = 4 * Math.floor((mulberry32Draw(state) / 4294967296) * count);
    total += sums[e] as number;
    weightedSum += sums[e + 1] as number;
    weightedSquares += sums[e + 2] as number;
    within += sums[e + 3] as number;
  }
  draws.state = state;
  const between = weightedSquares - (weightedSum * weightedSum) / total;
  const msw = within / (total - count);
  if (!(between > 1e-12 * weightedSquares)) return msw > 0 ? 0 : null;
  const msb = between / (count - 1);
  return Math.max(0, (msb - msw) / msb);
}

/** The p-th quantile (0–1) of sorted values, interpolating between neighbours (Hyndman & Fan's type 7, as in R). */
function quantile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below] as number;
  return lower + (position - below) * ((sorted[above] as number) - lower);
}

/**
 * How reliable an entry's mean score is: the intraclass correlation ICC(1,k) of a one-way random-effects model
 * (Shrout & Fleiss, 1979; McGraw & Wong, 1996), with a 95 % bootstrap interval.
 *
 * One-way, because in Mosaic each entry gets its own judges: a judge's severity lands on some entries and not on
 * others, so it counts as disagreement, as it should for raw or weighted scores. Average measures ("k"), because
 * results rank entries on the mean of their judges' scores, not on one sheet.
 *
 * With MSB and MSW the between-entry and within-entry mean squares, ICC(1,k) = (MSB − MSW) / MSB. Entries have
 * different numbers of judges, so "k" is k₀ = (N − Σnᵢ²/N) / (n − 1) for n entries with nᵢ sheets each and N sheets
 * in all: the number of judges that MSB's expectation, σ²_within + k₀·σ²_between, is written with (it equals the
 * common number of judges when all entries have the same). ICC(1,k) is then the reliability of a mean of k₀ sheets.
 *
 * An entry with a single sheet says nothing about agreement (it has no within-entry variance and would only pull
 * k₀ down), so it is left out altogether: `entries` and `sheets` count only entries with two or more sheets.
 * With fewer than {@link MIN_ENTRIES_FOR_RELIABILITY} such entries the level is "unknown" and every number null.
 * A negative estimate (judges disagree more within an entry than entries differ) is reported as 0, and "poor".
 *
 * The interval: `resamples` times, draw as many entries as there are, with replacement, from a seeded generator, and
 * recompute; the 2.5th and 97.5th percentiles of the estimates. Resamples that cannot be estimated (every drawn entry
 * identical, 0/0) are skipped. Percentile intervals are approximate with few entries, and can sit a little off
 * the estimate when the estimate is near 0 or 1.
 *
 * Throws a RangeError for a non-finite score, two sheets by the same judge for the same entry, or an invalid option.
 */
export function panelReliability(input: {
  sheets: ReliabilitySheet[];
  seed?: number;
  resamples?: number;
}): PanelReliability {
  const seed = input.seed ?? DEFAULT_RELIABILITY_SEED;
  const resamples = input.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be an integer ≥ 1, got ${resamples}`);
  }
  const sorted = canonical(input.sheets);

  const summaries: EntrySummary[] = [];
  let sheets = 0;
  for (const [start, end] of entryRuns(sorted)) {
    const count = end - start;
    if (count < 2) continue;
    let sum = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    for (let s = start; s < end; s++) {
      const score = (sorted[s] as ReliabilitySheet).score;
      sum += score;
      lowest = Math.min(lowest, score);
      highest = Math.max(highest, score);
    }
    const mean = sum / count;
    let squares = 0;
    // Identical scores agree exactly; their computed mean may not be exactly the score.
    if (lowest !== highest)
      for (let s = start; s < end; s++) squares += ((sorted[s] as ReliabilitySheet).score - mean) ** 2;
    summaries.push({ count, mean, squares });
    sheets += count;
  }

  const unknown: PanelReliability = {
    icc: null,
    low: null,
    high: null,
    entries: summaries.length,
    sheets,
    judgesPerEntry: null,
    level: "unknown",
  };
  if (summaries.length < MIN_ENTRIES_FOR_RELIABILITY) return unknown;
  const estimate = icc(summaries);
  if (estimate.icc === null) return { ...unknown, judgesPerEntry: estimate.k0 };

  // the bootstrap: resamples of as many entries, drawn with replacement from its stream
  // (mulberry32 from the seed), each draw an index below the number of entries
  const draws = { state: seed >>> 0 };
  const sums = resamplingSums(summaries);
  const estimates: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const value = resampledIcc(sums, draws);
    if (value !== null) estimates.push(value);
  }
  estimates.sort((a, b) => a - b);
  const value = estimate.icc;
  return {
    icc: value,
    low: estimates.length > 0 ? quantile(estimates, 0.025) : null,
    high: estimates.length > 0 ? quantile(estimates, 0.975) : null,
    entries: summaries.length,
    sheets,
    judgesPerEntry: estimate.k0,
    level: value >= 0.9 ? "excellent" : value >= 0.75 ? "good" : value >= 0.5 ? "moderate" : "poor",
  };
}

/**
 * For each judge, how far they sit from the rest of the panel on the entries they shared: the Pearson correlation
 * of their scores with the mean of the other judges' scores on the same entries (`agreement`), and the mean
 * difference in points (`meanDifference`). Entries the judge scored alone are skipped. The other judges' mean
 * leaves the judge out, so a judge cannot agree with themselves; it is the mean of one to a few sheets, so on
 * noisy criteria even a careful judge's correlation stays well below 1: compare judges with each other, not with 1.
 *
 * Every judge with at least one sheet, by judge id. Throws a RangeError for a non-finite score or two sheets by
 * the same judge for the same entry.
 */
export function judgeAgreement(sheets: ReliabilitySheet[]): JudgeAgreement[] {
  const sorted = canonical(sheets);
  const pairs = new Map<string, { sheets: number; mine: number[]; others: number[] }>();
  for (const s of sorted) {
    const judge = pairs.get(s.judgeId);
    if (judge) judge.sheets++;
    else pairs.set(s.judgeId, { sheets: 1, mine: [], others: [] });
  }
  for (const [start, end] of entryRuns(sorted)) {
    const count = end - start;
    if (count < 2) continue;
    for (let s = start; s < end; s++) {
      const sheet = sorted[s] as ReliabilitySheet;
      let others = 0;
      // Summed afresh rather than as (entry's sum − this score), which would carry this score's rounding.
      for (let t = start; t < end; t++) if (t !== s) others += (sorted[t] as ReliabilitySheet).score;
      const judge = pairs.get(sheet.judgeId) as { mine: number[]; others: number[] };
      judge.mine.push(sheet.score);
      judge.others.push(others / (count - 1));
    }
  }

  return [...pairs.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([judgeId, { sheets: count, mine, others }]) => {
      const shared = mine.length;
      let difference = 0;
      for (let k = 0; k < shared; k++) difference += (mine[k] as number) - (others[k] as number);
      return {
        judgeId,
        sheets: count,
        shared,
        agreement: shared >= MIN_SHARED_FOR_AGREEMENT ? pearson(mine, others) : null,
        meanDifference: shared > 0 ? difference / shared : null,
      };
    });
}

/** Pearson's r, two-pass; null when either side does not vary. Clamped to [−1, 1] against rounding. */
function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < n; k++) {
    sx += x[k] as number;
    sy += y[k] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  let xVaries = false;
  let yVaries = false;
  for (let k = 0; k < n; k++) {
    const dx = (x[k] as number) - mx;
    const dy = (y[k] as number) - my;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
    xVaries ||= x[k] !== x[0];
    yVaries ||= y[k] !== y[0];
  }
  if (!xVaries || !yVaries) return null;
  return Math.max(-1, Math.min(1, xy / Math.sqrt(xx * yy)));
}
