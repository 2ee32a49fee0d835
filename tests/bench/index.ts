/**
 * `npm run bench`: the speed figures of Mosaic (server rendering, big contests, page weight,
 * memory, uploads), each the median and range of BENCH_ROUNDS rounds (5 unless told), with the
 * reference it is compared with measured in the same rounds, interleaved. Then the judging
 * simulations and the transcoding benchmark, which print their own figures.
 *
 *   npm run bench                      everything, for people
 *   npm run bench -- --json            the speed figures only, as one JSON object on stdout
 *                                      ({ "ssrRatio": 0.62, … }; what the parts print goes to stderr)
 *   npm run bench -- --only ssr,bundle some parts of the speed figures
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, type Figure } from "./speed/figures";

const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",").filter(Boolean) : undefined;

/** The parts of the speed figures, in the order they run. */
const parts = ["ssr", "bundle", "scale", "upload"];
const tsx = path.join(root, "node_modules/.bin/tsx");
const out = mkdtempSync(path.join(tmpdir(), "mosaic-bench-"));
const say = (line: string) => (json ? process.stderr : process.stdout).write(line + "\n");

const figures: Figure[] = [];
let failed = false;
for (const part of parts.filter((p) => !only || only.includes(p))) {
  say(`\n== ${part}`);
  const file = path.join(out, `${part}.json`);
  // A part's own output goes where people read it: stdout, or stderr beside --json.
  const run = spawnSync(tsx, [path.join(root, "tests/bench/speed", `${part}.ts`), "--out", file], {
    cwd: root,
    stdio: ["ignore", json ? 2 : "inherit", "inherit"],
    env: process.env,
  });
  if (run.status !== 0) {
    failed = true;
    say(`${part}: failed (exit ${run.status ?? run.signal})`);
    continue;
  }
  const partFigures = JSON.parse(readFileSync(file, "utf8")) as Figure[];
  for (const f of partFigures) say(describe(f));
  figures.push(...partFigures);
}
rmSync(out, { recursive: true, force: true });

if (json) {
  process.stdout.write(JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, f.median]))) + "\n");
} else {
  say(`\n== speed figures: ${figures.filter((f) => f.met).length} of ${figures.length} goals met`);
  for (const f of figures) say(describe(f));
  if (!only) {
    for (const bench of ["judging.ts", "pairwise.ts", "transcode.ts"]) {
      say(`\n== ${bench}`);
      const run = spawnSync(tsx, [path.join(root, "tests/bench", bench)], { cwd: root, stdio: "inherit" });
      if (run.status !== 0) failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
