import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compareStrings,
  rankingOrder,
  computeResults,
  weightedScore,
  type Criterion,
  type EntryResult,
  type Results,
  type ResultsInput,
  type ScoreSheet,
} from "../../app/models/results";

const rubric: Criterion[] = [
  { id: "craft", weight: 60 },
  { id: "voice", weight: 40 },
];
const scale = { min: 1, max: 5 };

function sheet(entryId: string, judgeId: string, craft: number, voice: number): ScoreSheet {
  return { entryId, judgeId, criterionScores: { craft, voice } };
}

function byId(results: Results, entryId: string): EntryResult {
  const entry = results.entries.find((e) => e.entryId === entryId);
  if (!entry) throw new Error(`no entry ${entryId}`);
  return entry;
}

describe("weighted score", () => {
  it("maps each criterion from the scale to 0–1, weights it, and scales to 0–100", () => {
    expect(weightedScore(rubric, scale, { craft: 1, voice: 1 })).toBe(0);
    expect(weightedScore(rubric, scale, { craft: 5, voice: 5 })).toBeCloseTo(100, 12);
    // craft (5−1)/4 · 60 + voice (3−1)/4 · 40 = 60 + 20
    expect(weightedScore(rubric, scale, { craft: 5, voice: 3 })).toBeCloseTo(80, 12);
    // weights need not add up to 100: they are divided by their sum
    expect(weightedScore([{ id: "a", weight: 3 }], { min: 0, max: 10 }, { a: 7 })).toBeCloseTo(70, 12);
  });

  it("refuses missing or out-of-scale scores and a broken rubric", () => {
    expect(() => weightedScore(rubric, scale, { craft: 3 })).toThrow(/voice/);
    expect(() => weightedScore(rubric, scale, { craft: 6, voice: 3 })).toThrow(RangeError);
    expect(() => weightedScore(rubric, scale, { craft: Number.NaN, voice: 3 })).toThrow(RangeError);
    expect(() => weightedScore(rubric, { min: 5, max: 5 }, { craft: 5, voice: 5 })).toThrow(RangeError);
    expect(() => weightedScore([{ id: "a", weight: 0 }], scale, { a: 3 })).toThrow(RangeError);
  });
});

/*
 * The hand-computed table. Rubric craft 60 / voice 40 on 1–5, so weighted = 15·(craft−1) + 10·(voice−1).
 *
 *             E1             E2             E3             E4          judge mean  judge stdDev (population)
 *   A    (5,3) → 80     (3,3) → 50     (3,3) → 50     (3,2) → 40        55        √((25²+5²+5²+15²)/4) = √225 = 15
 *   B    (2,4) → 45     (4,2) → 55     (2,4) → 45     (4,2) → 55        50        √((4·5²)/4) = 5
 *   C    (3,4) → 60     (5,3) → 80     (5,3) → 80     (3,4) → 60        70        √((4·10²)/4) = 10
 *
 * z-scores (score − mean) / stdDev, and normalised 50 + 15·z:
 *   A    25/15 = 5/3 → 75   −5/15 = −1/3 → 45   −1/3 → 45        −15/15 = −1 → 35
 *   B    −1 → 35            +1 → 65             −1 → 35          +1 → 65
 *   C    −1 → 35            +1 → 65             +1 → 65          −1 → 35
 *
 * Entry means and spread of the weighted scores (threshold 25):
 *   E1  raw (80+45+60)/3 = 185/3   normalised (75+35+35)/3 = 145/3   range 35 ✔  stdDev √(5550/27)
 *   E2  raw (50+55+80)/3 = 185/3   normalised (45+65+65)/3 = 175/3   range 30 ✔  stdDev √(4650/27)
 *   E3  raw (50+45+80)/3 = 175/3   normalised (45+35+65)/3 = 145/3   range 35 ✔  stdDev √(6450/27)
 *   E4  raw (40+55+60)/3 = 155/3   normalised (35+65+35)/3 = 135/3   range 20 ✘  stdDev √(1950/27)
 * (e.g. E1: deviations from 185/3 are 55/3, −50/3, −5/3; squares sum to 5550/9; divided by 3 judges: 5550/27.)
 *
 * E1 and E2 tie on raw means, but B's 55 for E2 is a full standard deviation above B's mean while A's 80 for E1
 * is 5/3 of one: normalised, E2 wins. Ranks: E2 1, E1 2 and E3 2 (tied at 145/3), E4 4. E5 was not scored.
 */
