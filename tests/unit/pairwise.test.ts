import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ADAPTIVE_AFTER,
  fitBradleyTerry,
  mergeCategoryOrders,
  nextPair,
  reachedTarget,
  type Judgement,
  type PairwiseFit,
  type PairwiseItem,
} from "../../app/models/pairwise";

const IDS6 = ["a", "b", "c", "d", "e", "f"];

function won(winnerId: string, loserId: string, judgeId = "j1"): Judgement {
  return { winnerId, loserId, judgeId };
}

/** `times` copies of each judgement. */
function repeat(judgements: Judgement[], times: number): Judgement[] {
  return Array.from({ length: times }, () => judgements).flat();
}

function item(fit: PairwiseFit, id: string): PairwiseItem {
  const found = fit.items.find((i) => i.id === id);
  if (!found) throw new Error(`no work ${id}`);
  return found;
}

function abilities(fit: PairwiseFit, ids: string[]): number[] {
  return ids.map((id) => item(fit, id).ability);
}

/** A small seeded generator (mulberry32), so the simulated judgements are the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Judges taking turns with nextPair, deciding by the Bradley–Terry probability of `truth`. With `adaptive` false,
 * nextPair is given a fit where every ability is equal, so it pairs at random (balanced) throughout.
 */
function simulate(
  truth: Record<string, number>,
  judges: string[],
  count: number,
  random: () => number,
  options: { adaptive?: boolean; after?: (judgements: Judgement[], shown: [string, string]) => void } = {},
): Judgement[] {
  const ids = Object.keys(truth);
  const flat = fitBradleyTerry(ids, []);
  const judgements: Judgement[] = [];
  for (let turn = 0; judgements.length < count; turn++) {
    const judgeId = judges[turn % judges.length]!;
    const fit = options.adaptive === false ? flat : fitBradleyTerry(ids, judgements);
    const pair = nextPair({ ids, judgements, judgeId, fit });
    if (!pair) throw new Error(`judge ${judgeId} ran out of pairs`);
    const [left, right] = pair;
    const leftWins = random() < logistic(truth[left]! - truth[right]!);
    judgements.push(leftWins ? won(left, right, judgeId) : won(right, left, judgeId));
    options.after?.(judgements, pair);
  }
  return judgements;
}

/**
 * Maximum likelihood by Hunter's (2004) MM algorithm, independent of the module's Newton–Raphson:
 * γᵢ ← Wᵢ / Σⱼ nᵢⱼ / (γᵢ + γⱼ), abilities log γ centred. Needs every work to have won and lost at least once.
 */
function mmAbilities(ids: string[], judgements: Judgement[]): number[] {
  const n = ids.length;
  const at = new Map(ids.map((id, i) => [id, i]));
  const wins = new Array<number>(n).fill(0);
  const met = ids.map(() => new Array<number>(n).fill(0));
  for (const j of judgements) {
    const w = at.get(j.winnerId)!;
    const l = at.get(j.loserId)!;
    wins[w]!++;
    met[w]![l]!++;
    met[l]![w]!++;
  }
  let gamma = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const next = gamma.map(
      (g, i) => wins[i]! / met[i]!.reduce((sum, m, k) => sum + (m > 0 ? m / (g + gamma[k]!) : 0), 0),
    );
    const change = Math.max(...next.map((g, i) => Math.abs(Math.log(g / gamma[i]!))));
    gamma = next;
    if (change < 1e-14) break;
  }
  const logs = gamma.map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  return logs.map((x) => x - mean);
}

/**
 * Standard errors of centred abilities computed another way: fix the last work at 0 (the usual reference
 * parameterisation), invert the other works' information matrix by Gauss–Jordan, then centre the covariance.
 */
