/**
 * Speed figures, big contests (`npm run bench`): the organizers' dashboard and results page of a
 * contest of 10,000 and of 50,000 entries answer as fast as those of a 1,000-entry contest, the
 * reference measured in the same rounds, interleaved. Each contest is seeded with the demo's own
 * seeding (entrants from many countries, entries at every stage, a fair assignment, 90 % of the
 * sheets scored), on the production build behind Mosaic's HTTP server, in this process.
 *
 * - dashboard: the server time of `/organize/<slug>`, and the longest the event loop was blocked
 *   while it answered (what every other visitor of the server waits for);
 * - results, first view: `/organize/<slug>/results` right after a score changed, so nothing of
 *   the last computation can be reused.
 *
 * On a throwaway SQLite database, or with BENCH_POSTGRES_URL (an empty database;
 * tests/bench/results-postgres.sh makes one on a throwaway cluster) on PostgreSQL, whose figures
 * carry the suffix `Pg`. BENCH_SCALE_ENTRIES="1000,10000,50000" changes the sizes.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { productionEnvironment, startProductionServer } from "../production";
import { figure, median, report, ROUNDS } from "./figures";

const postgresUrl = process.env.BENCH_POSTGRES_URL;
const [SMALL, MEDIUM, LARGE] = (process.env.BENCH_SCALE_ENTRIES ?? "1000,10000,50000").split(",").map(Number) as [
  number,
  number,
  number,
];
productionEnvironment("bench-scale", postgresUrl);

const { db } = await import("../../../app/services/db.server");
const { createSession } = await import("../../../app/services/session.server");
const { demoContest } = await import("../../../prisma/demo-contest");
const { seedDemoEntries, scoreDemoAssignments } = await import("../../../prisma/demo-entries");
const { runAssignment } = await import("../../../app/models/assignment.server");

/** A contest of `entries` seeded as `npm run mosaic -- seed-demo` does, with 40 judges. */
async function seededContest(entries: number, slug: string, codePrefix: string) {
  const contest = await db.contest.create({ data: { ...demoContest(new Date()), slug, codePrefix } });
  await seedDemoEntries(db, contest.id, entries, { judges: 40 });
  await runAssignment(contest.id);
  await scoreDemoAssignments(db, contest.id, 0.9);
  return contest;
}

const seedingStarted = performance.now();
const small = await seededContest(SMALL, "small", "SML");
const medium = await seededContest(MEDIUM, "medium", "MED");
const large = await seededContest(LARGE, "large", "LRG");
const seedingS = (performance.now() - seedingStarted) / 1000;

const organizer = await db.user.create({ data: { email: "organizer@example.org", role: "organizer" } });
const cookie = (await createSession(organizer.id)).split(";")[0]!;
const server = await startProductionServer();

/** The event loop's delays while a page answers: its longest is the longest task. */
const loop = monitorEventLoopDelay({ resolution: 1 });

/** One request through the HTTP server: its time, and the longest the event loop was blocked meanwhile. */
async function timed(pathname: string, mustInclude: string) {
  loop.reset();
  loop.enable();
  const started = performance.now();
  const response = await fetch(server.base + pathname, { headers: { cookie, "accept-encoding": "identity" } });
  const html = await response.text();
  const ms = performance.now() - started;
  loop.disable();
  if (response.status !== 200 || !html.includes(mustInclude))
    throw new Error(`${pathname} answered ${response.status}`);
  // the histogram holds how late each 1 ms tick came, in nanoseconds: a task's length, less the tick
  return { ms, longestTaskMs: loop.max / 1e6 + 1 };
}

/** A score of the contest changes, as a judge's saved sheet does: the next results view computes afresh. */
async function changeAScore(contestId: string, round: number) {
  const sheet = await db.assignment.findFirstOrThrow({
    where: { contestId, round: "scoring", status: "submitted" },
    orderBy: { id: "asc" },
    skip: round,
  });
  const scores = JSON.parse(sheet.scores) as Record<string, number>;
  const [first] = Object.keys(scores);
  if (first) scores[first] = (scores[first]! % 5) + 1;
  await db.assignment.update({
    where: { id: sheet.id },
    data: { scores: JSON.stringify(scores), revision: { increment: 1 } },
  });
}

const dashboard = (slug: string) => timed(`/organize/${slug}`, "dashboard-title");
const results = async (contest: { id: string; slug: string; codePrefix: string }, round: number) => {
  await changeAScore(contest.id, round);
  return timed(`/organize/${contest.slug}/results`, `${contest.codePrefix}-`);
};

// Unmeasured: the first request of each page runs cold code.
for (const c of [small, medium, large]) {
  await dashboard(c.slug);
  await results(c, 0);
}

const samples = {
  dashboardSmall: [] as number[],
  dashboardMedium: [] as number[],
  dashboardLarge: [] as number[],
  dashboardLargeTask: [] as number[],
  resultsSmall: [] as number[],
  resultsLarge: [] as number[],
  resultsLargeTask: [] as number[],
};
for (let round = 1; round <= ROUNDS; round++) {
  samples.dashboardSmall.push((await dashboard(small.slug)).ms);
  samples.dashboardMedium.push((await dashboard(medium.slug)).ms);
  const big = await dashboard(large.slug);
  samples.dashboardLarge.push(big.ms);
  samples.dashboardLargeTask.push(big.longestTaskMs);
  samples.resultsSmall.push((await results(small, round)).ms);
  const bigResults = await results(large, round);
  samples.resultsLarge.push(bigResults.ms);
  samples.resultsLargeTask.push(bigResults.longestTaskMs);
}
server.close();
await db.$disconnect();

const engine = postgresUrl ? "PostgreSQL" : "SQLite";
const suffix = postgresUrl ? "Pg" : "";
const k = (n: number) => `${Math.round(n / 1000)}k`;
const reference = (values: number[]) => `${SMALL.toLocaleString("en")} entries: ${median(values).toFixed(0)} ms`;
const sizes = `${engine}, seeded in ${seedingS.toFixed(0)} s`;
report([
  figure(
    `dashboardMs${k(MEDIUM)}${suffix}`,
    `Dashboard, server time, ${MEDIUM.toLocaleString("en")} entries (${engine})`,
    "ms",
    { atMost: 100 },
    samples.dashboardMedium,
    `${reference(samples.dashboardSmall)}; ${sizes}`,
  ),
  figure(
    `dashboardMs${k(LARGE)}${suffix}`,
    `Dashboard, server time, ${LARGE.toLocaleString("en")} entries (${engine})`,
    "ms",
    { atMost: 200 },
    samples.dashboardLarge,
    `${reference(samples.dashboardSmall)}`,
  ),
  figure(
    `dashboardLongestTaskMs${k(LARGE)}${suffix}`,
    `Dashboard, longest event-loop block, ${LARGE.toLocaleString("en")} entries`,
    "ms",
    { atMost: 50 },
    samples.dashboardLargeTask,
  ),
  figure(
    `resultsFirstViewMs${k(LARGE)}${suffix}`,
    `Results after a score changed, ${LARGE.toLocaleString("en")} entries (${engine})`,
    "ms",
    { atMost: 1000 },
    samples.resultsLarge,
    `${reference(samples.resultsSmall)}; longest event-loop block ${median(samples.resultsLargeTask).toFixed(0)} ms (${Math.min(...samples.resultsLargeTask).toFixed(0)}–${Math.max(...samples.resultsLargeTask).toFixed(0)})`,
  ),
]);
