/**
 * Page benchmark (`npm run bench`): how many requests a second the production build answers for
 * the pages most people load, against `/healthz` on the same server in the same run (the HTTP
 * stack and Remix's routing without a page render), so the ratio holds on a busy machine.
 *
 * Pages: the contest page as a visitor sees it, and `/me` for a signed-in entrant. The
 * database is a throwaway SQLite file with the demo contest.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "tests/.tmp/bench-pages");
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
execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: "pipe" });

const { db } = await import("../../app/services/db.server");
const { createSession } = await import("../../app/services/session.server");
const { createApp } = await import("../../app/server/app");
const { demoContest, DEMO_SLUG } = await import("../../prisma/demo-contest");

await db.contest.create({ data: demoContest(new Date()) });
const entrant = await db.user.create({
  data: { email: "entrant@example.org", fullName: "Amaya Reyes", country: "PH", dateOfBirth: "2001-05-04" },
});
const cookie = (await createSession(entrant.id)).split(";")[0]!;
const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
const server = createApp({ build, mode: "production", appOrigin: "http://localhost:3000" }).listen(0);
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
server.close();
await db.$disconnect();

const row = (name: string, perSecond: number) =>
  console.log(
    `  ${name.padEnd(30)} ${perSecond.toFixed(0).padStart(6)} req/s   ${(perSecond / reference).toFixed(2)}× of /healthz`,
  );
console.log(`page benchmark: ${CONNECTIONS} connections, ${SECONDS} s a page, the production build on SQLite`);
row("/healthz (reference)", reference);
row("contest page (French visitor)", contestPage);
row("/me (signed-in entrant)", me);