function referenceStandardErrors(ids: string[], judgements: Judgement[], theta: number[]): number[] {
  const n = ids.length;
  const at = new Map(ids.map((id, i) => [id, i]));
  const info = ids.map(() => new Array<number>(n).fill(0));
  for (const j of judgements) {
    const a = at.get(j.winnerId)!;
    const b = at.get(j.loserId)!;
    const p = logistic(theta[a]! - theta[b]!);
    const v = p * (1 - p);
    info[a]![a]! += v;
    info[b]![b]! += v;
    info[a]![b]! -= v;
    info[b]![a]! -= v;
  }
  const m = n - 1;
  const work = info
    .slice(0, m)
    .map((row, i) => [...row.slice(0, m), ...Array.from({ length: m }, (_, k) => +(k === i))]);
  for (let c = 0; c < m; c++) {
    const pivot = work[c]![c]!;
    for (let k = 0; k < 2 * m; k++) work[c]![k]! /= pivot;
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const factor = work[r]![c]!;
      for (let k = 0; k < 2 * m; k++) work[r]![k]! -= factor * work[c]![k]!;
    }
  }
  const cov = ids.map((_, i) => ids.map((_, k) => (i < m && k < m ? work[i]![m + k]! : 0)));
  const rowMean = cov.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const grand = rowMean.reduce((a, b) => a + b, 0) / n;
  return ids.map((_, i) => Math.sqrt(cov[i]![i]! - 2 * rowMean[i]! + grand));
}

/** Every work has won and lost, and the outcomes are not a clean order: maximum likelihood exists. */
const connected: Judgement[] = [
  ...repeat([won("a", "b")], 3),
  won("b", "a"),
  ...repeat([won("b", "c")], 2),
  won("c", "b"),
  won("c", "d"),
  won("c", "d"),
  won("d", "c"),
  won("d", "e"),
  won("e", "d"),
  won("e", "a"),
  won("a", "c"),
  won("c", "a"),
  won("b", "d"),
  won("b", "e"),
  won("e", "c"),
];
const connectedIds = ["a", "b", "c", "d", "e"];

