/**
 * Judging simulation (`npx tsx tests/bench/judging.ts [--contests N] [--json]`): how close each way of turning
 * score sheets into a ranking gets to the works' true order, on simulated contests shaped like Mosaic's.
 *
 * A contest: 60–120 entries in 2–4 categories, a panel of 12–15 judges, 3 judges per entry drawn at random with
 * balanced loads, true quality ~ N(0, 1). A judge scores 5 criteria (weights 30/20/20/20/10) on integer levels 1–5:
 * level = round(3 + use·(quality + impression + criterion noise) − severity), clamped to 1–5, where the judge's
 * impression of the work (sd = the judge's noise) is shared by all five criteria and each criterion adds half as
 * much again. Sheets are then weighted to 0–100 as Mosaic does, so they are discretised like real ones.
 *
 * Settings (each `--contests` contests, default 200; contest k uses the same seed in every setting):
 *   a  judges differ in severity only (sd 0.5 levels; noise 0.5 for everyone; full use of the scale)
 *   b  severity and noise differ (noise 0.5·e^(0.6·N(0, 1)), roughly 0.15–1.65)
 *   c  as b, and a third of the judges use only the middle of the scale (use 0.45 instead of 1)
 *   d  as b, with each sheet missing with probability 0.1
 *   e  as b, with entries from 4 regions of different strength (region means −0.6, −0.2, 0.2, 0.6; within-region
 *      sd √0.8, so quality is still N(0, 1) overall) and judges in 4 regional groups: 2 of an entry's 3 judges come
 *      from its region's group, 1 from another, so some judges draw systematically stronger batches.
 *
 * Methods: raw mean (`computeResults` with `normalise: false`), z-score (`computeResults`), calibrated
 * (`calibrate`). Measures, per contest: Kendall's τ-b between a method's scores and the true qualities within each
 * category, averaged over categories; precision of the top 10 over the whole contest (all categories pooled, ties
 * at the cut broken by entry id); the share of categories whose truly best entry the method ranks first (1/m when
 * m entries share first place). The table shows mean ± standard error over contests, then the paired difference
 * in τ (calibrated minus each other method, contest by contest), then the time `calibrate` takes on a large round
 * (10,000 entries × 3 judges, a panel of 40).
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { calibrate } from "../../app/models/calibration";
import { computeResults, weightedScore, type Criterion, type ScoreSheet } from "../../app/models/results";

const { values: args } = parseArgs({
  options: { contests: { type: "string", default: "200" }, json: { type: "boolean", default: false } },
});
const CONTESTS = Number(args.contests);
if (!Number.isInteger(CONTESTS) || CONTESTS < 2) throw new Error("--contests must be an integer ≥ 2");

const CRITERIA: Criterion[] = [30, 20, 20, 20, 10].map((weight, i) => ({ id: `c${i + 1}`, weight }));
const SCALE = { min: 1, max: 5 };
const JUDGES_PER_ENTRY = 3;
const REGION_MEANS = [-0.6, -0.2, 0.2, 0.6];

type Setting = {
  key: string;
  label: string;
  noise: "same" | "varied";
  middleUsers: boolean;
  missing: number;
  regions: boolean;
};
const SETTINGS: Setting[] = [
  { key: "a", label: "severity", noise: "same", middleUsers: false, missing: 0, regions: false },
  { key: "b", label: "severity + noise", noise: "varied", middleUsers: false, missing: 0, regions: false },
  { key: "c", label: "severity + noise + scale use", noise: "varied", middleUsers: true, missing: 0, regions: false },
  { key: "d", label: "as b, 10 % sheets missing", noise: "varied", middleUsers: false, missing: 0.1, regions: false },
  { key: "e", label: "as b, regional batches", noise: "varied", middleUsers: false, missing: 0, regions: true },
];
const METHODS = ["raw mean", "z-score", "calibrated"] as const;
type Method = (typeof METHODS)[number];

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function normal(random: () => number) {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

function integer(random: () => number, min: number, max: number) {
  return min + Math.floor(random() * (max - min + 1));
}

type Contest = {
  quality: Map<string, number>;
  categoryOf: Record<string, string>;
  sheets: ScoreSheet[];
};

/** `count` distinct judges from `pool`, least loaded first, ties at random; their loads go up by one. */
function pickJudges(pool: number[], count: number, load: number[], taken: Set<number>, random: () => number) {
  const order = pool
    .filter((j) => !taken.has(j))
    .map((j) => ({ j, key: (load[j] as number) + random() }))
    .sort((a, b) => a.key - b.key);
  for (const { j } of order.slice(0, count)) {
    taken.add(j);
    load[j] = (load[j] as number) + 1;
  }
}

