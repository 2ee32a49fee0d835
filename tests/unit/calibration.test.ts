import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  calibrate,
  entriesNeedingAnotherJudge,
  type CalibratedEntry,
  type Calibration,
  type CalibrationInput,
  type CalibrationSheet,
} from "../../app/models/calibration";
import { computeResults } from "../../app/models/results";

/** A small seeded generator, so the simulated panels below are the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

type Judge = { id: string; severity: number; spread: number; noise: number; random?: boolean };

/**
 * A simulated round: `qualities[e]` is entry e's true quality (sd 1 across entries), each entry gets `perEntry`
 * judges in rotation (so loads are balanced), the rotation slipping by one judge per lap so that every judge shares
 * entries with every other (a plain rotation of 3 among 6 would split the panel into two groups that never meet),
 * and judge j scores 50 + spread·quality − severity + noise, rounded.
 * A judge with `random` scores uniformly on 0–100 whatever the work.
 */
function round(qualities: number[], judges: Judge[], perEntry: number, seed: number): CalibrationInput {
  const { uniform, normal } = generator(seed);
  const sheets: CalibrationSheet[] = [];
  qualities.forEach((quality, e) => {
    for (let k = 0; k < perEntry; k++) {
      const slot = e * perEntry + k;
      const judge = judges[(slot + Math.floor((e * perEntry) / judges.length)) % judges.length] as Judge;
      const score = judge.random
        ? 100 * uniform()
        : 50 + judge.spread * quality - judge.severity + judge.noise * normal();
      sheets.push({ entryId: entryId(e), judgeId: judge.id, score: Math.round(score) });
    }
  });
  return { sheets, categoryOf: Object.fromEntries(qualities.map((_, e) => [entryId(e), "film"])) };
}

const entryId = (e: number) => `e${String(e).padStart(3, "0")}`;

function qualities(count: number, seed: number) {
  const { normal } = generator(seed);
  return Array.from({ length: count }, () => normal());
}

