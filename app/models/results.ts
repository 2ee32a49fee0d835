/**
 * Contest results from judges' score sheets, as pure arithmetic (no database, no Node APIs).
 *
 * 1. Each score sheet becomes a weighted score on 0–100 (see {@link weightedScore}).
 * 2. Each judge's weighted scores are normalised, so a harsh judge and a generous judge count alike
 *    (see {@link computeResults} for the method and its fallbacks).
 * 3. Each entry gets the mean of its judges' normalised scores, and entries are ranked per category on it.
 *
 * Everything is computed in one canonical order (score sheets sorted by entry, then judge), so the
 * results are bit-for-bit the same whatever order the sheets arrive in. Cost: one sort, O(n log n).
 */

export type Criterion = { id: string; weight: number };

/** The lowest and highest score a judge may give on a criterion. */
export type Scale = { min: number; max: number };

/** One judge's scores for one entry, by criterion id. */
export type ScoreSheet = { entryId: string; judgeId: string; criterionScores: Record<string, number> };

export type ResultsInput = {
  /** The rubric; weights are percentages summing to 100 (any positive sum works: scores are divided by it). */
  criteria: Criterion[];
  /** Defaults to {@link DEFAULT_SCALE}, 1–5. */
  scale?: Scale;
  /** Complete score sheets only: a missing criterion score is an error. At most one sheet per judge and entry. */
  scores: ScoreSheet[];
  /** Every entry in the results, with its category. Entries nobody scored are listed but not ranked. */
  categoryOf: Record<string, string>;
  /** A judge who scored fewer entries than this is not normalised. Defaults to 3. */
  minScoredForNormalising?: number;
  /** An entry is flagged when its judges' weighted scores span at least this many points (0–100). Defaults to 25. */
  disagreementThreshold?: number;
  /** False ranks on the weighted scores as the judges gave them (a contest's "raw" setting). Defaults to true. */
  normalise?: boolean;
};

export type JudgeScore = {
  judgeId: string;
  /** The weighted score, 0–100. */
  weighted: number;
  /** The normalised score, 0–100, or null when the judge is not normalisable (their weighted score is used). */
  normalised: number | null;
};

export type EntryResult = {
  entryId: string;
  category: string;
  /** Sorted by judge id. Empty for an entry nobody scored. */
  judgeScores: JudgeScore[];
  /** Mean of the weighted scores; null when nobody scored the entry. */
  rawMean: number | null;
  /** Mean of the normalised scores (or weighted scores of judges who are not normalisable); what ranks use. */
  normalisedMean: number | null;
  /** True when at least one judge's weighted score stood in for a normalised score. */
  usedRawFallback: boolean;
  judgeCount: number;
  /** Of the weighted scores: max − min, and population standard deviation. Both 0 with fewer than two judges. */
  spread: { range: number; stdDev: number };
  /** True when `spread.range` reaches the disagreement threshold: worth a look by the organizers. */
  disagreement: boolean;
  /** Competition rank within the category ("1, 2, 2, 4"); null when nobody scored the entry. */
  rank: number | null;
  /** True when another entry in the category shares this rank. */
  tied: boolean;
};

export type JudgeStats = {
  judgeId: string;
  /** How many entries the judge scored. */
  scored: number;
  /** Mean and population standard deviation of the judge's weighted scores. */
  mean: number;
  stdDev: number;
  /** Whether the judge's scores are normalised; see {@link computeResults}. */
  normalisable: boolean;
};

export type Results = {
  /** Every entry of `categoryOf`: by category, then rank (unranked last), then entry id. */
  entries: EntryResult[];
  /** Every judge with at least one score sheet, by judge id. */
  judges: JudgeStats[];
};

export const DEFAULT_SCALE: Scale = { min: 1, max: 5 };
export const DEFAULT_MIN_SCORED_FOR_NORMALISING = 3;
export const DEFAULT_DISAGREEMENT_THRESHOLD = 25;
/** Centre and width of the normalised scale: a judge's average entry gets 50, one standard deviation is 15 points. */
export const NORMALISED_CENTRE = 50;
export const NORMALISED_SPREAD = 15;
/** Normalised means this close count as equal (ties), so floating-point noise never splits a tie. */
export const TIE_TOLERANCE = 1e-9;
/** A judge whose weighted scores vary by less than this (standard deviation, 0–100 points) gave everyone the same. */
const STDDEV_EPSILON = 1e-9;