const table: ResultsInput = {
  criteria: rubric,
  scale,
  scores: [
    sheet("E1", "A", 5, 3),
    sheet("E2", "A", 3, 3),
    sheet("E3", "A", 3, 3),
    sheet("E4", "A", 3, 2),
    sheet("E1", "B", 2, 4),
    sheet("E2", "B", 4, 2),
    sheet("E3", "B", 2, 4),
    sheet("E4", "B", 4, 2),
    sheet("E1", "C", 3, 4),
    sheet("E2", "C", 5, 3),
    sheet("E3", "C", 5, 3),
    sheet("E4", "C", 3, 4),
  ],
  categoryOf: { E1: "film", E2: "film", E3: "film", E4: "film", E5: "film" },
};

describe("results, worked by hand", () => {
  const results = computeResults(table);

  it("has each judge's mean and standard deviation", () => {
    expect(results.judges.map((j) => j.judgeId)).toEqual(["A", "B", "C"]);
    const expected = { A: [55, 15], B: [50, 5], C: [70, 10] } as const;
    for (const judge of results.judges) {
      const [mean, stdDev] = expected[judge.judgeId as keyof typeof expected];
      expect(judge.scored).toBe(4);
      expect(judge.mean).toBeCloseTo(mean, 9);
      expect(judge.stdDev).toBeCloseTo(stdDev, 9);
      expect(judge.normalisable).toBe(true);
    }
  });

  it("has each judge's weighted and normalised score per entry", () => {
    const expected: Record<string, [string, number, number][]> = {
      E1: [
        ["A", 80, 75],
        ["B", 45, 35],
        ["C", 60, 35],
      ],
      E2: [
        ["A", 50, 45],
        ["B", 55, 65],
        ["C", 80, 65],
      ],
      E3: [
        ["A", 50, 45],
        ["B", 45, 35],
        ["C", 80, 65],
      ],
      E4: [
        ["A", 40, 35],
        ["B", 55, 65],
        ["C", 60, 35],
      ],
    };
    for (const [entryId, rows] of Object.entries(expected)) {
      const entry = byId(results, entryId);
      expect(entry.judgeScores.map((s) => s.judgeId)).toEqual(rows.map(([judgeId]) => judgeId));
      rows.forEach(([, weighted, normalised], i) => {
        expect(entry.judgeScores[i]?.weighted).toBeCloseTo(weighted, 9);
        expect(entry.judgeScores[i]?.normalised).toBeCloseTo(normalised, 9);
      });
    }
  });

  it("has each entry's means, spread, flag and rank", () => {
    const expected = {
      E1: {
        raw: 185 / 3,
        normalised: 145 / 3,
        range: 35,
        variance: 5550 / 27,
        disagreement: true,
        rank: 2,
        tied: true,
      },
      E2: {
        raw: 185 / 3,
        normalised: 175 / 3,
        range: 30,
        variance: 4650 / 27,
        disagreement: true,
        rank: 1,
        tied: false,
      },
      E3: {
        raw: 175 / 3,
        normalised: 145 / 3,
        range: 35,
        variance: 6450 / 27,
        disagreement: true,
        rank: 2,
        tied: true,
      },
      E4: { raw: 155 / 3, normalised: 45, range: 20, variance: 1950 / 27, disagreement: false, rank: 4, tied: false },
    };
    for (const [entryId, want] of Object.entries(expected)) {
      const entry = byId(results, entryId);
      expect(entry.category).toBe("film");
      expect(entry.judgeCount).toBe(3);
      expect(entry.rawMean).toBeCloseTo(want.raw, 9);
      expect(entry.normalisedMean).toBeCloseTo(want.normalised, 9);
      expect(entry.usedRawFallback).toBe(false);
      expect(entry.spread.range).toBeCloseTo(want.range, 9);
      expect(entry.spread.stdDev).toBeCloseTo(Math.sqrt(want.variance), 9);
      expect(entry.disagreement).toBe(want.disagreement);
      expect(entry.rank).toBe(want.rank);
      expect(entry.tied).toBe(want.tied);
    }
  });

  it("lists an entry nobody scored, unranked, after the ranked ones", () => {
    expect(results.entries.map((e) => e.entryId)).toEqual(["E2", "E1", "E3", "E4", "E5"]);
    expect(byId(results, "E5")).toEqual({
      entryId: "E5",
      category: "film",
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
  });
});

describe("judges who cannot be normalised", () => {
  it("use the weighted score of a judge with only 2 entries, and flag those entries", () => {
    // D scored E1 (craft 4, voice 4 → 45 + 30 = 75) and E2 (2, 2 → 15 + 10 = 25): fewer than 3 entries.
    const results = computeResults({
      ...table,
      scores: [...table.scores, sheet("E1", "D", 4, 4), sheet("E2", "D", 2, 2)],
    });
    const d = results.judges.find((j) => j.judgeId === "D");
    expect(d).toMatchObject({ scored: 2, normalisable: false });
    expect(d?.mean).toBeCloseTo(50, 9);
    expect(d?.stdDev).toBeCloseTo(25, 9);

    const e1 = byId(results, "E1");
    expect(e1.usedRawFallback).toBe(true);
    expect(e1.judgeCount).toBe(4);
    expect(e1.judgeScores[3]).toEqual({ judgeId: "D", weighted: expect.closeTo(75, 9), normalised: null });
    expect(e1.normalisedMean).toBeCloseTo((75 + 35 + 35 + 75) / 4, 9);
    expect(e1.rawMean).toBeCloseTo((80 + 45 + 60 + 75) / 4, 9);
    expect(byId(results, "E2").normalisedMean).toBeCloseTo((45 + 65 + 65 + 25) / 4, 9);
    expect(byId(results, "E3").usedRawFallback).toBe(false);
    // D's 2 entries do not move the other judges' normalisation.
    expect(byId(results, "E3").normalisedMean).toBeCloseTo(145 / 3, 9);
  });

  it("use the weighted score of a judge who gave every entry the same score", () => {
    const flat = ["E1", "E2", "E3", "E4"].map((e) => sheet(e, "F", 3, 3));
    const results = computeResults({ ...table, scores: [...table.scores, ...flat] });
    expect(results.judges.find((j) => j.judgeId === "F")).toEqual({
      judgeId: "F",
      scored: 4,
      mean: 50,
      stdDev: 0,
      normalisable: false,
    });
    for (const entryId of ["E1", "E2", "E3", "E4"]) {
      const entry = byId(results, entryId);
      expect(entry.usedRawFallback).toBe(true);
      expect(entry.judgeScores.find((s) => s.judgeId === "F")?.normalised).toBeNull();
    }
    expect(byId(results, "E2").normalisedMean).toBeCloseTo((45 + 65 + 65 + 50) / 4, 9);
  });

  it("follow minScoredForNormalising", () => {
    const results = computeResults({ ...table, minScoredForNormalising: 5 });
    expect(results.judges.every((j) => !j.normalisable)).toBe(true);
    // Everyone falls back, so the normalised means are the raw means.
    expect(byId(results, "E3").normalisedMean).toBeCloseTo(175 / 3, 9);
    expect(byId(results, "E1").rank).toBe(1);
    expect(byId(results, "E1").tied).toBe(true);
  });

  it("are clamped to 0–100 when an outlier is more than 3.33 standard deviations out", () => {
    // 20 entries: 19 at 0 and one at 100. z of the outlier is √19 ≈ 4.36, so 50 + 15z ≈ 115 → 100.
    const criteria = [{ id: "c", weight: 100 }];
    const ids = Array.from({ length: 20 }, (_, i) => `E${String(i).padStart(2, "0")}`);
    const results = computeResults({
      criteria,
      scale: { min: 0, max: 1 },
      scores: ids.map((entryId, i) => ({ entryId, judgeId: "J", criterionScores: { c: i === 0 ? 1 : 0 } })),
      categoryOf: Object.fromEntries(ids.map((id) => [id, "x"])),
    });
    expect(byId(results, "E00").judgeScores[0]?.normalised).toBe(100);
    expect(byId(results, "E01").judgeScores[0]?.normalised).toBeCloseTo(50 - 15 / Math.sqrt(19), 9);
  });
});

describe("ranking", () => {
  const single = [{ id: "c", weight: 100 }];
  /** One judge per entry who does not normalise (min 99), so normalised means are the weighted scores. */
  function ranked(scoresByEntry: Record<string, number>, categoryOf?: Record<string, string>) {
    return computeResults({
      criteria: single,
      scale: { min: 0, max: 100 },
      minScoredForNormalising: 99,
      scores: Object.entries(scoresByEntry).map(([entryId, c]) => ({ entryId, judgeId: "J", criterionScores: { c } })),
      categoryOf: categoryOf ?? Object.fromEntries(Object.keys(scoresByEntry).map((id) => [id, "x"])),
    });
  }
  const ranksOf = (results: Results) => results.entries.map((e) => [e.entryId, e.rank, e.tied]);

  it("is competition ranking: 1, 2, 2, 4", () => {
    expect(ranksOf(ranked({ a: 90, b: 70, c: 70, d: 10 }))).toEqual([
      ["a", 1, false],
      ["b", 2, true],
      ["c", 2, true],
      ["d", 4, false],
    ]);
    expect(ranksOf(ranked({ a: 50, b: 50, c: 50, d: 40, e: 40 }))).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 1, true],
      ["d", 4, true],
      ["e", 4, true],
    ]);
  });

  it("ties means equal within 1e-9, so floating-point noise never splits a tie", () => {
    const results = ranked({ a: 0.3, b: 0.1 + 0.2, c: 0.3 - 2e-9 });
    expect(ranksOf(results)).toEqual([
      ["b", 1, true],
      ["a", 1, true],
      ["c", 3, false],
    ]);
  });

  it("ranks each category on its own", () => {
    const results = ranked({ a: 10, b: 20, c: 30, d: 40 }, { a: "audio", b: "film", c: "audio", d: "film" });
    expect(ranksOf(results)).toEqual([
      ["c", 1, false],
      ["a", 2, false],
      ["d", 1, false],
      ["b", 2, false],
    ]);
  });
});