function byId(calibration: Calibration, id: string): CalibratedEntry {
  const entry = calibration.entries.find((e) => e.entryId === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

/** Kendall's τ-b between two lists of scores (null scores left out). */
function kendall(a: (number | null)[], b: number[]) {
  let concordant = 0;
  let discordant = 0;
  let tiesA = 0;
  let tiesB = 0;
  for (let i = 0; i < a.length; i++) {
    for (let k = i + 1; k < a.length; k++) {
      if (a[i] == null || a[k] == null) continue;
      const da = Math.sign((a[i] as number) - (a[k] as number));
      const db = Math.sign((b[i] as number) - (b[k] as number));
      if (da === 0 && db === 0) continue;
      if (da === 0) tiesA++;
      else if (db === 0) tiesB++;
      else if (da === db) concordant++;
      else discordant++;
    }
  }
  return (concordant - discordant) / Math.sqrt((concordant + discordant + tiesA) * (concordant + discordant + tiesB));
}

/** The plain z-score method on the same sheets: computeResults with one criterion worth 100 points on 0–100. */
function zScores(input: CalibrationInput) {
  const results = computeResults({
    criteria: [{ id: "total", weight: 100 }],
    scale: { min: 0, max: 100 },
    scores: input.sheets.map((s) => ({ entryId: s.entryId, judgeId: s.judgeId, criterionScores: { total: s.score } })),
    categoryOf: input.categoryOf,
  });
  return (id: string) => results.entries.find((e) => e.entryId === id)?.normalisedMean ?? null;
}

const steadyPanel = (count: number, noise = 4): Judge[] =>
  Array.from({ length: count }, (_, j) => ({ id: `j${j}`, severity: 0, spread: 12, noise }));

describe("calibrate: input", () => {
  const categoryOf = { a: "film", b: "film" };

  it("refuses sheets for unknown entries, non-finite scores and duplicate sheets", () => {
    expect(() => calibrate({ sheets: [{ entryId: "x", judgeId: "j", score: 1 }], categoryOf })).toThrow(RangeError);
    expect(() => calibrate({ sheets: [{ entryId: "a", judgeId: "j", score: Number.NaN }], categoryOf })).toThrow(
      RangeError,
    );
    expect(() =>
      calibrate({ sheets: [{ entryId: "a", judgeId: "j", score: Number.POSITIVE_INFINITY }], categoryOf }),
    ).toThrow(RangeError);
    expect(() =>
      calibrate({
        sheets: [
          { entryId: "a", judgeId: "j", score: 1 },
          { entryId: "a", judgeId: "j", score: 2 },
        ],
        categoryOf,
      }),
    ).toThrow(/more than one/);
  });

  it("refuses invalid options", () => {
    expect(() => calibrate({ sheets: [], categoryOf, places: 0 })).toThrow(RangeError);
    expect(() => calibrate({ sheets: [], categoryOf, confidence: 1 })).toThrow(RangeError);
    expect(() => calibrate({ sheets: [], categoryOf, draws: 1.5 })).toThrow(RangeError);
    expect(() => calibrate({ sheets: [], categoryOf, minSheets: 1 })).toThrow(RangeError);
  });
});

describe("calibrate: too few sheets", () => {
  it("says so with one judge, or with judges who share fewer than 3 entries, and scores nothing", () => {
    const truth = qualities(8, 1);
    const alone = round(truth, steadyPanel(1), 1, 1);
    const one = calibrate(alone);
    expect(one.status).toBe("too_few_sheets");
    expect(one.entries.every((e) => e.score === null && e.rank === null && e.topProbability === null)).toBe(true);
    expect(one.closeBoundaries).toEqual([]);

    // Two judges, four entries each, sharing only two.
    const sheets: CalibrationSheet[] = [];
    for (let e = 0; e < 4; e++) sheets.push({ entryId: entryId(e), judgeId: "a", score: 10 * e });
    for (let e = 2; e < 6; e++) sheets.push({ entryId: entryId(e), judgeId: "b", score: 10 * e + 5 });
    const categoryOf = Object.fromEntries(Array.from({ length: 6 }, (_, e) => [entryId(e), "film"]));
    const apart = calibrate({ sheets, categoryOf });
    expect(apart.status).toBe("too_few_sheets");
    expect(apart.judges.map((j) => j.noWeight)).toEqual([null, null]);
    // One more shared entry is enough.
    sheets.push({ entryId: entryId(1), judgeId: "b", score: 3 });
    expect(calibrate({ sheets, categoryOf }).status).toBe("fitted");
  });

  it("gives no weight to a judge with fewer than minSheets sheets or no spread", () => {
    const input = round(qualities(12, 2), steadyPanel(4), 3, 2);
    input.sheets.push(
      { entryId: entryId(0), judgeId: "few", score: 90 },
      { entryId: entryId(1), judgeId: "few", score: 10 },
    );
    for (let e = 0; e < 5; e++) input.sheets.push({ entryId: entryId(e), judgeId: "flat", score: 70 });
    const result = calibrate(input);
    const judge = (id: string) => result.judges.find((j) => j.judgeId === id);
    expect(judge("few")).toEqual({
      judgeId: "few",
      sheets: 2,
      noWeight: "too_few_sheets",
      severity: null,
      consistency: null,
    });
    expect(judge("flat")).toEqual({
      judgeId: "flat",
      sheets: 5,
      noWeight: "no_spread",
      severity: null,
      consistency: null,
    });
    expect(byId(result, entryId(0))).toMatchObject({ judgeCount: 3, ignoredSheets: 2 });
    // With minSheets 2, the two sheets count.
    expect(calibrate({ ...input, minSheets: 2 }).judges.find((j) => j.judgeId === "few")?.noWeight).toBeNull();
  });
});

describe("calibrate: output", () => {
  const truth = qualities(30, 3);
  const input = round(truth, steadyPanel(6), 3, 3);
  input.categoryOf = { ...input.categoryOf, unscored: "film" };
  const result = calibrate(input);

  it("scores on the z-score reading, with intervals, ranks and every judge", () => {
    expect(result.status).toBe("fitted");
    expect(result.converged).toBe(true);
    const scored = result.entries.filter((e) => e.score !== null);
    expect(scored).toHaveLength(30);
    for (const e of scored) {
      expect(e.sd).toBeGreaterThan(0);
      expect(e.low).toBeCloseTo((e.score as number) - 1.6448536269514722 * (e.sd as number), 9);
      expect(e.high).toBeCloseTo((e.score as number) + 1.6448536269514722 * (e.sd as number), 9);
      expect(e.judgeCount).toBe(3);
    }
    // 50 is an average work: the scores centre there.
    const mean = scored.reduce((sum, e) => sum + (e.score as number), 0) / scored.length;
    expect(Math.abs(mean - 50)).toBeLessThan(5);
    expect(scored.map((e) => e.rank)).toEqual(scored.map((_, i) => i + 1));
    expect(result.judges.map((j) => j.judgeId)).toEqual(["j0", "j1", "j2", "j3", "j4", "j5"]);
    expect(Math.max(...result.judges.map((j) => j.consistency as number))).toBe(1);
  });

  it("lists an entry nobody scored last, unranked", () => {
    expect(result.entries.at(-1)).toEqual({
      entryId: "unscored",
      category: "film",
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
  });

  it("orders close to the truth with steady judges", () => {
    const scores = truth.map((_, e) => byId(result, entryId(e)).score);
    expect(kendall(scores, truth)).toBeGreaterThan(0.8);
  });

  it("shares a rank between entries with the same sheets", () => {
    const sheets: CalibrationSheet[] = [];
    const scores = [
      [60, 70, 80],
      [60, 70, 80],
      [40, 45, 55],
      [20, 30, 30],
    ];
    scores.forEach((row, e) => row.forEach((score, j) => sheets.push({ entryId: `e${e}`, judgeId: `j${j}`, score })));
    const tied = calibrate({ sheets, categoryOf: { e0: "film", e1: "film", e2: "film", e3: "film" } });
    expect(tied.entries.map((e) => [e.entryId, e.rank, e.tied])).toEqual([
      ["e0", 1, true],
      ["e1", 1, true],
      ["e2", 3, false],
      ["e3", 4, false],
    ]);
  });
});

describe("calibrate: judges' habits", () => {
  it("a harsh judge who drew the same works as a lenient one moves nothing, and reads as harsher by the gap", () => {
    const truth = qualities(12, 4);
    const lenient = round(truth, steadyPanel(3), 3, 4);
    // j1 gives exactly j0's scores minus 20 points: same works, same view, harsher.
    const harsh: CalibrationInput = {
      ...lenient,
      sheets: lenient.sheets.map((s) =>
        s.judgeId === "j1"
          ? {
              ...s,
              score: (lenient.sheets.find((t) => t.judgeId === "j0" && t.entryId === s.entryId)?.score ?? 0) - 20,
            }
          : s,
      ),
    };
    const same: CalibrationInput = {
      ...lenient,
      sheets: harsh.sheets.map((s) => (s.judgeId === "j1" ? { ...s, score: s.score + 20 } : s)),
    };
    const a = calibrate(harsh);
    const b = calibrate(same);
    expect(a.entries.map((e) => [e.entryId, e.rank])).toEqual(b.entries.map((e) => [e.entryId, e.rank]));
    a.entries.forEach((e, i) => expect(e.score).toBeCloseTo(b.entries[i]?.score as number, 9));
    const severity = (c: Calibration, id: string) => c.judges.find((j) => j.judgeId === id)?.severity as number;
    expect(severity(a, "j1") - severity(a, "j0")).toBeCloseTo(20, 9);
    expect(severity(b, "j1") - severity(b, "j0")).toBeCloseTo(0, 9);
  });

  it("reads a judge's severity in their own points", () => {
    const truth = qualities(40, 5);
    const judges: Judge[] = [...steadyPanel(5, 2), { id: "harsh", severity: 15, spread: 12, noise: 2 }];
    const result = calibrate(round(truth, judges, 3, 5));
    const harsh = result.judges.find((j) => j.judgeId === "harsh")?.severity as number;
    const others = result.judges.filter((j) => j.judgeId !== "harsh").map((j) => j.severity as number);
    // The typical judge is the mean of all six, so the others sit at −15/6 and the harsh one at +15·5/6.
    expect(harsh).toBeGreaterThan(10);
    expect(harsh).toBeLessThan(15);
    for (const s of others) expect(Math.abs(s)).toBeLessThan(5);
  });

  it("gives an erratic judge low consistency and less say than the plain z-score mean does", () => {
    const truth = qualities(60, 6);
    const judges: Judge[] = [...steadyPanel(7), { id: "erratic", severity: 0, spread: 0, noise: 0, random: true }];
    const input = round(truth, judges, 3, 6);
    const result = calibrate(input);
    const erratic = result.judges.find((j) => j.judgeId === "erratic");
    expect(erratic?.consistency).toBeLessThan(0.25);
    for (const j of result.judges) if (j.judgeId !== "erratic") expect(j.consistency).toBeGreaterThan(0.4);

    // Influence: move the erratic judge's score on one entry by 10 points and see how far the entry moves.
    const target = input.sheets.find((s) => s.judgeId === "erratic") as CalibrationSheet;
    const nudged = {
      ...input,
      sheets: input.sheets.map((s) => (s === target ? { ...s, score: s.score + 10 } : s)),
    };
    const calibratedMove = Math.abs(
      (byId(calibrate(nudged), target.entryId).score as number) - (byId(result, target.entryId).score as number),
    );
    const zMove = Math.abs((zScores(nudged)(target.entryId) as number) - (zScores(input)(target.entryId) as number));
    expect(calibratedMove).toBeLessThan(0.5 * zMove);

    const z = zScores(input);
    const calibratedTau = kendall(
      truth.map((_, e) => byId(result, entryId(e)).score),
      truth,
    );
    const zTau = kendall(
      truth.map((_, e) => z(entryId(e))),
      truth,
    );
    expect(calibratedTau).toBeGreaterThan(zTau);
  });

  /*
   * Judges who drew different slices of the field. 24 entries of quality 0..23; five judges each score eight
   * consecutive ones, starting at 0, 4, 8, 12 and 16, so neighbouring judges share four entries and the first and
   * last four entries have one judge. Judge k scores 20 + 3·quality + offset_k (offsets 0, +5, −5, +3, −3) with a
   * little noise: equally consistent, different severities, and batches from weakest to strongest.
   *
   * The z-score standardises each judge over their own slice, so every judge's best work gets about +1.5 and worst
   * about −1.5: entry 7 (top of judge 0's slice, bottom of judge 1's) averages to about 0, as does entry 19, and much of the
   * order across slices is lost. The calibration follows the chain of shared entries, gives the judge of the
   * strongest slice the most negative offset, and puts the field back in order; it also sees that the judges'
   * severities are the designed offsets, although their average scores differ by 48 points.
   */
  it("corrects judges who drew stronger or weaker batches, where the z-score cannot", () => {
    const { normal } = generator(7);
    const offsets = [0, 5, -5, 3, -3];
    const sheets: CalibrationSheet[] = [];
    offsets.forEach((offset, k) => {
      for (let e = 4 * k; e < 4 * k + 8; e++) {
        sheets.push({ entryId: entryId(e), judgeId: `j${k}`, score: 20 + 3 * e + offset + 0.5 * normal() });
      }
    });
    const truth = Array.from({ length: 24 }, (_, e) => e);
    const input = { sheets, categoryOf: Object.fromEntries(truth.map((e) => [entryId(e), "film"])) };
    const result = calibrate(input);
    const z = zScores(input);
    expect(
      kendall(
        truth.map((e) => byId(result, entryId(e)).score),
        truth,
      ),
    ).toBeGreaterThan(0.95);
    expect(
      kendall(
        truth.map((e) => z(entryId(e))),
        truth,
      ),
    ).toBeLessThan(0.7);
    const severity = result.judges.map((j) => j.severity as number);
    offsets.forEach((offset, k) => {
      // Positive severity gives fewer points: the judge with offset +5 is 5 points more generous than judge 0.
      expect(Math.abs(severity[k]! - severity[0]! - (offsets[0]! - offset))).toBeLessThan(2.5);
    });
  });

  it("narrows the intervals when more judges score each entry", () => {
    const truth = qualities(24, 8);
    const three = calibrate(round(truth, steadyPanel(6), 3, 8));
    const six = calibrate(round(truth, steadyPanel(6), 6, 8));
    for (let e = 0; e < truth.length; e++) {
      expect(byId(six, entryId(e)).sd as number).toBeLessThan(byId(three, entryId(e)).sd as number);
    }
  });
});

describe("calibrate: chances of a place and close boundaries", () => {
  it("hands out exactly `places` places per category, 1 and 0 for clear cases", () => {
    const truth = qualities(40, 9);
    truth[0] = 6; // far ahead of everyone
    const input = round(truth, steadyPanel(6), 3, 9);
    input.categoryOf = Object.fromEntries(truth.map((_, e) => [entryId(e), e % 2 === 0 ? "film" : "music"]));
    for (const places of [1, 3, 5]) {
      const result = calibrate({ ...input, places });
      for (const category of ["film", "music"]) {
        const sum = result.entries
          .filter((e) => e.category === category)
          .reduce((total, e) => total + (e.topProbability as number), 0);
        expect(sum).toBeCloseTo(places, 9);
      }
      expect(byId(result, entryId(0)).topProbability).toBe(1);
      // The weakest entries of each category have no chance at all.
      for (const category of ["film", "music"]) {
        expect(result.entries.filter((e) => e.category === category).at(-1)?.topProbability).toBe(0);
      }
    }
    // A category with no more entries than places: everyone is in.
    const small = calibrate({ ...input, places: 30 });
    expect(small.entries.every((e) => e.topProbability === 1)).toBe(true);
  });

  it("is deterministic for a seed, and the draws only move the chances by Monte Carlo error", () => {
    const input = round(qualities(30, 10), steadyPanel(6, 8), 3, 10);
    expect(calibrate(input)).toEqual(calibrate(input));
    const a = calibrate({ ...input, seed: 1 });
    const b = calibrate({ ...input, seed: 2 });
    a.entries.forEach((e, i) => {
      // 2,000 draws: a standard error of at most 1.1 points, so 6 points is far beyond chance.
      expect(Math.abs((e.topProbability as number) - (b.entries[i]?.topProbability as number))).toBeLessThan(0.06);
    });
  });

  it("draws the same chances as working out every contender's normal draw", () => {
    // A panel that agrees on nothing: all 300 entries of each category contend, and most of each draw's values
    // end far below the third place, where the chances skip working out their draws. The figures are those the
    // Monte Carlo gave when it worked out every draw, at a draw count within the budget and one cut by it.
    const { uniform } = generator(21);
    const sheets: CalibrationSheet[] = [];
    const categoryOf: Record<string, string> = {};
    for (let e = 0; e < 600; e++) {
      categoryOf[entryId(e)] = e % 2 ? "film" : "music";
      for (let k = 0; k < 3; k++) {
        const judgeId = `j${(e * 3 + k + Math.floor(e / 4)) % 12}`;
        sheets.push({ entryId: entryId(e), judgeId, score: Math.round(100 * uniform()) });
      }
    }
    const fingerprint = (draws: number) => {
      const chances = calibrate({ sheets, categoryOf, draws }).entries.map((e) => e.topProbability as number);
      return {
        drawn: chances.filter((c) => c > 0).length,
        weighted: chances.reduce((sum, c, i) => sum + c * (i + 1), 0),
        first: chances.slice(0, 4),
      };
    };
    const within = fingerprint(2000);
    expect(within.drawn).toBe(600);
    expect(within.weighted).toBeCloseTo(1583.240096038416, 9);
    expect(within.first).toEqual([0.027611044417767107, 0.0234093637454982, 0.019807923169267706, 0.02460984393757503]);
    const cut = fingerprint(300);
    expect(cut.drawn).toBe(538);
    expect(cut.weighted).toBeCloseTo(1574.6033333333335, 9);
    expect(cut.first).toEqual([0.02666666666666667, 0.02, 0.03, 0.03]);
  });

  it("flags a boundary within noise, not one far apart", () => {
    const sheets: CalibrationSheet[] = [];
    // Six judges; entries: a clear winner, two near-equal seconds, then the rest well spread.
    const means = [95, 70, 69.5, 40, 30, 20, 10];
    const { normal } = generator(11);
    means.forEach((mean, e) => {
      for (let j = 0; j < 6; j++) sheets.push({ entryId: `e${e}`, judgeId: `j${j}`, score: mean + 3 * normal() });
    });
    const categoryOf = Object.fromEntries(means.map((_, e) => [`e${e}`, "film"]));
    const result = calibrate({ sheets, categoryOf });
    expect(result.closeBoundaries).toHaveLength(1);
    const [boundary] = result.closeBoundaries;
    expect(boundary?.place).toBe(2);
    expect(new Set([boundary?.upper, boundary?.lower])).toEqual(new Set(["e1", "e2"]));
    expect(boundary?.probability).toBeGreaterThanOrEqual(0.5);
    expect(boundary?.probability).toBeLessThan(0.9);
    expect(entriesNeedingAnotherJudge(result)).toEqual(["e1", "e2"]);
    // A stricter confidence finds nothing more here; a looser one finds nothing at all.
    expect(calibrate({ sheets, categoryOf, confidence: 0.999 }).closeBoundaries).toHaveLength(1);
    expect(calibrate({ sheets, categoryOf, confidence: 0.5 }).closeBoundaries).toHaveLength(0);
  });
});

/*
 * Properties, on small random rounds: 3–6 judges, 5–14 entries, each cell scored (an integer 0–100) or not, in one
 * or two categories. Judge j0 scores every entry, so they carry weight when their scores vary.
 */
type Grid = { cells: (number | null)[][]; categories: number[] };
const gridArb = fc
  .record({ judges: fc.integer({ min: 3, max: 6 }), entries: fc.integer({ min: 5, max: 14 }) })
  .chain(({ judges, entries }) =>
    fc.record({
      cells: fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 3 }), {
          minLength: entries,
          maxLength: entries,
        }),
        { minLength: judges, maxLength: judges },
      ),
      categories: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: entries, maxLength: entries }),
    }),
  )
  .map(({ cells, categories }): Grid => {
    const [first, ...rest] = cells;
    return { cells: [(first ?? []).map((c, e) => c ?? 10 * e), ...rest], categories };
  });