describe("fitting the Bradley–Terry model", () => {
  it("orders a transitive set of outcomes the way the judges did", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const judgements = ids.flatMap((stronger, i) => ids.slice(i + 1).map((weaker) => won(stronger, weaker)));
    const fit = fitBradleyTerry(ids, repeat(judgements, 2));
    expect(fit.items.map((i) => [i.id, i.rank, i.tied])).toEqual(ids.map((id, i) => [id, i + 1, false]));
    const values = abilities(fit, ids);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
    expect(item(fit, "a")).toMatchObject({ wins: 8, losses: 0, comparisons: 8 });
    expect(item(fit, "e")).toMatchObject({ wins: 0, losses: 8, comparisons: 8 });
  });

  it("gives a work that won everything a finite ability and rank 1, and one that lost everything the last rank", () => {
    const judgements = [
      won("star", "b"),
      won("star", "c"),
      won("star", "d"),
      won("b", "c"),
      won("c", "d"),
      won("d", "b"),
    ];
    const fit = fitBradleyTerry(["b", "c", "d", "star", "last"], [...judgements, won("b", "last"), won("d", "last")]);
    const star = item(fit, "star");
    expect(star.rank).toBe(1);
    expect(Number.isFinite(star.ability) && Number.isFinite(star.se)).toBe(true);
    expect(star.ability).toBeGreaterThan(0.5);
    expect(star.ability).toBeLessThan(5);
    expect(item(fit, "last").rank).toBe(5);
    expect(Number.isFinite(item(fit, "last").ability)).toBe(true);
  });

  it("centres abilities: they add up to 0", () => {
    fc.assert(
      fc.property(judgementsOver(6), (judgements) => {
        const fit = fitBradleyTerry(IDS6, judgements);
        const sum = fit.items.reduce((total, i) => total + i.ability, 0);
        const scale = Math.max(1, ...fit.items.map((i) => Math.abs(i.ability)));
        expect(Math.abs(sum)).toBeLessThan(1e-12 * scale * IDS6.length);
      }),
      { numRuns: 200 },
    );
  });

  it("matches the hand-worked two-work example: 3 wins of 4 is log 3 logits apart", () => {
    const judgements = [...repeat([won("A", "B")], 3), won("B", "A")];
    // Practically no prior: maximum likelihood, θA − θB = log 3, se of each centred ability 1 / (2·√(n·p·(1 − p))).
    const ml = fitBradleyTerry(["A", "B"], judgements, { priorSd: 1e6 });
    expect(item(ml, "A").ability).toBeCloseTo(Math.log(3) / 2, 10);
    expect(item(ml, "B").ability).toBeCloseTo(-Math.log(3) / 2, 10);
    expect(item(ml, "A").se).toBeCloseTo(1 / (2 * Math.sqrt(4 * 0.75 * 0.25)), 10);
    // With the default prior (sd 2): θA = t solves 3 − 4·σ(2t) − t/4 = 0, and se² = 1 / (2·(2·4·p·(1 − p) + 1/4)).
    const map = fitBradleyTerry(["A", "B"], judgements);
    const t = item(map, "A").ability;
    expect(3 - 4 * logistic(2 * t) - t / 4).toBeCloseTo(0, 12);
    expect(t).toBeLessThan(Math.log(3) / 2);
    const p = logistic(2 * t);
    expect(item(map, "A").se).toBeCloseTo(Math.sqrt(1 / (2 * (8 * p * (1 - p) + 0.25))), 12);
  });

  it("agrees with Hunter's MM algorithm when the prior is negligible", () => {
    const fit = fitBradleyTerry(connectedIds, connected, { priorSd: 1e6 });
    const mm = mmAbilities(connectedIds, connected);
    const newton = abilities(fit, connectedIds);
    for (let i = 0; i < mm.length; i++) expect(newton[i]).toBeCloseTo(mm[i]!, 8);
  });

  it("finds the maximum a posteriori: the gradient of the log-posterior is 0 at the fitted abilities", () => {
    const priorSd = 2;
    const fit = fitBradleyTerry(connectedIds, connected, { priorSd });
    const theta = Object.fromEntries(fit.items.map((i) => [i.id, i.ability]));
    const gradient = Object.fromEntries(connectedIds.map((id) => [id, -theta[id]! / priorSd ** 2]));
    for (const j of connected) {
      const surprise = 1 - logistic(theta[j.winnerId]! - theta[j.loserId]!);
      gradient[j.winnerId]! += surprise;
      gradient[j.loserId]! -= surprise;
    }
    for (const id of connectedIds) expect(Math.abs(gradient[id]!)).toBeLessThan(1e-9);
  });

  it("gives the standard errors of centred abilities, as an independent reference-work calculation does", () => {
    const fit = fitBradleyTerry(connectedIds, connected, { priorSd: 1e6 });
    const theta = abilities(fit, connectedIds);
    const expected = referenceStandardErrors(connectedIds, connected, theta);
    const se = connectedIds.map((id) => item(fit, id).se);
    for (let i = 0; i < se.length; i++) expect(se[i]).toBeCloseTo(expected[i]!, 6);
  });

  it("gives bit-identical fits whatever order the works and judgements arrive in", () => {
    fc.assert(
      fc.property(
        judgementsOver(6).chain((judgements) =>
          fc.tuple(
            fc.constant(judgements),
            fc.shuffledSubarray(judgements, { minLength: judgements.length }),
            fc.shuffledSubarray(IDS6, { minLength: IDS6.length }),
          ),
        ),
        ([judgements, shuffled, ids]) => {
          expect(fitBradleyTerry(ids, shuffled)).toStrictEqual(fitBradleyTerry(IDS6, judgements));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("shrinks standard errors as comparisons grow", () => {
    let previous = Infinity;
    for (const times of [1, 2, 4, 8, 16]) {
      const fit = fitBradleyTerry(connectedIds, repeat(connected, times));
      const largest = Math.max(...fit.items.map((i) => i.se));
      expect(largest).toBeLessThan(previous);
      previous = largest;
    }
  });

  it("raises the reliability as comparisons grow between works that differ", () => {
    // Mean over 8 simulated rounds at 3, 6, 12 and 24 comparisons per work, so one lucky round cannot decide.
    const truth = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`w${i}`, (i - 5.5) * 0.4]));
    const ids = Object.keys(truth);
    const checkpoints = [18, 36, 72, 144];
    const sums = checkpoints.map(() => 0);
    for (let seed = 0; seed < 8; seed++) {
      simulate(truth, ["j1", "j2", "j3"], 144, generator(seed), {
        after: (judgements) => {
          const at = checkpoints.indexOf(judgements.length);
          if (at >= 0) sums[at]! += fitBradleyTerry(ids, judgements).reliability!;
        },
      });
    }
    const means = sums.map((sum) => sum / 8);
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]! + 0.02);
    expect(means.at(-1)!).toBeGreaterThan(0.8);
  });

  it("keeps the reliability near 0 when equal works are decided by coin flips", () => {
    // Random pairs: adaptive pairing makes the reliability overstate itself (see nextPair and the simulation).
    const values = Array.from({ length: 40 }, (_, seed) => {
      const truth = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`w${i}`, 0]));
      const judgements = simulate(truth, ["j1", "j2", "j3", "j4"], 100, generator(seed), { adaptive: false });
      return fitBradleyTerry(Object.keys(truth), judgements).reliability!;
    });
    const sorted = [...values].sort((a, b) => a - b);
    expect(sorted[20]!).toBeLessThan(0.1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeLessThan(0.2);
  });

  it("computes the reliability as (sample variance − mean squared se) / sample variance", () => {
    const fit = fitBradleyTerry(connectedIds, repeat(connected, 3));
    const n = fit.items.length;
    const variance = fit.items.reduce((sum, i) => sum + i.ability ** 2, 0) / (n - 1);
    const errors = fit.items.reduce((sum, i) => sum + i.se ** 2, 0) / n;
    expect(fit.reliability).toBeGreaterThan(0);
    expect(fit.reliability).toBeCloseTo((variance - errors) / variance, 12);
  });

  it("has no reliability for fewer than 3 works or no judgements, and 0 when every work is equal", () => {
    expect(fitBradleyTerry(["a", "b"], [won("a", "b")]).reliability).toBeNull();
    expect(fitBradleyTerry(["a", "b", "c"], []).reliability).toBeNull();
    const cycle = fitBradleyTerry(["a", "b", "c"], [won("a", "b"), won("b", "c"), won("c", "a")]);
    expect(cycle.reliability).toBe(0);
    // Equal abilities up to rounding are one tie, ranked competition style.
    expect(cycle.items.map((i) => [i.id, i.rank, i.tied])).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 1, true],
    ]);
  });

  it("lists works nobody judged yet at ability 0, with the prior's uncertainty", () => {
    const fit = fitBradleyTerry(["a", "b", "c", "new"], [won("a", "b"), won("b", "c")]);
    expect(item(fit, "new")).toMatchObject({ ability: expect.closeTo(0, 12), comparisons: 0 });
    expect(item(fit, "new").se).toBeGreaterThan(item(fit, "b").se);
    const empty = fitBradleyTerry([], []);
    expect(empty).toEqual({ items: [], reliability: null });
  });

  it("refuses unknown works, a work against itself, repeated ids and invalid options", () => {
    expect(() => fitBradleyTerry(["a", "b"], [won("a", "z")])).toThrow(RangeError);
    expect(() => fitBradleyTerry(["a", "b"], [won("a", "a")])).toThrow(RangeError);
    expect(() => fitBradleyTerry(["a", "a"], [])).toThrow(RangeError);
    expect(() => fitBradleyTerry(["a", "b"], [], { priorSd: 0 })).toThrow(RangeError);
    expect(() => fitBradleyTerry(["a", "b"], [], { priorSd: Infinity })).toThrow(RangeError);
    expect(() => fitBradleyTerry(["a", "b"], [], { maxIterations: 0 })).toThrow(RangeError);
    expect(() => fitBradleyTerry(["a", "b"], [], { tolerance: 0 })).toThrow(RangeError);
    expect(() => fitBradleyTerry(connectedIds, connected, { maxIterations: 1 })).toThrow(/did not converge/);
  });
});

