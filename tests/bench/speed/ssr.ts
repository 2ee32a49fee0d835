/**
 * Server rendering and memory (`npm run bench`, part "ssr"): requests a second for the pages most
 * people load, and the server's memory at idle, against a bare Remix app (tests/bench/speed/
 * bare-remix: one page whose loader returns 20 items) built by this script with the same
 * compiler and HTTP stack.
 *
 * Each server is its own process (`node build/server/index.js` for Mosaic, as `npm start` runs
 * it); the load comes from this process, 20 keep-alive connections that each wait for their
 * answer. A round starts both servers afresh, warms them, reads their memory at idle, then measures
 * the reference, the contest page and `/me` in turns of a quarter second, so a
 * busy machine slows all three alike; the figures are the ratios within each round.
 *
 *   ssrRatio         contest page (a French visitor) / reference    goal ≥ 0.5×
 *   meRatio          /me (a signed-in entrant) / reference            goal ≥ 0.5×
 *
 * Both pages are served from the page cache (app/server/page-cache.ts) while the database is
 * unchanged, as they are between two writes in production. What a page costs when it must be
 * rendered (the first view after any write) is printed beside: the contest page with a query
 * string of its own on every request, so that none is served from the cache.
 *   idleMemoryRatio  resident memory after the rounds, Mosaic / reference   goal ≤ 1.5×
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, until } from "../../support/processes";
import { productionEnvironment, root } from "../production";
import { figure, median, report, ROUNDS } from "./figures";

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SLICE_MS = 250;

productionEnvironment("bench-ssr", undefined, { server: true });
const { db } = await import("../../../app/services/db.server");
const { createSession } = await import("../../../app/services/session.server");
const { demoContest, DEMO_SLUG } = await import("../../../prisma/demo-contest");
await db.contest.create({ data: demoContest(new Date()) });
const entrant = await db.user.create({
  data: { email: "entrant@example.org", fullName: "Amaya Reyes", country: "PH", dateOfBirth: "2001-05-04" },
});
const cookie = (await createSession(entrant.id)).split(";")[0]!;
await db.$disconnect();

// The reference, built from its sources into tests/.tmp.
const bareDir = path.join(root, "tests/.tmp/bench-bare");
rmSync(bareDir, { recursive: true, force: true });
mkdirSync(bareDir, { recursive: true });
cpSync(path.join(import.meta.dirname, "bare-remix"), bareDir, { recursive: true });
// Remix reads the runtime from package.json: the same packages, at Mosaic's versions (resolved
// from Mosaic's node_modules, above tests/.tmp).
const mosaicPackage = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const shared = [
  "@remix-run/node",
  "@remix-run/react",
  "@remix-run/express",
  "react",
  "react-dom",
  "express",
  "compression",
];
writeFileSync(
  path.join(bareDir, "package.json"),
  JSON.stringify({
    name: "bare-remix",
    private: true,
    type: "module",
    sideEffects: false,
    dependencies: Object.fromEntries(shared.map((name) => [name, mosaicPackage.dependencies[name]])),
  }),
);
execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: bareDir, stdio: "pipe" });

/** A server in its own process, on a free port, once it listens. */
async function start(args: string[], env: NodeJS.ProcessEnv, cwd: string, execArgv: string[] = []) {
  const port = await freePort();
  const child = fork(args[0]!, args.slice(1), { cwd, env: { ...env, PORT: String(port) }, stdio: "pipe", execArgv });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`${args[0]} ended: ${output}`);
    return fetch(base + "/").then(
      () => true,
      () => false,
    );
  });
  return { child, base };
}

/** Mosaic's production server and the reference, each freshly started in its own process. */
async function startBoth() {
  const mosaic = await start(
    [path.join(root, "build/server/index.js")],
    { ...process.env, APP_URL: "http://127.0.0.1", LOG_LEVEL: "silent" },
    root,
    // BENCH_PROFILE=DIR: a CPU profile of Mosaic's server per round, written there on exit (open
    // it in Chrome's DevTools, Performance tab).
    process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE] : [],
  );
  const bare = await start(
    [path.join(bareDir, "server.js"), bareDir],
    { ...process.env, NODE_ENV: "production" },
    bareDir,
  );
  return { mosaic, bare };
}