function gridInput(grid: Grid, transform: (judge: number, score: number) => number = (_, s) => s): CalibrationInput {
  const sheets: CalibrationSheet[] = [];
  grid.cells.forEach((row, j) =>
    row.forEach((score, e) => {
      if (score !== null) sheets.push({ entryId: entryId(e), judgeId: `j${j}`, score: transform(j, score) });
    }),
  );
  return {
    sheets,
    categoryOf: Object.fromEntries(grid.categories.map((c, e) => [entryId(e), `cat${c}`])),
    draws: 500,
  };
}

function expectSameEntries(a: Calibration, b: Calibration, tolerance: number) {
  expect(a.status).toBe(b.status);
  expect(a.entries.map((e) => [e.entryId, e.rank, e.tied, e.judgeCount])).toEqual(
    b.entries.map((e) => [e.entryId, e.rank, e.tied, e.judgeCount]),
  );
  a.entries.forEach((e, i) => {
    const f = b.entries[i] as CalibratedEntry;
    for (const key of ["score", "sd", "low", "high", "topProbability"] as const) {
      if (e[key] === null) expect(f[key]).toBeNull();
      else expect(Math.abs((e[key] as number) - (f[key] as number))).toBeLessThan(tolerance);
    }
  });
  expect(a.closeBoundaries.map((c) => [c.category, c.place, c.upper, c.lower])).toEqual(
    b.closeBoundaries.map((c) => [c.category, c.place, c.upper, c.lower]),
  );
}