describe("reaching the target", () => {
  it("compares the reliability with the target, 0.8 unless given", () => {
    expect(reachedTarget({ items: [], reliability: null })).toBe(false);
    expect(reachedTarget({ items: [], reliability: 0.79 })).toBe(false);
    expect(reachedTarget({ items: [], reliability: 0.8 })).toBe(true);
    expect(reachedTarget({ items: [], reliability: 0.85 }, 0.9)).toBe(false);
    expect(() => reachedTarget({ items: [], reliability: 0.5 }, 1.5)).toThrow(RangeError);
  });
});

describe("choosing the next pair", () => {
  it("never repeats a pair for the same judge, and returns null once every pair is done", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const judgements: Judgement[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 15; i++) {
      const pair = nextPair({ ids, judgements, judgeId: "solo" });
      expect(pair).not.toBeNull();
      const key = [...pair!].sort().join("|");
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      judgements.push(won(pair![0], pair![1], "solo"));
    }
    expect(nextPair({ ids, judgements, judgeId: "solo" })).toBeNull();
    // Another judge still has every pair.
    expect(nextPair({ ids, judgements, judgeId: "other" })).not.toBeNull();
  });

  it("never shows a judge a work excluded for them", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const excluded = (id: string) => id === "c";
    const judgements: Judgement[] = [];
    for (let i = 0; i < 6; i++) {
      const pair = nextPair({ ids, judgements, judgeId: "j", excluded })!;
      expect(pair).not.toContain("c");
      judgements.push(won(pair[1], pair[0], "j"));
    }
    expect(nextPair({ ids, judgements, judgeId: "j", excluded })).toBeNull();
    expect(nextPair({ ids, judgements: [], judgeId: "j", excluded: () => true })).toBeNull();
    expect(nextPair({ ids: ["a"], judgements: [], judgeId: "j" })).toBeNull();
  });

  it("keeps comparisons per work within 2 of each other while judges take turns", () => {
    const random = generator(11);
    const truth = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`w${i}`, 2 * (random() - 0.5) * 2]));
    const counts = new Map<string, number>();
    simulate(truth, ["j1", "j2", "j3", "j4", "j5"], 90, random, {
      after: (judgements) => {
        const last = judgements.at(-1)!;
        for (const id of [last.winnerId, last.loserId]) counts.set(id, (counts.get(id) ?? 0) + 1);
        const values = Object.keys(truth).map((id) => counts.get(id) ?? 0);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(2);
      },
    });
  });

  it("pairs by ability once every work has its first comparisons: a partner within the window, or the closest", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    // Every work meets its two neighbours on a ring twice: 4 comparisons each, all equal.
    const judgements = repeat(
      ids.map((id, i) => won(id, ids[(i + 1) % ids.length]!, "other")),
      2,
    );
    expect(Math.min(...fitBradleyTerry(ids, judgements).items.map((i) => i.comparisons))).toBeGreaterThanOrEqual(
      ADAPTIVE_AFTER,
    );
    const spaced = { a: 5, b: 3, c: 1, d: -1, e: -3, f: -5.5 } as Record<string, number>;
    const fit: PairwiseFit = {
      items: ids.map((id, i) => ({
        id,
        ability: spaced[id]!,
        se: 1,
        wins: 4,
        losses: 4,
        comparisons: 4,
        rank: i + 1,
        tied: false,
      })),
      reliability: 0.9,
    };
    for (const judgeId of ["p", "q", "r", "s", "t", "u", "v", "w"]) {
      const [left, right] = nextPair({ ids, judgements, judgeId, fit })!;
      // Neighbours in ability are 2 logits apart (2.5 for e–f, the closest to f): always an ability neighbour.
      expect(Math.abs(spaced[left]! - spaced[right]!)).toBeLessThanOrEqual(2.5);
    }
    // Without a fit, nextPair fits the judgements itself: the same pair as with that fit passed in.
    for (const judgeId of ["p", "q", "r"]) {
      expect(nextPair({ ids, judgements, judgeId })).toEqual(
        nextPair({ ids, judgements, judgeId, fit: fitBradleyTerry(ids, judgements) }),
      );
    }
  });

  it("gives judges asking at the same moment different pairs, and shows either work on either side", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const first = new Set(
      ["j1", "j2", "j3", "j4", "j5"].map((judgeId) => nextPair({ ids, judgements: [], judgeId })!.join("|")),
    );
    expect(first.size).toBeGreaterThan(1);

    // The first work chosen is the least compared one: it must not always be on the left, nor the stronger work.
    const truth = Object.fromEntries(ids.map((id, i) => [id, i * 0.5]));
    const counts = new Map<string, number>();
    let strongerLeft = 0;
    let lessComparedLeft = 0;
    let unevenPairs = 0;
    const judgements = simulate(truth, ["j1", "j2", "j3", "j4"], 80, generator(3), {
      after: (judgements, [left, right]) => {
        if (truth[left]! > truth[right]!) strongerLeft++;
        const [l, r] = [counts.get(left) ?? 0, counts.get(right) ?? 0];
        if (l !== r) unevenPairs++;
        if (l < r) lessComparedLeft++;
        const last = judgements.at(-1)!;
        for (const id of [last.winnerId, last.loserId]) counts.set(id, (counts.get(id) ?? 0) + 1);
      },
    });
    expect(strongerLeft / judgements.length).toBeGreaterThan(0.3);
    expect(strongerLeft / judgements.length).toBeLessThan(0.7);
    expect(unevenPairs).toBeGreaterThan(20);
    expect(lessComparedLeft / unevenPairs).toBeGreaterThan(0.25);
    expect(lessComparedLeft / unevenPairs).toBeLessThan(0.75);
  });

  it("prefers the less compared of two partners whose abilities are about as close", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    // Comparisons so far: a 3, b 4, c 3, d 4, e 4, f 4, all by another judge.
    const judgements = [
      ...[
        ["a", "d"],
        ["a", "e"],
        ["a", "f"],
        ["c", "d"],
        ["c", "e"],
        ["c", "f"],
        ["b", "d"],
        ["b", "e"],
        ["b", "f"],
        ["b", "d"],
        ["e", "f"],
      ].map(([w, l]) => won(w!, l!, "other")),
    ];
    const ability: Record<string, number> = { a: 0, b: 0.1, c: 0.4, d: 3, e: -3, f: 5 };
    const fit: PairwiseFit = {
      items: ids.map((id) => ({
        id,
        ability: ability[id]!,
        se: 1,
        wins: 0,
        losses: 0,
        comparisons: 0,
        rank: 1,
        tied: false,
      })),
      reliability: 0.5,
    };
    // The first work is a or c (3 comparisons each). From a, b (0.1 away) and c (0.4) are both within the window,
    // and c is less compared; from c, b (0.3) and a (0.4) likewise, and a is less compared. Either way: a–c.
    for (const judgeId of ["p", "q", "r", "s", "t", "u"]) {
      expect([...nextPair({ ids, judgements, judgeId, fit })!].sort()).toEqual(["a", "c"]);
    }
  });

  it("gives the same pair whatever order the works and judgements arrive in", () => {
    fc.assert(
      fc.property(
        judgementsOver(6).chain((judgements) =>
          fc.tuple(
            fc.constant(judgements),
            fc.shuffledSubarray(judgements, { minLength: judgements.length }),
            fc.shuffledSubarray(IDS6, { minLength: IDS6.length }),
            fc.constantFrom("j1", "j2", "j3"),
          ),
        ),
        ([judgements, shuffled, ids, judgeId]) => {
          expect(nextPair({ ids, judgements: shuffled, judgeId })).toEqual(
            nextPair({ ids: IDS6, judgements, judgeId }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses a fit that lacks a work, unknown works and repeated ids", () => {
    const ids = ["a", "b", "c"];
    const judgements = repeat([won("a", "b", "x"), won("b", "c", "x"), won("c", "a", "x")], 2);
    const partial = fitBradleyTerry(["a", "b"], [won("a", "b")]);
    expect(() => nextPair({ ids, judgements, judgeId: "j", fit: partial })).toThrow(RangeError);
    expect(() => nextPair({ ids, judgements: [won("a", "z")], judgeId: "j" })).toThrow(RangeError);
    expect(() => nextPair({ ids, judgements: [won("a", "a")], judgeId: "j" })).toThrow(RangeError);
    expect(() => nextPair({ ids: ["a", "a"], judgements: [], judgeId: "j" })).toThrow(RangeError);
  });
});

describe("merging categories", () => {
  it("lists every category's order: by category, then rank, then id", () => {
    const poetry = fitBradleyTerry(["p1", "p2", "p3"], [won("p2", "p1"), won("p2", "p3"), won("p1", "p3")]);
    const film = fitBradleyTerry(["f1", "f2"], [won("f1", "f2")]);
    const merged = mergeCategoryOrders([
      { category: "poetry", fit: poetry },
      { category: "film", fit: film },
    ]);
    expect(merged.map((m) => [m.category, m.id, m.rank])).toEqual([
      ["film", "f1", 1],
      ["film", "f2", 2],
      ["poetry", "p2", 1],
      ["poetry", "p1", 2],
      ["poetry", "p3", 3],
    ]);
    expect(merged[0]!.reliability).toBeNull();
    expect(merged[2]!.reliability).toBe(poetry.reliability);
    expect(() =>
      mergeCategoryOrders([
        { category: "film", fit: film },
        { category: "film", fit: poetry },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      mergeCategoryOrders([
        { category: "film", fit: film },
        { category: "music", fit: film },
      ]),
    ).toThrow(RangeError);
  });
});

/** Up to 40 judgements among the first `n` works of IDS6, by three judges. */
function judgementsOver(n: number) {
  return fc.array(
    fc
      .tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom("j1", "j2", "j3"))
      .filter(([w, l]) => w !== l)
      .map(([w, l, judgeId]) => won(IDS6[w]!, IDS6[l]!, judgeId)),
    { maxLength: 40 },
  );
}
