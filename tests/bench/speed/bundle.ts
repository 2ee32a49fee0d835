/**
 * Page weight (`npm run bench`, part "bundle"): the JavaScript a visitor's browser downloads for
 * the contest page and for a signed-in entrant's entry page, as the production build sends it
 * (compressed by Mosaic's HTTP server), counted by real Chromium until the page is idle. Every
 * script counts: the route chunks, the language's messages, anything loaded after hydration.
 *
 * The contest page is seen by a French visitor (so the language's messages are fetched, as for
 * every visitor whose language is not in the page's first chunk), the entry page by an entrant
 * on a draft entry of the video category: the page with the uploader.
 *
 *   BENCH_ROUNDS=1 npx tsx tests/bench/speed/bundle.ts
 */
import { chromium, type Browser } from "@playwright/test";
import { chromiumPath } from "../../e2e/chromium";
import { productionEnvironment, startProductionServer } from "../production";
import { figure, report, ROUNDS } from "./figures";

productionEnvironment("bench-bundle");

const { db } = await import("../../../app/services/db.server");
const { createSession } = await import("../../../app/services/session.server");
const { saveProfile } = await import("../../../app/models/profile.server");
const { startEntry } = await import("../../../app/models/entry.server");
const { demoContest, DEMO_SLUG } = await import("../../../prisma/demo-contest");

const contest = await db.contest.create({ data: demoContest(new Date()), include: { categories: true } });
const entrant = await db.user.create({ data: { email: "entrant@example.org" } });
await saveProfile(entrant.id, {
  fullName: "Amaya Reyes",
  displayName: "Amaya R.",
  dateOfBirth: "2001-05-04",
  country: "PH",
});
const video = contest.categories.find((c) => c.slug === "video")!;
const started = await startEntry(entrant.id, contest.id, video.id);
if (!started.ok) throw new Error(`the entry could not be started: ${JSON.stringify(started.problems)}`);
// The session cookie as the browser keeps it (it is `Secure` in production; the bench server is plain HTTP).
const [cookieName, cookieValue] = (await createSession(entrant.id)).split(";")[0]!.split(/=(.*)/s) as [string, string];
const { base, close } = await startProductionServer();

type Script = { path: string; bytes: number };

/** The scripts a fresh browser downloads for `pathname` until the network is idle, and their bytes as sent. */
async function scriptsOf(browser: Browser, pathname: string, visitor: { language?: string; signedIn?: boolean }) {
  const context = await browser.newContext({ locale: visitor.language });
  if (visitor.signedIn) await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
  const page = await context.newPage();
  const finished: Promise<Script | null>[] = [];
  page.on("requestfinished", (request) => {
    finished.push(
      (async () => {
        const response = await request.response();
        const type = response?.headers()["content-type"] ?? "";
        if (request.resourceType() !== "script" && !type.includes("javascript")) return null;
        if (response?.status() !== 200) throw new Error(`${request.url()} answered ${response?.status()}`);
        const sizes = await request.sizes();
        return { path: new URL(request.url()).pathname, bytes: sizes.responseBodySize };
      })(),
    );
  });
  const response = await page.goto(base + pathname, { waitUntil: "networkidle" });
  if (response?.status() !== 200 || new URL(page.url()).pathname !== pathname) {
    throw new Error(`${pathname} answered ${response?.status()} at ${page.url()}`);
  }
  const lang = await page.locator("html").getAttribute("lang");
  if (visitor.language && lang !== visitor.language) throw new Error(`${pathname} came in ${lang}`);
  // Hydrated: the page's own scripts have run, and whatever they fetched has arrived.
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.waitForLoadState("networkidle");
  const scripts = (await Promise.all(finished)).filter((s): s is Script => s !== null);
  await context.close();
  return scripts.sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number) => bytes / 1024;
const total = (scripts: Script[]) => kb(scripts.reduce((sum, s) => sum + s.bytes, 0));
const list = (scripts: Script[]) =>
  scripts.map((s) => `${s.path.replace(/^\/build\//, "")} ${kb(s.bytes).toFixed(1)}`).join(", ");

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
const contestSamples: number[] = [];
const entrySamples: number[] = [];
let contestScripts: Script[] = [];
let entryScripts: Script[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    contestScripts = await scriptsOf(browser, `/contests/${DEMO_SLUG}`, { language: "fr" });
    entryScripts = await scriptsOf(browser, `/entries/${started.entryId}`, { signedIn: true });
    contestSamples.push(total(contestScripts));
    entrySamples.push(total(entryScripts));
  }
} finally {
  await browser.close();
  close();
  await db.$disconnect();
}

console.log(`contest page (French visitor): ${contestScripts.length} scripts, KB gzip: ${list(contestScripts)}`);
console.log(`entry page (draft, video): ${entryScripts.length} scripts, KB gzip: ${list(entryScripts)}`);
report([
  figure(
    "contestJsKb",
    "JavaScript of the contest page (French visitor, gzip)",
    "KB",
    { atMost: 100 },
    contestSamples,
    `${total(contestScripts).toFixed(1)} KB in ${contestScripts.length} files`,
  ),
  figure(
    "entryJsKb",
    "JavaScript of an entrant's entry page (draft, gzip)",
    "KB",
    { atMost: 150 },
    entrySamples,
    `${total(entryScripts).toFixed(1)} KB in ${entryScripts.length} files`,
  ),
]);