describe("bad input", () => {
  it("is refused rather than half-counted", () => {
    expect(() => computeResults({ ...table, scores: [...table.scores, sheet("E9", "A", 3, 3)] })).toThrow(/E9/);
    expect(() => computeResults({ ...table, scores: [...table.scores, sheet("E1", "A", 3, 3)] })).toThrow(
      /more than one/,
    );
    expect(() => computeResults({ ...table, scores: [sheet("E1", "A", 3, 0)] })).toThrow(RangeError);
  });
});

/*
 * Properties. The generators use one criterion (weight 100) on a 0–1000 scale, so a criterion score s is the
 * weighted score s/10, and a judge's weighted scores can be shifted or stretched directly without leaving the scale:
 * scores are drawn from 400–600, a shift of at most ±400 stays in 0–1000, and doubling the spread around the mean
 * (2s − mean) stays in 200–800.
 *
 * Clamping: a population z-score over n values is at most √(n − 1) in size, so with at most 12 entries per judge
 * |z| ≤ √11 ≈ 3.32 < 10/3 and 50 + 15z never reaches the clamp at 0 or 100: shift and scale invariance hold exactly
 * (up to floating-point rounding, hence toBeCloseTo for scores and a 1e-9 tie tolerance for ranks).
 */
const wide = { criteria: [{ id: "c", weight: 100 }], scale: { min: 0, max: 1000 } };