/** A rubric checked once, with each criterion's factor from a raw score above `min` to points out of 100. */
type PreparedRubric = { ids: string[]; factors: number[]; min: number; max: number };

function prepareRubric(criteria: Criterion[], scale: Scale): PreparedRubric {
  const { min, max } = scale;
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) {
    throw new RangeError(`The score scale must have min < max, got ${min}–${max}`);
  }
  let totalWeight = 0;
  for (const c of criteria) {
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new RangeError(`Criterion "${c.id}" has an invalid weight: ${c.weight}`);
    }
    totalWeight += c.weight;
  }
  if (!(totalWeight > 0)) throw new RangeError("The rubric's weights must add up to more than 0");
  return {
    ids: criteria.map((c) => c.id),
    factors: criteria.map((c) => (c.weight * 100) / (totalWeight * (max - min))),
    min,
    max,
  };
}

/** `where` names the sheet in an error message: made only for one. */
function weigh(rubric: PreparedRubric, criterionScores: Record<string, number>, where: () => string): number {
  let total = 0;
  for (let i = 0; i < rubric.ids.length; i++) {
    const id = rubric.ids[i] as string;
    const score = Object.hasOwn(criterionScores, id) ? criterionScores[id] : undefined;
    if (score === undefined || !Number.isFinite(score) || score < rubric.min || score > rubric.max) {
      throw new RangeError(
        `The score for criterion "${id}"${where()} is missing or outside ${rubric.min}–${rubric.max}: ${score}`,
      );
    }
    total += (score - rubric.min) * (rubric.factors[i] as number);
  }
  return total;
}

/**
 * One score sheet as 0–100: each criterion's score is mapped linearly from [min, max] to [0, 1],
 * weighted, and the sum is scaled by 100 / (sum of weights). All criteria at `min` give 0, all at `max` give 100.
 * Throws a RangeError for a missing, non-finite or out-of-scale criterion score; scores for criteria not in the
 * rubric are ignored.
 */
export function weightedScore(criteria: Criterion[], scale: Scale, criterionScores: Record<string, number>): number {
  return weigh(prepareRubric(criteria, scale), criterionScores, () => "");
}

/**
 * Strings in the order of their UTF-16 code units: the one order every step of the ranking maths
 * sorts ids in, the same whatever the machine's locale.
 */