async function stop(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

let agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function get(url: string, headers: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      let length = 0;
      response.on("data", (chunk: Buffer) => (length += chunk.length));
      response.on("end", () =>
        response.statusCode === 200 && length > 0
          ? resolve()
          : reject(new Error(`${url} answered ${response.statusCode}`)),
      );
    });
    request.on("error", reject);
  });
}

/** Answers within `ms` milliseconds, from CONNECTIONS loops that each wait for their answer. */
async function answered(url: string | (() => string), headers: Record<string, string>, ms: number) {
  let done = 0;
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        await get(typeof url === "string" ? url : url(), headers);
        done += 1;
      }
    }),
  );
  return done;
}

/**
 * Requests a second for each target over SECONDS, in slices of SLICE_MS taken in turn (A, B, C,
 * A, B, C…), so that a machine busier in one second than the next slows every target alike.
 */
async function throughputs(targets: { url: string | (() => string); headers?: Record<string, string> }[]) {
  const counts = targets.map(() => 0);
  const times = targets.map(() => 0);
  const slices = Math.max(1, Math.round((SECONDS * 1000) / SLICE_MS));
  for (let slice = 0; slice < slices; slice++) {
    for (const [i, target] of targets.entries()) {
      const started = performance.now();
      counts[i]! += await answered(target.url, target.headers ?? {}, SLICE_MS);
      times[i]! += performance.now() - started;
    }
  }
  return counts.map((count, i) => count / (times[i]! / 1000));
}

/** Resident memory of a process, in MiB (Linux). */
function residentMiB(child: ChildProcess) {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

const ssr: number[] = [];
const me: number[] = [];
const reference: number[] = [];
const rendered: number[] = [];
let view = 0;
const memory: number[] = [];
const memoryDetail: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const { mosaic, bare } = await startBoth();
  const contestUrl = `${mosaic.base}/contests/${DEMO_SLUG}`;
  const meUrl = `${mosaic.base}/me`;
  const referenceUrl = `${bare.base}/`;
  // Warm: every page asked for by each connection, in the languages the rounds use.
  for (let i = 0; i < CONNECTIONS; i++) {
    await get(referenceUrl, {});
    await get(contestUrl, { "accept-language": "fr" });
    await get(meUrl, { cookie });
  }
  // Memory at idle: both servers have answered their pages and nothing is in flight.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const [m, b] = [residentMiB(mosaic.child), residentMiB(bare.child)];
  memory.push(m / b);
  memoryDetail.push(`${m.toFixed(0)}/${b.toFixed(0)}`);

  const [bareRate, contestRate, meRate, renderedRate] = (await throughputs([
    { url: referenceUrl },
    { url: contestUrl, headers: { "accept-language": "fr" } },
    { url: meUrl, headers: { cookie } },
    { url: () => `${contestUrl}?view=${view++}`, headers: { "accept-language": "fr" } },
  ])) as [number, number, number, number];
  reference.push(bareRate);
  rendered.push(renderedRate / bareRate);
  ssr.push(contestRate / bareRate);
  me.push(meRate / bareRate);
  console.log(
    `round ${round + 1}: reference ${bareRate.toFixed(0)} req/s, contest page ${contestRate.toFixed(0)} req/s, /me ${meRate.toFixed(0)} req/s, contest page rendered every time ${renderedRate.toFixed(0)} req/s; idle memory ${m.toFixed(0)} MiB against ${b.toFixed(0)} MiB`,
  );
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  await stop(mosaic.child);
  await stop(bare.child);
}

const perSecond = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
report([
  figure(
    "ssrRatio",
    "contest page (French visitor), req/s against the bare Remix route",
    "×",
    { atLeast: 0.5 },
    ssr,
    `reference ${perSecond(reference)} req/s; rendered every time (no page cache) ${median(rendered).toFixed(2)}× (${Math.min(...rendered).toFixed(2)}–${Math.max(...rendered).toFixed(2)}); ${CONNECTIONS} connections, ${SECONDS} s a page a round in slices of ${SLICE_MS} ms taken in turn; Mosaic's request log off, as the reference has none`,
  ),
  figure("meRatio", "/me (signed-in entrant), req/s against the bare Remix route", "×", { atLeast: 0.5 }, me),
  figure(
    "idleMemoryRatio",
    "server memory at idle (resident, after a first request of each page), against the bare Remix app",
    "×",
    { atMost: 1.5 },
    memory,
    `MiB, Mosaic/reference: ${memoryDetail.join(", ")}`,
  ),
]);