type Panel = { judges: number; cells: (number | null)[][]; categories: number[] };

/** judges × entries cells (null: not scored); at least 3 entries so the first judge, who scores all, normalises. */
const panelArb = fc
  .record({ judges: fc.integer({ min: 1, max: 5 }), entries: fc.integer({ min: 3, max: 12 }) })
  .chain(({ judges, entries }) =>
    fc.record({
      judges: fc.constant(judges),
      cells: fc.array(
        fc.array(fc.option(fc.integer({ min: 400, max: 600 }), { nil: null, freq: 4 }), {
          minLength: entries,
          maxLength: entries,
        }),
        { minLength: judges, maxLength: judges },
      ),
      categories: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: entries, maxLength: entries }),
    }),
  )
  .map((panel): Panel => {
    // Judge 0 is the one we shift or stretch: they score every entry, at 400 when the draw said "not scored".
    const [first, ...rest] = panel.cells;
    return { ...panel, cells: [(first ?? []).map((c) => c ?? 400), ...rest] };
  });

function panelInput(panel: Panel, transformFirstJudge: (s: number, mean: number) => number = (s) => s): ResultsInput {
  const first = (panel.cells[0] ?? []) as number[];
  const mean = first.reduce((a, b) => a + b, 0) / first.length;
  const scores: ScoreSheet[] = [];
  panel.cells.forEach((row, j) =>
    row.forEach((c, e) => {
      if (c === null) return;
      scores.push({
        entryId: `e${e}`,
        judgeId: `j${j}`,
        criterionScores: { c: j === 0 ? transformFirstJudge(c, mean) : c },
      });
    }),
  );
  return {
    ...wide,
    scores,
    categoryOf: Object.fromEntries(panel.categories.map((cat, e) => [`e${e}`, `cat${cat}`])),
  };
}

