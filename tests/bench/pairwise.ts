/**
 * Comparative round simulation (`npx tsx tests/bench/pairwise.ts [--rounds N] [--json] [--baseline]`): how many
 * comparisons per work a comparative final round needs before its scale separation reliability (SSR) reaches the
 * organizers' default target of 0.8, and how good the order really is at that moment. Goal (from the issue): the
 * target within about 10 comparisons per work.
 *
 * Each simulated round: a shortlist of 10, 20 or 30 works with true abilities drawn from N(0, s²), s = 1, 1.5 or 2
 * logits, and s = 0 (every work equal, judges tossing coins: a round should never reach its target then); 4–6
 * judges (drawn per round) take pairs in turn from `nextPair` and pick the winner with the Bradley–Terry
 * probability of the true abilities; the works are refitted after every judgement, and the round stops as soon as
 * the SSR reaches 0.8 (or gives up at 40 comparisons per work). At that moment we record the comparisons per work
 * (2 × judgements / works), Kendall's τ and Spearman's ρ between the fitted and the true order, and the true
 * reliability: the squared correlation of fitted and true abilities, which is what the SSR claims to estimate.
 * Adaptive pairing is known to make the SSR overstate it (see `nextPair`), so the two are printed side by side.
 *
 * Which spread is realistic: comparative judgement studies of whole cohorts find ability standard deviations of
 * roughly 1.5–3 logits. A shortlist is the top slice of a contest's entries, so its spread is narrower than the
 * cohort's; s = 1.5 is the likely case, s = 1 a tightly bunched shortlist, s = 2 a varied one.
 *
 * With `--baseline` the same rounds are also run with balanced random pairs throughout (no adaptivity), for
 * comparison: that is what the round would cost without `nextPair`'s ability-based pairing, and how far its SSR can
 * be trusted then. A full run takes about 45 s here, about 4 minutes with `--baseline` (random pairs between equal
 * works never reach the target, so those rounds run to 40 comparisons per work).
 *
 * Deterministic: a seeded generator per setting, so runs compare.
 */
import { performance } from "node:perf_hooks";
import { fitBradleyTerry, nextPair, reachedTarget, type Judgement, type PairwiseFit } from "../../app/models/pairwise";

const args = process.argv.slice(2);
const json = args.includes("--json");
const baseline = args.includes("--baseline");
const roundsAt = args.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 200;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error("--rounds needs a whole number of at least 1");
const SIZES = [10, 20, 30];
const SPREADS = [0, 1, 1.5, 2];
const TARGET = 0.8;
const GIVE_UP_PER_WORK = 40;

/** mulberry32: a small seeded generator, uniform on [0, 1). */
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

