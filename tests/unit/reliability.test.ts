import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { judgeAgreement, panelReliability, type ReliabilitySheet } from "../../app/models/reliability";

/** Sheets from a table: rows are entries, columns judges; null is "not scored". */
function table(rows: (number | null)[][]): ReliabilitySheet[] {
  const sheets: ReliabilitySheet[] = [];
  rows.forEach((row, e) =>
    row.forEach((score, j) => {
      if (score !== null) sheets.push({ entryId: `e${e}`, judgeId: `j${j}`, score });
    }),
  );
  return sheets;
}

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/*
 * Shrout & Fleiss (1979), table 2: six targets, four judges.
 *
 *   target   scores        mean    Σ(x − mean)²
 *     1      9  2  5  8    6       9 + 16 + 1 + 4           = 30
 *     2      6  1  3  2    3       9 + 4 + 0 + 1            = 14
 *     3      8  4  6  8    6.5     2.25 + 6.25 + 0.25 + 2.25 = 11
 *     4      7  1  2  6    4       9 + 9 + 4 + 4            = 26
 *     5     10  5  6  9    7.5     6.25 + 6.25 + 2.25 + 2.25 = 17
 *     6      6  2  4  7    4.75    1.5625 + 7.5625 + 0.5625 + 5.0625 = 14.75
 *
 * Grand mean 127/24. Within: SSW = 112.75 on 24 − 6 = 18 degrees of freedom, MSW = 451/72 ≈ 6.264.
 * Between: SSB = 4·Σ(meanᵢ − 127/24)² = 1349/24 on 5 degrees of freedom, MSB = 1349/120 ≈ 11.242.
 * ICC(1,4) = (MSB − MSW)/MSB = (1349/120 − 451/72)/(1349/120) = 1792/4047 ≈ 0.4428 (the paper's ".44").
 * Balanced, so k₀ = (24 − 6·16/24)/5 = 4.
 */
const shroutFleiss = table([
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
]);

