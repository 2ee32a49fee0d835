/**
 * What every part of the speed benchmark (`npm run bench`) reports: a figure of the issue's
 * table, its rounds, and whether it meets its goal. A part runs in its own process
 * (`tsx tests/bench/speed/<part>.ts`) and hands its figures to tests/bench/index.ts through the
 * file named by `--out`, so that what it prints never mixes with `npm run bench -- --json`.
 */
import { writeFileSync } from "node:fs";

export type Goal =
  /** The median at most / at least this value. */
  | { atMost: number }
  | { atLeast: number }
  /** Every round at least this value (a ratio that must hold in every run, not on average). */
  | { everyAtLeast: number };

export type Figure = {
  /** The JSON key, e.g. `ssrRatio`. */
  key: string;
  /** What was measured, for people. */
  label: string;
  unit: "×" | "ms" | "KB";
  goal: Goal;
  samples: number[];
  median: number;
  min: number;
  max: number;
  met: boolean;
  /** Conditions worth printing beside the figure (sizes, engine, reference figures). */
  detail?: string;
};

export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function figure(
  key: string,
  label: string,
  unit: Figure["unit"],
  goal: Goal,
  samples: number[],
  detail?: string,
): Figure {
  if (samples.length === 0) throw new Error(`${key}: no samples`);
  const m = median(samples);
  const min = Math.min(...samples);
  const max = Math.max(...samples);
  const met = "atMost" in goal ? m <= goal.atMost : "atLeast" in goal ? m >= goal.atLeast : min >= goal.everyAtLeast;
  return { key, label, unit, goal, samples, median: m, min, max, met, detail };
}

export function goalText(goal: Goal, unit: Figure["unit"]) {
  if ("atMost" in goal) return `≤ ${goal.atMost}${unit === "×" ? "×" : ` ${unit}`}`;
  if ("atLeast" in goal) return `≥ ${goal.atLeast}${unit === "×" ? "×" : ` ${unit}`}`;
  return `≥ ${goal.everyAtLeast}${unit === "×" ? "×" : ` ${unit}`} in every round`;
}

/** Hands a part's figures to the runner (`--out FILE`), or prints them when run alone. */
export function report(figures: Figure[]) {
  const at = process.argv.indexOf("--out");
  const out = at >= 0 ? process.argv[at + 1] : undefined;
  if (out) writeFileSync(out, JSON.stringify(figures));
  else for (const f of figures) console.log(describe(f));
}

export function describe(f: Figure) {
  const digits = f.unit === "×" ? 2 : f.unit === "KB" ? 1 : 0;
  const value = (n: number) => n.toFixed(digits);
  return `${f.label.padEnd(58)} ${value(f.median).padStart(7)} ${f.unit}  (${value(f.min)}–${value(f.max)}, ${f.samples.length} rounds)  goal ${goalText(f.goal, f.unit)}  ${f.met ? "met" : "NOT MET"}${f.detail ? `\n${" ".repeat(60)}${f.detail}` : ""}`;
}
