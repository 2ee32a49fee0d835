/**
 * Results benchmark (`npm run bench`): the results maths for 10,000 entries × 3 judges × 5
 * criteria, and the server time of the organizers' results page and dashboard on a contest of
 * that size, through the real HTTP server and the production build. Goals: under 1 s for the
 * maths, under 200 ms for each page.
 *
 * Everything runs on this machine, on a throwaway SQLite database.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const JUDGES_PER_ENTRY = 3;
const PANEL = 40;
const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "tests/.tmp/bench-results");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
Object.assign(process.env, {
  NODE_ENV: "production",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  APP_URL: "http://localhost:3000",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
  S3_ENDPOINT: "http://127.0.0.1:9",
  S3_BUCKET: "bench",
  S3_ACCESS_KEY_ID: "bench",
  S3_SECRET_ACCESS_KEY: "bench",
  RESEND_API_KEY: "re_bench",
  JOBS_ENABLED: "false",
});
execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, stdio: "pipe" });
// A production build, as `npm start` serves it.
execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
  cwd: root,
  stdio: "pipe",
  env: { ...process.env, NODE_ENV: "production" },
});

const { db } = await import("../../app/services/db.server");
const { computeResults } = await import("../../app/models/results");
const { createSession } = await import("../../app/services/session.server");
const { createApp } = await import("../../app/server/app");
const { demoContest } = await import("../../prisma/demo-contest");

// A deterministic generator, so runs compare.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// 1. The maths alone: 10,000 entries × 3 judges × 5 criteria.
const criteria = ["c1", "c2", "c3", "c4", "c5"].map((id, i) => ({ id, weight: [30, 20, 20, 20, 10][i]! }));
const scores = Array.from({ length: ENTRIES }, (_, e) =>
  Array.from({ length: JUDGES_PER_ENTRY }, (_, j) => ({
    entryId: `e${e}`,
    judgeId: `j${(e * JUDGES_PER_ENTRY + j) % PANEL}`,
    criterionScores: Object.fromEntries(criteria.map((c) => [c.id, 1 + Math.floor(random() * 5)])),
  })),
).flat();
const categoryOf = Object.fromEntries(Array.from({ length: ENTRIES }, (_, e) => [`e${e}`, `cat${e % 5}`]));
const mathsTimes = Array.from({ length: 5 }, () => {
  const started = performance.now();
  computeResults({ criteria, scores, categoryOf });
  return performance.now() - started;
});

// 2. The page: a seeded contest of that size, asked for through the HTTP server.
const contest = await db.contest.create({
  data: demoContest(new Date()),
  include: { categories: true, criteria: true },
});
const organizer = await db.user.create({ data: { email: "organizer@example.org", role: "organizer" } });
const judges = Array.from({ length: PANEL }, (_, j) => ({ id: `judge-${j}`, email: `judge${j}@example.org` }));
await db.user.createMany({ data: judges });
const CHUNK = 2_000;
for (let start = 0; start < ENTRIES; start += CHUNK) {
  const ids = Array.from({ length: Math.min(CHUNK, ENTRIES - start) }, (_, i) => start + i);
  await db.user.createMany({
    data: ids.map((e) => ({ id: `u${e}`, email: `entrant${e}@example.org`, fullName: `Entrant ${e}`, country: "PH" })),
  });
  await db.entry.createMany({
    data: ids.map((e) => ({
      id: `e${e}`,
      contestId: contest.id,
      categoryId: contest.categories[e % contest.categories.length]!.id,
      entrantId: `u${e}`,
      status: "eligible",
      referenceCode: `YHD25-${String(e + 1).padStart(5, "0")}`,
      judgeCode: `J${e}`,
      title: `Work ${e}`,
      submittedAt: new Date(),
    })),
  });
  await db.assignment.createMany({
    data: ids.flatMap((e) =>
      Array.from({ length: JUDGES_PER_ENTRY }, (_, j) => ({
        contestId: contest.id,
        entryId: `e${e}`,
        judgeId: judges[(e * JUDGES_PER_ENTRY + j) % PANEL]!.id,
        status: "submitted",
        revision: 1,
        scores: JSON.stringify(Object.fromEntries(contest.criteria.map((c) => [c.id, 1 + Math.floor(random() * 5)]))),
      })),
    ),
  });
}
const cookie = (await createSession(organizer.id)).split(";")[0]!;
const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const server = createApp({ build, mode: "production", appOrigin: "http://localhost:3000" }).listen(0);
await new Promise((resolve) => server.once("listening", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/organize/${contest.slug}/results`;
const pageTimes: number[] = [];
// The first view reads and computes everything; later views reuse it until a score, an entry or
// an award changes.
let firstTime = 0;
let bytes = 0;
for (let i = 0; i < 6; i++) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, "accept-encoding": "identity" } });
  const html = await response.text();
  if (response.status !== 200 || !html.includes("YHD25-")) throw new Error(`results page answered ${response.status}`);
  if (i === 0) firstTime = performance.now() - started;
  else pageTimes.push(performance.now() - started);
  bytes = html.length;
}
// The dashboard of the same contest.
const dashboardTimes: number[] = [];
for (let i = 0; i < 6; i++) {
  const started = performance.now();
  const response = await fetch(url.replace(/\/results$/, ""), { headers: { cookie, "accept-encoding": "identity" } });
  if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
  await response.text();
  if (i > 0) dashboardTimes.push(performance.now() - started);
}
// The entries list: a search over names, emails, titles and references, then page 100.
const listTimes: number[] = [];
for (let i = 0; i < 6; i++) {
  const started = performance.now();
  const target = `${url.replace(/\/results$/, "/entries")}?${i % 2 ? "q=Entrant%2099" : "page=100"}`;
  const response = await fetch(target, { headers: { cookie, "accept-encoding": "identity" } });
  if (response.status !== 200) throw new Error(`entries list answered ${response.status}`);
  await response.text();
  if (i > 1) listTimes.push(performance.now() - started);
}
server.close();

const maths = median(mathsTimes);
const page = median(pageTimes);
console.log(
  `results benchmark: ${ENTRIES.toLocaleString("en")} entries × ${JUDGES_PER_ENTRY} judges (of ${PANEL}) × 5 criteria`,
);
console.log(
  `  results maths                  ${maths.toFixed(0).padStart(6)} ms   goal < 1000 ms (${(maths / 1000).toFixed(2)} of it)`,
);
console.log(
  `  results page, server time      ${page.toFixed(0).padStart(6)} ms   goal < 200 ms (${(page / 200).toFixed(2)} of it), ${Math.round(bytes / 1024)} KB of HTML`,
);
console.log(
  `  results page, first view        ${firstTime.toFixed(0).padStart(6)} ms   (reads and computes everything, cold code)`,
);
const dashboard = median(dashboardTimes);
console.log(
  `  dashboard, server time         ${dashboard.toFixed(0).padStart(6)} ms   goal < 200 ms (${(dashboard / 200).toFixed(2)} of it)`,
);
const list = median(listTimes);
console.log(
  `  entries list, server time      ${list.toFixed(0).padStart(6)} ms   goal < 200 ms (${(list / 200).toFixed(2)} of it)`,
);
console.log(`  goals: entries list ${list < 200 ? "met" : "not met"},`);
console.log(`  goals: dashboard ${dashboard < 200 ? "met" : "not met"},`);
console.log(`  goals: maths ${maths < 1000 ? "met" : "not met"}, page ${page < 200 ? "met" : "not met"}`);
await db.$disconnect();