describe("panel reliability", () => {
  it("matches the textbook ICC(1,k) of Shrout & Fleiss", () => {
    const result = panelReliability({ sheets: shroutFleiss });
    expect(result.icc).toBeCloseTo(1792 / 4047, 12);
    expect(result.judgesPerEntry).toBeCloseTo(4, 12);
    expect(result).toMatchObject({ entries: 6, sheets: 24, level: "poor" });
  });

  it("corrects k for an unbalanced panel: k₀ = (N − Σnᵢ²/N)/(n − 1)", () => {
    // 2, 3, 4, 3 and 3 sheets: N = 15, Σnᵢ² = 47, k₀ = (15 − 47/15)/4 = 178/60.
    const result = panelReliability({
      sheets: table([
        [60, 62, null, null],
        [40, 45, 41, null],
        [80, 78, 85, 79],
        [50, null, 55, 52],
        [null, 30, 33, 28],
      ]),
    });
    expect(result.judgesPerEntry).toBeCloseTo(178 / 60, 12);
    expect(result.entries).toBe(5);
    expect(result.sheets).toBe(15);
    expect(result.icc).toBeGreaterThan(0.9);
  });

  it("is 1 when every judge gives each entry the same score", () => {
    const result = panelReliability({
      sheets: table([
        [0.1, 0.1, 0.1],
        [20, 20, 20],
        [35, 35, null],
        [70.3, 70.3, 70.3],
        [90, null, 90],
        [55, 55, 55],
      ]),
    });
    expect(result).toMatchObject({ icc: 1, low: 1, high: 1, level: "excellent" });
  });

  it("is near 0 for pure noise, and 0 rather than negative", () => {
    const random = generator(3);
    const noise = table(Array.from({ length: 200 }, () => [0, 1, 2].map(() => Math.round(100 * random()))));
    const result = panelReliability({ sheets: noise });
    expect(result.icc).toBeLessThan(0.25);
    expect(result.level).toBe("poor");
    // Every entry averages 50 but its judges disagree: MSB = 0 < MSW, a negative estimate, reported as 0.
    const opposed = panelReliability({ sheets: table(Array.from({ length: 6 }, () => [40, 60])) });
    expect(opposed.icc).toBe(0);
    expect(opposed.level).toBe("poor");
  });

  it("leaves out entries with a single sheet", () => {
    const withSingles = [
      ...shroutFleiss,
      { entryId: "alone1", judgeId: "j0", score: 100 },
      { entryId: "alone2", judgeId: "j3", score: 0 },
    ];
    expect(panelReliability({ sheets: withSingles })).toEqual(panelReliability({ sheets: shroutFleiss }));
  });

  it("says unknown with fewer than 5 entries of two or more sheets, or nothing to tell apart", () => {
    const four = table([
      [1, 2],
      [5, 6],
      [7, 9],
      [3, null],
      [4, 4],
    ]);
    expect(panelReliability({ sheets: four })).toEqual({
      icc: null,
      low: null,
      high: null,
      entries: 4,
      sheets: 8,
      judgesPerEntry: null,
      level: "unknown",
    });
    const same = panelReliability({ sheets: table(Array.from({ length: 6 }, () => [50, 50])) });
    expect(same.icc).toBeNull();
    expect(same.level).toBe("unknown");
  });

  it("has a bootstrap interval around the estimate, the same for a seed, whatever the order", () => {
    const random = generator(5);
    const rows = Array.from({ length: 40 }, () => {
      const quality = 100 * random();
      return [0, 1, 2].map(() => Math.round(quality + 30 * (random() - 0.5)));
    });
    const sheets = table(rows);
    const result = panelReliability({ sheets, seed: 7 });
    expect(result.low as number).toBeLessThanOrEqual(result.icc as number);
    expect(result.high as number).toBeGreaterThanOrEqual(result.icc as number);
    expect(result.low as number).toBeLessThan(result.high as number);
    expect(result.high as number).toBeLessThanOrEqual(1);
    expect(panelReliability({ sheets: [...sheets].reverse(), seed: 7 })).toEqual(result);
    const other = panelReliability({ sheets, seed: 8 });
    expect(other.icc).toBe(result.icc);
    expect(other.low).not.toBe(result.low);
    // More resamples, same seed: a similar interval.
    const more = panelReliability({ sheets, seed: 7, resamples: 4000 });
    expect(Math.abs((more.low as number) - (result.low as number))).toBeLessThan(0.03);
  });

  it("refuses non-finite scores, duplicate sheets and bad options", () => {
    expect(() => panelReliability({ sheets: [{ entryId: "a", judgeId: "j", score: Number.NaN }] })).toThrow(RangeError);
    expect(() =>
      panelReliability({
        sheets: [
          { entryId: "a", judgeId: "j", score: 1 },
          { entryId: "a", judgeId: "j", score: 2 },
        ],
      }),
    ).toThrow(/more than one/);
    expect(() => panelReliability({ sheets: shroutFleiss, resamples: 0 })).toThrow(RangeError);
    expect(() => panelReliability({ sheets: shroutFleiss, seed: 0.5 })).toThrow(RangeError);
  });

  it("property: the same answer whatever the order of the sheets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 3, maxLength: 3 }), {
          minLength: 5,
          maxLength: 20,
        }),
        fc.integer(),
        (rows, seed) => {
          const sheets = table(rows);
          const random = generator(seed);
          const shuffled = sheets
            .map((s) => ({ s, key: random() }))
            .sort((a, b) => a.key - b.key)
            .map(({ s }) => s);
          const result = panelReliability({ sheets, resamples: 200 });
          expect(panelReliability({ sheets: shuffled, resamples: 200 })).toEqual(result);
          if (result.icc !== null) {
            expect(result.icc).toBeGreaterThanOrEqual(0);
            expect(result.icc).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("judge agreement", () => {
  it("measures each judge against the mean of the others on shared entries", () => {
    // j0 and j1 agree; j2 gives 10 more to everything; j3 reverses the order; j4 shares only two entries.
    const rows = [
      [10, 10, 20, 90, null],
      [30, 30, 40, 70, 55],
      [50, 50, 60, 50, 35],
      [70, 70, 80, 30, null],
      [90, 90, 100, 10, null],
    ];
    const result = judgeAgreement(table(rows));
    expect(result.map((j) => j.judgeId)).toEqual(["j0", "j1", "j2", "j3", "j4"]);
    const [j0, j1, j2, j3, j4] = result;
    expect(j2?.meanDifference as number).toBeGreaterThan(10);
    expect(j2?.agreement as number).toBeGreaterThan(0.5);
    expect(j3?.agreement as number).toBeLessThan(-0.9);
    expect(j0?.agreement as number).toBeGreaterThan(0.5);
    expect(j1?.agreement).toBeCloseTo(j0?.agreement as number, 12);
    expect(j4).toEqual({ judgeId: "j4", sheets: 2, shared: 2, agreement: null, meanDifference: expect.any(Number) });
  });

  it("computes by hand: a generous judge against two who agree", () => {
    // Entries a–d; j0 and j1 give the same scores, j2 gives 5 more. For j2 the others' mean is j0's score:
    // differences all 5, correlation 1. For j0 the others' mean is (j1 + j2)/2 = score + 2.5: difference −2.5.
    const sheets = table([
      [20, 20, 25],
      [40, 40, 45],
      [60, 60, 65],
      [80, 80, 85],
    ]);
    const [j0, , j2] = judgeAgreement(sheets);
    expect(j2).toEqual({ judgeId: "j2", sheets: 4, shared: 4, agreement: 1, meanDifference: 5 });
    expect(j0?.meanDifference).toBeCloseTo(-2.5, 12);
    expect(j0?.agreement).toBeCloseTo(1, 12);
  });

  it("is null without enough shared entries or without variation, and skips entries scored alone", () => {
    const sheets = table([
      [50, 60],
      [50, 70],
      [50, 80],
      [90, null],
    ]);
    const [flat, other] = judgeAgreement(sheets);
    expect(flat).toMatchObject({ sheets: 4, shared: 3, agreement: null });
    expect(flat?.meanDifference).toBeCloseTo(-20, 12);
    expect(other).toMatchObject({ sheets: 3, shared: 3, agreement: null });
    expect(judgeAgreement([{ entryId: "a", judgeId: "j", score: 1 }])).toEqual([
      { judgeId: "j", sheets: 1, shared: 0, agreement: null, meanDifference: null },
    ]);
  });

  it("refuses non-finite scores and duplicate sheets, and ignores input order", () => {
    expect(() => judgeAgreement([{ entryId: "a", judgeId: "j", score: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
    expect(() =>
      judgeAgreement([
        { entryId: "a", judgeId: "j", score: 1 },
        { entryId: "a", judgeId: "j", score: 1 },
      ]),
    ).toThrow(RangeError);
    expect(judgeAgreement([...shroutFleiss].reverse())).toEqual(judgeAgreement(shroutFleiss));
  });
});
