/**
 * Results benchmark (`npm run bench`): the results maths for 10,000 entries × 3 judges × 5
 * criteria, and the server time of the organizers' results page and dashboard on a contest of
 * that size, through the real HTTP server and the production build. Goals: under 1 s for the
 * maths, under 200 ms for each page.
 *
 * Everything runs on this machine, on a throwaway SQLite database, or with BENCH_POSTGRES_URL
 * (an empty database; tests/bench/results-postgres.sh makes one on a throwaway cluster) on
 * PostgreSQL.
 */
import { performance } from "node:perf_hooks";
import { productionEnvironment, startProductionServer } from "./production";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const JUDGES_PER_ENTRY = 3;
const PANEL = 40;
productionEnvironment("bench-results", process.env.BENCH_POSTGRES_URL);

const { databaseEngine, db } = await import("../../app/services/db.server");
const { computeResults } = await import("../../app/models/results");
const { createSession } = await import("../../app/services/session.server");
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
// The demo's own seeding (`npm run mosaic -- seed-demo`): entrants from many countries, entries
// at every stage (about 65 % eligible), judges with conflicts, a fair assignment, most sheets scored.
const { seedDemoEntries, scoreDemoAssignments } = await import("../../prisma/demo-entries");
const { runAssignment } = await import("../../app/models/assignment.server");
const seedingStarted = performance.now();
await seedDemoEntries(db, contest.id, ENTRIES, { judges: PANEL });
const assigned = await runAssignment(contest.id);
const scored = await scoreDemoAssignments(db, contest.id, 0.9);
const seedingMs = performance.now() - seedingStarted;
const eligible = await db.entry.count({ where: { contestId: contest.id, status: "eligible" } });
const aJudge = (await db.contestJudge.findFirstOrThrow({ where: { contestId: contest.id } })).userId;
const cookie = (await createSession(organizer.id)).split(";")[0]!;
const server = await startProductionServer();
const url = `${server.base}/organize/${contest.slug}/results`;
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
/** Median server time of a console page, over `runs` requests after `warm` unmeasured ones. */
async function serverTime(paths: string[], warm = 1, runs = 5) {
  const times: number[] = [];
  for (let i = 0; i < warm + runs; i++) {
    const target = url.replace(/\/organize\/.*$/, paths[i % paths.length]!);
    const started = performance.now();
    const response = await fetch(target, { headers: { cookie, "accept-encoding": "identity" } });
    if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
    await response.text();
    if (i >= warm) times.push(performance.now() - started);
  }
  return median(times);
}
const console_ = `/organize/${contest.slug}`;
// The dashboard of the same contest.
const dashboard = await serverTime([console_]);
// The entries list: a search over names, emails, titles and references, then page 100.
const list = await serverTime([`${console_}/entries?page=100`, `${console_}/entries?q=entrant99.`], 2, 4);
// The entrants list: page 100, a search, a filter on drafts and a country.
const entrants = await serverTime(
  [
    `${console_}/entrants?page=100`,
    `${console_}/entrants?q=entrant99`,
    `${console_}/entrants?filter=drafts&country=PH`,
  ],
  3,
  6,
);
// Everyone with an account (10,000 entrants, 40 judges): page 100 and a search.
const people = await serverTime(["/organize/people?page=100", "/organize/people?q=entrant99"], 2, 4);
// The settings page of the contest.
const settings = await serverTime([`${console_}/settings`]);
// Judges and assignment: the panel with its progress, and the assignment table a page at a time.
const judgesPage = await serverTime(
  [`${console_}/judges`, `${console_}/judges?judge=${aJudge}`, `${console_}/judges?page=100`],
  3,
  6,
);
// Screening: the first page, page 100, and a search.
const screeningPage = await serverTime(
  [`${console_}/screening`, `${console_}/screening?page=100`, `${console_}/screening?q=YHD25-00`],
  3,
  6,
);
// The final round's shortlist table.
const finalPage = await serverTime([`${console_}/final`]);
server.close();

const maths = median(mathsTimes);
const page = median(pageTimes);
console.log(
  `results benchmark on ${databaseEngine() === "postgresql" ? "PostgreSQL" : "SQLite"}: maths on ${ENTRIES.toLocaleString("en")} entries × ${JUDGES_PER_ENTRY} judges (of ${PANEL}) × 5 criteria;`,
);
console.log(
  `  pages on seed-demo --entries ${ENTRIES}: ${eligible.toLocaleString("en")} eligible, ${assigned.created.toLocaleString("en")} assignments, ${scored.toLocaleString("en")} scored (seeded in ${(seedingMs / 1000).toFixed(1)} s)`,
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
const row = (name: string, ms: number) =>
  console.log(`  ${name.padEnd(30)} ${ms.toFixed(0).padStart(6)} ms   goal < 200 ms (${(ms / 200).toFixed(2)} of it)`);
row("dashboard, server time", dashboard);
row("entries list, server time", list);
row("entrants list, server time", entrants);
row("people list, server time", people);
row("settings page, server time", settings);
row("judges page, server time", judgesPage);
row("final round page, server time", finalPage);
row("screening page, server time", screeningPage);
const consoleMet = [dashboard, list, entrants, people, settings, judgesPage, finalPage, screeningPage].every(
  (ms) => ms < 200,
);
console.log(`  goals: console pages ${consoleMet ? "met" : "not met"},`);
console.log(`  goals: maths ${maths < 1000 ? "met" : "not met"}, page ${page < 200 ? "met" : "not met"}`);
await db.$disconnect();