export function compareStrings(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Entries in the order the results list them: by category (in {@link compareStrings} order), those with a
 * score first, highest score first, then by entry id. Sorted as numbers: the comparison reads each entry's
 * category's place and score from typed arrays, and its id only on a tie, which keeps a sort of 50,000 entries
 * quick.
 */
export function rankingOrder<T extends { entryId: string; category: string }>(
  items: T[],
  score: (item: T) => number | null,
): T[] {
  const names = [...new Set(items.map((item) => item.category))].sort(compareStrings);
  const place = new Map(names.map((name, i) => [name, i]));
  const category = new Int32Array(items.length);
  const unscored = new Int32Array(items.length);
  const value = new Float64Array(items.length);
  items.forEach((item, i) => {
    const s = score(item);
    category[i] = place.get(item.category) as number;
    unscored[i] = s === null ? 1 : 0;
    value[i] = s ?? 0;
  });
  const order = Array.from(items, (_, i) => i);
  order.sort(
    (a, b) =>
      (category[a] as number) - (category[b] as number) ||
      (unscored[a] as number) - (unscored[b] as number) ||
      (value[b] as number) - (value[a] as number) ||
      compareStrings((items[a] as T).entryId, (items[b] as T).entryId),
  );
  return order.map((i) => items[i] as T);
}

/**
 * The results of a contest: every entry with its judges' scores, means, spread and rank, and every judge's statistics.
 *
 * Normalisation: each judge's weighted scores are turned into z-scores over all the entries that judge scored
 * (z = (score − judge's mean) / judge's population standard deviation), then put back on 0–100 as 50 + 15·z,
 * clamped to [0, 100]. Why 50 + 15·z: it keeps normalised scores on the same 0–100 scale as weighted scores, so a
 * judge's weighted score can stand in for a normalised one (below) and both read the same on a results page; a
 * judge's average entry gets 50, and 15 points per standard deviation leaves ±3.33 standard deviations before the
 * clamp. A population z-score can only exceed that when a judge scored 13 or more entries (its bound is √(n − 1)),
 * and then only for an outlier, whose rank the clamp rarely changes.
 *
 * Fallback: a judge who scored fewer than `minScoredForNormalising` entries (too few for a meaningful mean and
 * spread), or whose standard deviation is 0 (gave every entry the same score, so z is 0/0), is not normalisable:
 * their weighted score is used for those entries instead, and the entries are flagged with `usedRawFallback` so
 * organizers can check them. The weighted score is not centred on 50, so the fallback is an approximation.
 *
 * Ranking: per category, on `normalisedMean`, highest first, competition style ("1, 2, 2, 4"). An entry whose mean
 * is within {@link TIE_TOLERANCE} of the first (highest) entry of the current rank shares that rank; every entry of
 * a shared rank is `tied`. Entries nobody scored have rank null.
 *
 * Throws a RangeError for an invalid rubric or scale, a missing or out-of-scale criterion score, a score sheet for
 * an entry missing from `categoryOf`, or two sheets by the same judge for the same entry.
 */
export function computeResults(input: ResultsInput): Results {
  const rubric = prepareRubric(input.criteria, input.scale ?? DEFAULT_SCALE);
  const minScored = input.minScoredForNormalising ?? DEFAULT_MIN_SCORED_FOR_NORMALISING;
  const threshold = input.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  const normalise = input.normalise ?? true;

  // Canonical order: by entry, then judge. Every sum below runs in this order, whatever the input order. Sheets
  // already in it (as the results page hands them over) are read as they are; others are sorted first.
  const order = (a: ScoreSheet, b: ScoreSheet) =>
    compareStrings(a.entryId, b.entryId) || compareStrings(a.judgeId, b.judgeId);
  let inOrder = true;
  for (let i = 1; i < input.scores.length && inOrder; i++) {
    inOrder = order(input.scores[i - 1] as ScoreSheet, input.scores[i] as ScoreSheet) <= 0;
  }
  const sheets = inOrder ? input.scores : [...input.scores].sort(order);
  // each sheet's weighted score, by its place in `sheets`
  const weights = new Float64Array(sheets.length);
  sheets.forEach((sheet, i) => {
    if (!Object.hasOwn(input.categoryOf, sheet.entryId)) {
      throw new RangeError(`A score sheet is for entry "${sheet.entryId}", which is not in categoryOf`);
    }
    weights[i] = weigh(rubric, sheet.criterionScores, () => ` of entry "${sheet.entryId}" by judge "${sheet.judgeId}"`);
  });

  // Judges: mean first, then the population standard deviation around it (two passes, for accuracy).
  type JudgeAcc = { stats: JudgeStats; sum: number; squares: number; lowest: number; highest: number };
  const judgeAccs = new Map<string, JudgeAcc>();
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i] as (typeof sheets)[number];
    const prev = sheets[i - 1];
    if (prev && prev.entryId === s.entryId && prev.judgeId === s.judgeId) {
      throw new RangeError(`Judge "${s.judgeId}" has more than one score sheet for entry "${s.entryId}"`);
    }
    let acc = judgeAccs.get(s.judgeId);
    if (!acc) {
      acc = {
        stats: { judgeId: s.judgeId, scored: 0, mean: 0, stdDev: 0, normalisable: false },
        sum: 0,
        squares: 0,
        lowest: Infinity,
        highest: -Infinity,
      };
      judgeAccs.set(s.judgeId, acc);
    }
    const weighted = weights[i] as number;
    acc.stats.scored++;
    acc.sum += weighted;
    acc.lowest = Math.min(acc.lowest, weighted);
    acc.highest = Math.max(acc.highest, weighted);
  }
  for (const acc of judgeAccs.values()) acc.stats.mean = acc.sum / acc.stats.scored;
  for (let i = 0; i < sheets.length; i++) {
    const acc = judgeAccs.get((sheets[i] as ScoreSheet).judgeId) as JudgeAcc;
    acc.squares += ((weights[i] as number) - acc.stats.mean) ** 2;
  }
  for (const acc of judgeAccs.values()) {
    const { stats } = acc;
    // Identical scores give exactly 0, not the rounding noise of their mean.
    stats.stdDev = acc.highest === acc.lowest ? 0 : Math.sqrt(acc.squares / stats.scored);
    stats.normalisable = normalise && stats.scored >= minScored && stats.stdDev > STDDEV_EPSILON;
  }

  // Entries: every entry of categoryOf, then the scored ones filled in from their run of sheets.
  const entries = new Map<string, EntryResult>();
  for (const entryId of Object.keys(input.categoryOf)) {
    entries.set(entryId, {
      entryId,
      category: input.categoryOf[entryId] as string,
      judgeScores: [],
      rawMean: null,
      normalisedMean: null,
      usedRawFallback: false,
      judgeCount: 0,
      spread: { range: 0, stdDev: 0 },
      disagreement: false,
      rank: null,
      tied: false,
    });
  }
  for (let start = 0; start < sheets.length;) {
    const entryId = (sheets[start] as (typeof sheets)[number]).entryId;
    const entry = entries.get(entryId) as EntryResult;
    let end = start;
    let rawSum = 0;
    let normalisedSum = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    for (; end < sheets.length && (sheets[end] as (typeof sheets)[number]).entryId === entryId; end++) {
      const s = sheets[end] as (typeof sheets)[number];
      const weighted = weights[end] as number;
      const judge = (judgeAccs.get(s.judgeId) as JudgeAcc).stats;
      let normalised: number | null = null;
      if (judge.normalisable) {
        const z = (weighted - judge.mean) / judge.stdDev;
        normalised = Math.min(100, Math.max(0, NORMALISED_CENTRE + NORMALISED_SPREAD * z));
      } else if (normalise) {
        entry.usedRawFallback = true;
      }
      entry.judgeScores.push({ judgeId: s.judgeId, weighted, normalised });
      rawSum += weighted;
      normalisedSum += normalised ?? weighted;
      lowest = Math.min(lowest, weighted);
      highest = Math.max(highest, weighted);
    }
    const count = end - start;
    const rawMean = rawSum / count;
    let squares = 0;
    for (const js of entry.judgeScores) squares += (js.weighted - rawMean) ** 2;
    entry.judgeCount = count;
    entry.rawMean = rawMean;
    entry.normalisedMean = normalisedSum / count;
    entry.spread = { range: highest - lowest, stdDev: lowest === highest ? 0 : Math.sqrt(squares / count) };
    // The tolerance keeps a range of exactly the threshold, computed as 24.999999999999996, flagged.
    entry.disagreement = entry.spread.range >= threshold - TIE_TOLERANCE;
    start = end;
  }

  // Ranking: one sort gives the output order; ranks are handed out walking each category's scored entries.
  const ordered = rankingOrder([...entries.values()], (e) => e.normalisedMean);
  let position = 0;
  let leader: EntryResult | null = null;
  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i] as EntryResult;
    if (entry.normalisedMean === null) continue;
    if (!leader || leader.category !== entry.category) {
      position = 0;
      leader = null;
    }
    position++;
    if (leader && (leader.normalisedMean as number) - entry.normalisedMean <= TIE_TOLERANCE) {
      entry.rank = leader.rank;
      entry.tied = true;
      leader.tied = true;
    } else {
      entry.rank = position;
      leader = entry;
    }
  }

  const judges = [...judgeAccs.values()].map((acc) => acc.stats);
  judges.sort((a, b) => compareStrings(a.judgeId, b.judgeId));
  return { entries: ordered, judges };
}

/** The awards organizers give, per category, in their order on the gallery. */
export const PLACES = ["first", "second", "third", "honourable"] as const;
export type Place = (typeof PLACES)[number];