function normal(random: () => number) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pearson(x: number[], y: number[]) {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1..n, ties sharing their average rank. */
function ranks(values: number[]) {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    for (let k = start; k <= end; k++) result[order[k]![1]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

/** Kendall's τ-b (ties in either order count as neither concordant nor discordant). */
function kendall(x: number[], y: number[]) {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const pairs = (x.length * (x.length - 1)) / 2;
  return (concordant - discordant) / Math.sqrt((pairs - tiesX) * (pairs - tiesY));
}

/** The p-th quantile (0–1), interpolating linearly between order statistics. */
function quantile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

type RoundOutcome = {
  reached: boolean;
  perWork: number;
  kendall: number;
  spearman: number;
  ssr: number;
  trueReliability: number;
};

type Pairing = "adaptive" | "random";

function simulateRound(
  works: number,
  spread: number,
  pairing: Pairing,
  random: () => number,
  seed: number,
): RoundOutcome {
  const ids = Array.from({ length: works }, (_, i) => `w${String(i).padStart(2, "0")}`);
  const truth = new Map(ids.map((id) => [id, spread * normal(random)]));
  const judges = Array.from({ length: 4 + Math.floor(random() * 3) }, (_, i) => `j${i}`);
  const judgements: Judgement[] = [];
  let fit: PairwiseFit = fitBradleyTerry(ids, judgements);
  // With every ability equal, every partner is equally close, so nextPair falls back on its balanced random choice.
  const flat = fit;
  let idle = 0;
  for (let turn = 0; !reachedTarget(fit, TARGET); turn++) {
    if (judgements.length >= (GIVE_UP_PER_WORK * works) / 2 || idle === judges.length) break;
    const judgeId = judges[turn % judges.length]!;
    const pair = nextPair({ ids, judgements, judgeId, fit: pairing === "adaptive" ? fit : flat, seed });
    if (!pair) {
      idle++;
      continue;
    }
    idle = 0;
    const [left, right] = pair;
    const leftWins = random() < 1 / (1 + Math.exp(truth.get(right)! - truth.get(left)!));
    judgements.push(
      leftWins ? { winnerId: left, loserId: right, judgeId } : { winnerId: right, loserId: left, judgeId },
    );
    fit = fitBradleyTerry(ids, judgements);
  }
  const estimated = fit.items.map((item) => item.ability);
  const actual = fit.items.map((item) => truth.get(item.id)!);
  // Equal works have no true order (τ and ρ are undefined), and none of the fitted spread is real.
  return {
    reached: reachedTarget(fit, TARGET),
    perWork: (2 * judgements.length) / works,
    kendall: spread === 0 ? NaN : kendall(estimated, actual),
    spearman: spread === 0 ? NaN : pearson(ranks(estimated), ranks(actual)),
    ssr: fit.reliability ?? 0,
    trueReliability: spread === 0 ? 0 : pearson(estimated, actual) ** 2,
  };
}

function simulate(pairing: Pairing) {
  const settings = [];
  for (const works of SIZES) {
    for (const spread of SPREADS) {
      const random = generator(works * 1000 + spread * 10);
      const outcomes = Array.from({ length: ROUNDS }, (_, round) =>
        simulateRound(works, spread, pairing, random, round),
      );
      const reached = outcomes.filter((o) => o.reached);
      const summary = (pick: (o: RoundOutcome) => number) => {
        const values = reached.map(pick).filter((value) => !Number.isNaN(value));
        return values.length === 0
          ? null
          : { p10: quantile(values, 0.1), median: quantile(values, 0.5), p90: quantile(values, 0.9) };
      };
      settings.push({
        works,
        abilitySd: spread,
        rounds: ROUNDS,
        reachedTarget: reached.length,
        comparisonsPerWork: summary((o) => o.perWork),
        kendallTau: summary((o) => o.kendall),
        spearman: summary((o) => o.spearman),
        ssr: summary((o) => o.ssr),
        trueReliability: summary((o) => o.trueReliability),
        /** Share of the rounds that reached the target where the true reliability was below it. */
        trueBelowTarget:
          reached.length === 0 ? null : reached.filter((o) => o.trueReliability < TARGET).length / reached.length,
      });
    }
  }
  return settings;
}

const started = performance.now();
const adaptive = simulate("adaptive");
const randomPairs = baseline ? simulate("random") : null;
const seconds = (performance.now() - started) / 1000;

function table(title: string, settings: ReturnType<typeof simulate>) {
  const f = (value: number | undefined, digits = 2) => (value === undefined ? "–" : value.toFixed(digits));
  console.log("");
  console.log(title);
  console.log("");
  const row = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);
  row([
    "works",
    "ability SD",
    "reached",
    "comparisons per work: median (p10–p90)",
    "Kendall τ median (p10)",
    "Spearman median (p10)",
    "SSR median",
    "true reliability median (p10)",
    "true < 0.8",
  ]);
  row(["---:", "---:", "---:", "---", "---", "---", "---:", "---", "---:"]);
  for (const s of settings) {
    const c = s.comparisonsPerWork;
    row([
      `${s.works}`,
      `${s.abilitySd}`,
      `${s.reachedTarget}/${s.rounds}`,
      c ? `${f(c.median, 1)} (${f(c.p10, 1)}–${f(c.p90, 1)})` : "–",
      `${f(s.kendallTau?.median)} (${f(s.kendallTau?.p10)})`,
      `${f(s.spearman?.median)} (${f(s.spearman?.p10)})`,
      f(s.ssr?.median),
      `${f(s.trueReliability?.median)} (${f(s.trueReliability?.p10)})`,
      s.trueBelowTarget === null ? "–" : `${(100 * s.trueBelowTarget).toFixed(0)} %`,
    ]);
  }
}

if (json) {
  console.log(
    JSON.stringify({ target: TARGET, rounds: ROUNDS, giveUpPerWork: GIVE_UP_PER_WORK, seconds, adaptive, randomPairs }),
  );
} else {
  console.log(
    `Comparative round simulation: ${ROUNDS} rounds per setting, stop at SSR ≥ ${TARGET} ` +
      `(give up at ${GIVE_UP_PER_WORK} comparisons per work), ${seconds.toFixed(1)} s`,
  );
  table(
    "nextPair (random until every work has 3 comparisons, then at random within 2 logits of the first work):",
    adaptive,
  );
  if (randomPairs) table("Baseline, balanced random pairs throughout:", randomPairs);
  const realistic = adaptive.filter((s) => s.abilitySd >= 1.5);
  const medians = realistic.map((s) => s.comparisonsPerWork?.median ?? Infinity);
  const trueMedians = realistic.map((s) => s.trueReliability?.median ?? 0);
  const equal = adaptive.filter((s) => s.abilitySd === 0);
  console.log("");
  console.log(
    `goal, SSR ${TARGET} within 10 comparisons per work at spreads 1.5–2: ` +
      `${medians.every((m) => m <= 10) ? "met" : "not met"} (medians ${medians.map((m) => m.toFixed(1)).join(", ")}; ` +
      `true reliability then ${trueMedians.map((m) => m.toFixed(2)).join(", ")})`,
  );
  console.log(
    `equal works (coin flips) that reached the target anyway: ` +
      equal.map((s) => `${s.reachedTarget}/${s.rounds} of ${s.works} works`).join(", "),
  );
}