function simulate(setting: Setting, seed: number): Contest {
  const random = mulberry32(seed);
  const entryCount = integer(random, 60, 120);
  const categoryCount = integer(random, 2, 4);
  const panel = integer(random, 12, 15);
  const judges = Array.from({ length: panel }, (_, j) => ({
    severity: 0.5 * normal(random),
    noise: setting.noise === "same" ? 0.5 : 0.5 * Math.exp(0.6 * normal(random)),
    use: setting.middleUsers && random() < 1 / 3 ? 0.45 : 1,
    region: j % REGION_MEANS.length,
  }));
  const quality = new Map<string, number>();
  const categoryOf: Record<string, string> = {};
  const regionOf: number[] = [];
  for (let e = 0; e < entryCount; e++) {
    const id = `e${String(e).padStart(3, "0")}`;
    const region = integer(random, 0, REGION_MEANS.length - 1);
    regionOf.push(region);
    quality.set(
      id,
      setting.regions ? (REGION_MEANS[region] as number) + Math.sqrt(0.8) * normal(random) : normal(random),
    );
    categoryOf[id] = `cat${integer(random, 1, categoryCount)}`;
  }

  const load = judges.map(() => 0);
  const everyone = judges.map((_, j) => j);
  const sheets: ScoreSheet[] = [];
  const order = [...quality.keys()].map((id, e) => ({ id, e, key: random() })).sort((a, b) => a.key - b.key);
  for (const { id, e } of order) {
    const taken = new Set<number>();
    if (setting.regions) {
      const home = everyone.filter((j) => judges[j]?.region === regionOf[e]);
      pickJudges(home, JUDGES_PER_ENTRY - 1, load, taken, random);
      pickJudges(
        everyone.filter((j) => judges[j]?.region !== regionOf[e]),
        1,
        load,
        taken,
        random,
      );
    } else {
      pickJudges(everyone, JUDGES_PER_ENTRY, load, taken, random);
    }
    for (const j of [...taken].sort((a, b) => a - b)) {
      const judge = judges[j] as (typeof judges)[number];
      const impression = (quality.get(id) as number) + judge.noise * normal(random);
      const criterionScores: Record<string, number> = {};
      for (const c of CRITERIA) {
        const perceived = impression + 0.5 * judge.noise * normal(random);
        const level = Math.round(3 + judge.use * perceived - judge.severity);
        criterionScores[c.id] = Math.min(SCALE.max, Math.max(SCALE.min, level));
      }
      if (random() < setting.missing) continue;
      sheets.push({ entryId: id, judgeId: `j${String(j).padStart(2, "0")}`, criterionScores });
    }
  }
  return { quality, categoryOf, sheets };
}

/** Kendall's τ-b of two paired lists (the second has no ties here, but the first may). */
function kendallTauB(x: number[], y: number[]) {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < x.length; i++) {
    for (let k = i + 1; k < x.length; k++) {
      const dx = Math.sign((x[i] as number) - (x[k] as number));
      const dy = Math.sign((y[i] as number) - (y[k] as number));
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}

type Scored = { entryId: string; category: string; score: number | null; rank: number | null };

function measure(contest: Contest, scored: Scored[]) {
  const categories = [...new Set(scored.map((e) => e.category))].sort();
  let tau = 0;
  let winner = 0;
  for (const category of categories) {
    const members = scored.filter((e) => e.category === category && e.score !== null);
    tau += kendallTauB(
      members.map((e) => e.score as number),
      members.map((e) => contest.quality.get(e.entryId) as number),
    );
    const best = Object.keys(contest.categoryOf)
      .filter((id) => contest.categoryOf[id] === category)
      .reduce((a, b) => ((contest.quality.get(a) as number) >= (contest.quality.get(b) as number) ? a : b));
    const first = members.filter((e) => e.rank === 1);
    if (first.some((e) => e.entryId === best)) winner += 1 / first.length;
  }
  const byScore = scored
    .filter((e) => e.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || (a.entryId < b.entryId ? -1 : 1))
    .slice(0, 10)
    .map((e) => e.entryId);
  const trueTop = new Set(
    [...contest.quality.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id]) => id),
  );
  const top10 = byScore.filter((id) => trueTop.has(id)).length / 10;
  return { tau: tau / categories.length, top10, winner: winner / categories.length };
}

function runMethods(contest: Contest): Record<Method, Scored[]> {
  const input = { criteria: CRITERIA, scale: SCALE, scores: contest.sheets, categoryOf: contest.categoryOf };
  const fromResults = (normalise: boolean) =>
    computeResults({ ...input, normalise }).entries.map((e) => ({
      entryId: e.entryId,
      category: e.category,
      score: e.normalisedMean,
      rank: e.rank,
    }));
  const calibration = calibrate({
    sheets: contest.sheets.map((s) => ({
      entryId: s.entryId,
      judgeId: s.judgeId,
      score: weightedScore(CRITERIA, SCALE, s.criterionScores),
    })),
    categoryOf: contest.categoryOf,
  });
  if (calibration.status !== "fitted") throw new Error("a simulated contest was too small to calibrate");
  return { "raw mean": fromResults(false), "z-score": fromResults(true), calibrated: calibration.entries };
}

