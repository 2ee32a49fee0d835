/**
 * Page benchmark (`npm run bench`): how many requests a second the production build answers for
 * the pages most people load, against `/healthz` on the same server in the same run (the HTTP
 * stack and Remix's routing without a page render), so the ratio holds on a busy machine.
 *
 * Pages: the contest page as a visitor sees it, and `/me` for a signed-in entrant. The
 * database is a throwaway SQLite file with the demo contest.
 */
import { performance } from "node:perf_hooks";
import { productionEnvironment, startProductionServer } from "./production";

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
productionEnvironment("bench-pages");

const { db } = await import("../../app/services/db.server");
const { createSession } = await import("../../app/services/session.server");
const { demoContest, DEMO_SLUG } = await import("../../prisma/demo-contest");

await db.contest.create({ data: demoContest(new Date()) });
const entrant = await db.user.create({
  data: { email: "entrant@example.org", fullName: "Amaya Reyes", country: "PH", dateOfBirth: "2001-05-04" },
});
const cookie = (await createSession(entrant.id)).split(";")[0]!;
const { base, close } = await startProductionServer();

/** Requests a second over `SECONDS`, from `CONNECTIONS` loops that each wait for their answer. */
async function throughput(pathname: string, headers: Record<string, string> = {}) {
  const ask = async () => {
    const response = await fetch(base + pathname, { headers: { "accept-encoding": "identity", ...headers } });
    const body = await response.text();
    if (response.status !== 200 || body.length === 0) throw new Error(`${pathname} answered ${response.status}`);
  };
  for (let i = 0; i < CONNECTIONS; i++) await ask(); // warm
  let done = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await ask();
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const reference = await throughput("/healthz");
const contestPage = await throughput(`/contests/${DEMO_SLUG}`, { "accept-language": "fr" });
const me = await throughput("/me", { cookie });
close();
await db.$disconnect();

const row = (name: string, perSecond: number) =>
  console.log(
    `  ${name.padEnd(30)} ${perSecond.toFixed(0).padStart(6)} req/s   ${(perSecond / reference).toFixed(2)}× of /healthz`,
  );
console.log(`page benchmark: ${CONNECTIONS} connections, ${SECONDS} s a page, the production build on SQLite`);
row("/healthz (reference)", reference);
row("contest page (French visitor)", contestPage);
row("/me (signed-in entrant)", me);