describe("calibrate: properties", () => {
  it("a shift and a positive stretch of one judge's scores change no score, interval, chance or rank", () => {
    fc.assert(
      fc.property(
        gridArb,
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (grid, pick, stretch, shift) => {
          const judge = pick % grid.cells.length;
          const before = calibrate(gridInput(grid));
          const after = calibrate(gridInput(grid, (j, s) => (j === judge ? stretch * s + shift : s)));
          expectSameEntries(before, after, 1e-9);
          before.judges.forEach((j, k) => {
            const c = after.judges[k]?.consistency;
            if (j.consistency === null) expect(c).toBeNull();
            else expect(Math.abs(j.consistency - (c as number))).toBeLessThan(1e-9);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a judge who gives everyone the same score carries no weight: as if their sheets were not there", () => {
    fc.assert(
      fc.property(
        gridArb,
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        (grid, flat, picks) => {
          const without = gridInput(grid);
          const extra = Object.keys(without.categoryOf).filter((_, e) => picks[e]);
          const withFlat = {
            ...without,
            sheets: [...without.sheets, ...extra.map((id) => ({ entryId: id, judgeId: "flat", score: flat }))],
          };
          const a = calibrate(withFlat);
          const b = calibrate(without);
          b.entries.forEach((e) => {
            const withIt = a.entries.find((f) => f.entryId === e.entryId);
            expect(withIt?.ignoredSheets).toBe(e.ignoredSheets + (extra.includes(e.entryId) ? 1 : 0));
          });
          expect({
            ...a,
            entries: a.entries.map((e) => ({ ...e, ignoredSheets: 0 })),
            judges: a.judges.filter((j) => j.judgeId !== "flat"),
          }).toEqual({
            ...b,
            entries: b.entries.map((e) => ({ ...e, ignoredSheets: 0 })),
          });
          if (extra.length > 0) expect(a.judges.find((j) => j.judgeId === "flat")?.noWeight).not.toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });

  it("is bit-for-bit the same whatever order the sheets and entries come in", () => {
    fc.assert(
      fc.property(gridArb, fc.integer(), (grid, seed) => {
        const input = gridInput(grid);
        const { uniform } = generator(seed);
        const shuffle = <T>(items: T[]) =>
          items
            .map((item) => ({ item, key: uniform() }))
            .sort((x, y) => x.key - y.key)
            .map(({ item }) => item);
        const shuffled = {
          ...input,
          sheets: shuffle(input.sheets),
          categoryOf: Object.fromEntries(shuffle(Object.entries(input.categoryOf))),
        };
        expect(calibrate(shuffled)).toEqual(calibrate(input));
      }),
      { numRuns: 150 },
    );
  });
});