const MEASURES = ["tau", "top10", "winner"] as const;
type Measure = (typeof MEASURES)[number];
const summary = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
};

const started = performance.now();
const report = SETTINGS.map((setting) => {
  const samples = Object.fromEntries(
    METHODS.map((m) => [m, Object.fromEntries(MEASURES.map((k) => [k, [] as number[]]))]),
  ) as Record<Method, Record<Measure, number[]>>;
  for (let c = 0; c < CONTESTS; c++) {
    const contest = simulate(setting, 7919 * (c + 1));
    const results = runMethods(contest);
    for (const method of METHODS) {
      const measured = measure(contest, results[method]);
      for (const k of MEASURES) samples[method][k].push(measured[k]);
    }
  }
  // Paired difference on τ, contest by contest: calibrated minus each other method.
  const paired = (other: Method) =>
    summary(samples.calibrated.tau.map((value, c) => value - (samples[other].tau[c] as number)));
  return {
    setting: setting.key,
    label: setting.label,
    methods: Object.fromEntries(
      METHODS.map((m) => [m, Object.fromEntries(MEASURES.map((k) => [k, summary(samples[m][k])]))]),
    ) as Record<Method, Record<Measure, { mean: number; se: number }>>,
    calibratedMinusRaw: paired("raw mean"),
    calibratedMinusZ: paired("z-score"),
  };
});
const seconds = (performance.now() - started) / 1000;

// Speed: one large round, 10,000 entries × 3 judges from a panel of 40, Monte Carlo included (median of 3 runs).
const speedRandom = mulberry32(1);
const panel40 = Array.from({ length: 40 }, () => ({
  severity: 8 * normal(speedRandom),
  noise: 6 * Math.exp(0.5 * normal(speedRandom)),
}));
const bigSheets: { entryId: string; judgeId: string; score: number }[] = [];
const bigCategories: Record<string, string> = {};
for (let e = 0; e < 10_000; e++) {
  const quality = normal(speedRandom);
  bigCategories[`e${e}`] = `cat${e % 5}`;
  const taken = new Set<number>();
  while (taken.size < JUDGES_PER_ENTRY) taken.add(Math.floor(speedRandom() * panel40.length));
  for (const j of taken) {
    const judge = panel40[j] as (typeof panel40)[number];
    const score = 50 + 15 * quality - judge.severity + judge.noise * normal(speedRandom);
    bigSheets.push({ entryId: `e${e}`, judgeId: `j${j}`, score: Math.round(Math.min(100, Math.max(0, score))) });
  }
}
const speedTimes = [0, 1, 2].map(() => {
  const start = performance.now();
  calibrate({ sheets: bigSheets, categoryOf: bigCategories });
  return performance.now() - start;
});
const largeRoundMs = speedTimes.sort((a, b) => a - b)[1] as number;
const beatsBoth = report.every(
  (r) =>
    r.methods.calibrated.tau.mean > r.methods["raw mean"].tau.mean &&
    r.methods.calibrated.tau.mean > r.methods["z-score"].tau.mean,
);

if (args.json) {
  console.log(
    JSON.stringify({
      contests: CONTESTS,
      seconds,
      settings: report,
      calibratedBeatsBothOnTau: beatsBoth,
      largeRoundMs,
    }),
  );
} else {
  const cell = (s: { mean: number; se: number }) => `${s.mean.toFixed(3)} ± ${s.se.toFixed(3)}`;
  console.log(`Judging simulation: ${CONTESTS} contests per setting, ${seconds.toFixed(1)} s\n`);
  console.log("| setting | method | Kendall τ (per category) | top-10 precision (contest) | true winner wins |");
  console.log("|---|---|---|---|---|");
  for (const r of report) {
    for (const m of METHODS) {
      const row = r.methods[m];
      console.log(`| ${r.setting}: ${r.label} | ${m} | ${cell(row.tau)} | ${cell(row.top10)} | ${cell(row.winner)} |`);
    }
  }
  console.log("\nPaired difference in τ, calibrated minus the other method (mean ± standard error):");
  for (const r of report) {
    console.log(`  ${r.setting}: vs raw mean ${cell(r.calibratedMinusRaw)}, vs z-score ${cell(r.calibratedMinusZ)}`);
  }
  console.log(`\nCalibrated beats both others on τ in every setting: ${beatsBoth ? "yes" : "no"}`);
  console.log(`calibrate on 10,000 entries × 3 judges, panel of 40: ${largeRoundMs.toFixed(0)} ms (median of 3)`);
}