function expectSameNormalisedResults(before: Results, after: Results) {
  expect(after.entries.map((e) => [e.entryId, e.rank, e.tied])).toEqual(
    before.entries.map((e) => [e.entryId, e.rank, e.tied]),
  );
  before.entries.forEach((b, i) => {
    const a = after.entries[i] as EntryResult;
    expect(a.normalisedMean === null).toBe(b.normalisedMean === null);
    if (b.normalisedMean !== null) expect(a.normalisedMean).toBeCloseTo(b.normalisedMean, 9);
    b.judgeScores.forEach((s, k) => {
      const t = a.judgeScores[k];
      expect(t?.judgeId).toBe(s.judgeId);
      // A judge who is not normalised (another judge with too few entries) keeps their weighted score.
      expect(t?.normalised === null).toBe(s.normalised === null);
      expect(t?.normalised ?? t?.weighted).toBeCloseTo(s.normalised ?? s.weighted, 9);
    });
  });
}

/** The first judge's scores are not all equal, so they normalise (otherwise their raw scores count, and move). */
const firstJudgeVaries = (panel: Panel) => new Set(panel.cells[0]).size > 1;

describe("properties", () => {
  it("(a) a judge adding a constant to every score changes no normalised score and no rank", () => {
    fc.assert(
      fc.property(panelArb, fc.integer({ min: -400, max: 400 }), (panel, shift) => {
        fc.pre(firstJudgeVaries(panel));
        const before = computeResults(panelInput(panel));
        const after = computeResults(panelInput(panel, (s) => s + shift));
        expect(before.judges[0]?.normalisable).toBe(true);
        expect(after.judges[0]?.mean).toBeCloseTo((before.judges[0]?.mean ?? 0) + shift / 10, 9);
        expectSameNormalisedResults(before, after);
      }),
      { numRuns: 300 },
    );
  });

  it("(b) a judge doubling their spread around their mean changes nothing in the normalised ranking", () => {
    fc.assert(
      fc.property(panelArb, (panel) => {
        fc.pre(firstJudgeVaries(panel));
        const before = computeResults(panelInput(panel));
        const after = computeResults(panelInput(panel, (s, mean) => 2 * s - mean));
        expect(after.judges[0]?.stdDev).toBeCloseTo(2 * (before.judges[0]?.stdDev ?? 0), 9);
        expectSameNormalisedResults(before, after);
      }),
      { numRuns: 300 },
    );
  });

  /** Any panel on a 1–5 scale with 2 criteria: many exact ties, some judges falling back, some entries unscored. */
  const anyInputArb = fc
    .record({ judges: fc.integer({ min: 1, max: 6 }), entries: fc.integer({ min: 1, max: 15 }) })
    .chain(({ judges, entries }) =>
      fc.record({
        cells: fc.array(
          fc.array(fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { nil: null }), {
            minLength: entries,
            maxLength: entries,
          }),
          { minLength: judges, maxLength: judges },
        ),
        categories: fc.array(fc.constantFrom("audio", "film", "writing"), { minLength: entries, maxLength: entries }),
      }),
    )
    .map(({ cells, categories }): ResultsInput => {
      const scores: ScoreSheet[] = [];
      cells.forEach((row, j) =>
        row.forEach((cell, e) => {
          if (cell) scores.push(sheet(`e${e}`, `j${j}`, cell[0], cell[1]));
        }),
      );
      return {
        criteria: rubric,
        scale,
        scores,
        categoryOf: Object.fromEntries(categories.map((c, e) => [`e${e}`, c])),
      };
    });

  it("(c) ranks are a competition ranking per category, and do not depend on input order", () => {
    fc.assert(
      fc.property(anyInputArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (input, keys) => {
        const { entries } = computeResults(input);
        for (const e of entries) {
          const peers = entries.filter((f) => f.category === e.category && f.normalisedMean !== null);
          if (e.normalisedMean === null) {
            expect([e.rank, e.tied, e.judgeCount]).toEqual([null, false, 0]);
            continue;
          }
          const mean = e.normalisedMean;
          const rank = e.rank as number;
          // Competition ranking: one more than the number of entries ranked above, and than those clearly better.
          expect(rank).toBe(1 + peers.filter((f) => (f.rank as number) < rank).length);
          expect(rank).toBe(1 + peers.filter((f) => (f.normalisedMean as number) > mean + 1e-9).length);
          expect(e.tied).toBe(peers.some((f) => f !== e && f.rank === rank));
          for (const f of peers) {
            if ((f.rank as number) < rank) expect(f.normalisedMean as number).toBeGreaterThanOrEqual(mean);
            if (f.rank === rank) expect(Math.abs((f.normalisedMean as number) - mean)).toBeLessThanOrEqual(1e-9);
          }
        }
        // Shuffling score sheets and the entries of categoryOf gives the very same results.
        const shuffled = <T>(xs: T[]) => {
          const it = keys[Symbol.iterator]();
          return xs
            .map((x) => ({ x, k: it.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map(({ x }) => x);
        };
        const reordered = computeResults({
          ...input,
          scores: shuffled(input.scores),
          categoryOf: Object.fromEntries(shuffled(Object.entries(input.categoryOf))),
        });
        expect(reordered.entries).toEqual(entries);
      }),
      { numRuns: 300 },
    );
  });

  it("(d) with every judge scoring every entry, reordering the score sheets changes nothing", () => {
    const fullPanelArb = fc
      .record({ judges: fc.integer({ min: 1, max: 6 }), entries: fc.integer({ min: 1, max: 15 }) })
      .chain(({ judges, entries }) =>
        fc.record({
          cells: fc.array(
            fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), {
              minLength: entries,
              maxLength: entries,
            }),
            { minLength: judges, maxLength: judges },
          ),
          categories: fc.array(fc.constantFrom("audio", "film"), { minLength: entries, maxLength: entries }),
        }),
      )
      .map(({ cells, categories }): ResultsInput => {
        const scores = cells.flatMap((row, j) => row.map(([craft, voice], e) => sheet(`e${e}`, `j${j}`, craft, voice)));
        return {
          criteria: rubric,
          scale,
          scores,
          categoryOf: Object.fromEntries(categories.map((c, e) => [`e${e}`, c])),
        };
      });
    fc.assert(
      fc.property(
        fullPanelArb.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray(input.scores, { minLength: input.scores.length })),
        ),
        ([input, reorderedScores]) => {
          expect(computeResults({ ...input, scores: reorderedScores })).toEqual(computeResults(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a large contest", () => {
  it("handles 10,000 entries × 3 judges (of 40) × 5 criteria", () => {
    let seed = 42;
    const random = () => {
      // A small linear congruential generator, so the example is the same every run.
      seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
      return seed / 2 ** 32;
    };
    const criteria = ["a", "b", "c", "d", "e"].map((id) => ({ id, weight: 20 }));
    const categories = ["audio", "film", "photo", "writing"];
    const categoryOf: Record<string, string> = {};
    const scores: ScoreSheet[] = [];
    for (let e = 0; e < 10_000; e++) {
      const entryId = `YHD25-${String(e).padStart(5, "0")}`;
      categoryOf[entryId] = categories[e % categories.length] as string;
      const first = Math.floor(random() * 40);
      for (let k = 0; k < 3; k++) {
        const criterionScores = Object.fromEntries(criteria.map((c) => [c.id, 1 + Math.floor(random() * 5)]));
        scores.push({ entryId, judgeId: `judge-${(first + k * 7) % 40}`, criterionScores });
      }
    }

    const started = performance.now();
    const results = computeResults({ criteria, scale, scores, categoryOf });
    console.log(`computeResults, 10,000 entries × 3 judges: ${(performance.now() - started).toFixed(1)} ms`);

    expect(results.entries).toHaveLength(10_000);
    expect(results.judges).toHaveLength(40);
    for (const entry of results.entries) {
      expect(entry.judgeScores).toHaveLength(3);
      expect(entry.rank).not.toBeNull();
    }
  });
});

describe("a contest that ranks on raw scores", () => {
  const results = computeResults({ ...table, normalise: false });

  it("ranks on the weighted scores as given, normalises nobody and flags no fallback", () => {
    expect(results.judges.every((j) => !j.normalisable)).toBe(true);
    for (const entry of results.entries) {
      expect(entry.usedRawFallback).toBe(false);
      expect(entry.normalisedMean).toBe(entry.rawMean);
      expect(entry.judgeScores.every((s) => s.normalised === null)).toBe(true);
    }
    const ranked = results.entries.filter((e) => e.rank !== null);
    for (let i = 1; i < ranked.length; i++) {
      if (ranked[i]!.category === ranked[i - 1]!.category) {
        expect(ranked[i]!.rawMean!).toBeLessThanOrEqual(ranked[i - 1]!.rawMean!);
      }
    }
  });
});

describe("rankingOrder", () => {
  it("lists entries as sorting them by category, scored first, highest score first, then id does", () => {
    const entryArb = fc.record({
      category: fc.constantFrom("film", "music", "Photo", "écrit"),
      score: fc.option(fc.constantFrom(0, 12.5, 50, 50.000000000000014, 99.9, -3), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), (drawn) => {
        const entries = drawn.map((e, i) => ({ ...e, entryId: `e${(i * 7919) % 101}-${i}` }));
        const expected = [...entries].sort(
          (a, b) =>
            compareStrings(a.category, b.category) ||
            (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
            (b.score ?? 0) - (a.score ?? 0) ||
            compareStrings(a.entryId, b.entryId),
        );
        expect(rankingOrder(entries, (e) => e.score)).toEqual(expected);
      }),
    );
  });
});
