import type { ServerBuild } from "@remix-run/node";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../app/server/app";
import { redirectWithNotice } from "~/forms.server";
import { setNow } from "~/services/clock.server";
import { databaseEngine, db } from "~/services/db.server";
import { createSession } from "~/services/session.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetDatabase } from "../support/db";

// The real HTTP server (Express + the production build) on a free port, as page-cache.ts runs in
// production: a contest's page for visitors who are not signed in is rendered once and served
// again while the database and the clock say it still holds.
let server: Server;
let base: string;
const T = new Date("2025-03-10T12:00:00.000Z");
const page = `/contests/${DEMO_SLUG}`;

beforeAll(async () => {
  await resetDatabase();
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  server = createApp({ build, mode: "production", appOrigin: "http://localhost:3000" }).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setNow(undefined);
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  await db.contest.deleteMany();
  setNow(T);
  // open from a month before T, closing a month after it
  await db.contest.create({ data: demoContest(T) });
});

/** The page as a browser gets it: its text, the nonce its policy allows, the time it was rendered at. */
async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + url, { headers });
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const rendered = /serverNow\\?",\\?"([0-9T:.Z-]+)/.exec(html)?.[1];
  return { response, html, nonce, rendered };
}

/** A write by another process than the server: a connection of its own to the same database. */
async function retitleElsewhere(title: string) {
  if (databaseEngine() === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`UPDATE "Contest" SET "title" = $1 WHERE "slug" = $2`, [title, DEMO_SLUG]);
    await client.end();
  } else {
    const { default: Database } = await import("better-sqlite3");
    const file = new Database(new URL(process.env.DATABASE_URL!.replace(/^file:/, "file://")).pathname);
    file.prepare(`UPDATE "Contest" SET "title" = ? WHERE "slug" = ?`).run(title, DEMO_SLUG);
    file.close();
  }
}

describe("the shared page cache", () => {
  it("serves a visitor's contest page again, with a fresh nonce, until the clock passes its half minute", async () => {
    const first = await get(page);
    expect(first.response.status).toBe(200);
    expect(first.rendered).toBe(T.toISOString());
    // the offer to the cache stays inside the server
    expect(first.response.headers.get("x-mosaic-shared-page")).toBeNull();

    setNow(new Date(T.getTime() + 20_000));
    const again = await get(page);
    // the same page, not rendered again: it still says when it was rendered
    expect(again.rendered).toBe(T.toISOString());
    expect(again.response.headers.get("content-type")).toBe(first.response.headers.get("content-type"));
    expect(again.response.headers.get("x-mosaic-shared-page")).toBeNull();
    // each answer's scripts carry that answer's own nonce, and no other
    expect(again.nonce).toBeTruthy();
    expect(again.nonce).not.toBe(first.nonce);
    const scripts = [...again.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${again.nonce}"`);
    expect(again.html).not.toContain(first.nonce);
    expect(again.html.split(again.nonce!).join("")).toBe(first.html.split(first.nonce!).join(""));

    setNow(new Date(T.getTime() + 31_000));
    expect((await get(page)).rendered).toBe(new Date(T.getTime() + 31_000).toISOString());
  });

  it("shows a change made by this server, or by any other process, on the next view", async () => {
    await get(page);
    await db.contest.update({ where: { slug: DEMO_SLUG }, data: { title: "Changed here" } });
    const afterOwn = await get(page);
    expect(afterOwn.html).toContain("Changed here");
    expect(afterOwn.rendered).toBe(T.toISOString());
    expect((await get(page)).html).toContain("Changed here");

    await retitleElsewhere("Changed elsewhere");
    const afterOther = await get(page);
    expect(afterOther.html).toContain("Changed elsewhere");
    expect(afterOther.html).not.toContain("Changed here");
  });

  it("never keeps a page past the moment the contest closes", async () => {
    const closes = new Date(T.getTime() + 10_000);
    await db.contest.update({ where: { slug: DEMO_SLUG }, data: { deadline: closes, graceMinutes: 0 } });
    const open = await get(page);
    expect(open.html).toContain(`href="/login?redirectTo=%2Fcontests%2F${DEMO_SLUG}%2Fenter"`);
    expect(open.html).toMatch(/role="timer"/);

    setNow(new Date(closes.getTime() + 1));
    const closed = await get(page);
    expect(closed.rendered).toBe(new Date(closes.getTime() + 1).toISOString());
    expect(closed.html).not.toMatch(/role="timer"/);
  });

  it("keeps a page per language and per cookies, and never serves one to a signed-in person", async () => {
    const english = await get(page, { "accept-language": "en" });
    const french = await get(page, { "accept-language": "fr" });
    expect(english.html).toContain('<html lang="en"');
    expect(french.html).toContain('<html lang="fr"');
    setNow(new Date(T.getTime() + 5_000));
    expect((await get(page, { "accept-language": "fr" })).html).toContain('<html lang="fr"');
    expect((await get(page, { "accept-language": "en" })).html).toContain('<html lang="en"');
    // a visitor whose time zone the page knows from its cookie sees times in that zone
    const tokyo = await get(page, { "accept-language": "en", cookie: "mosaic_tz=Asia%2FTokyo" });
    expect(tokyo.rendered).toBe(new Date(T.getTime() + 5_000).toISOString());

    const entrant = await db.user.create({ data: { email: "amaya@example.org", fullName: "Amaya Reyes" } });
    const cookie = (await createSession(entrant.id)).split(";")[0]!;
    for (const seconds of [5, 6]) {
      setNow(new Date(T.getTime() + seconds * 1000));
      const mine = await get(page, { "accept-language": "en", cookie });
      expect(mine.rendered).toBe(new Date(T.getTime() + seconds * 1000).toISOString());
      expect(mine.html).toContain(`href="/contests/${DEMO_SLUG}/enter"`);
      expect(mine.html).not.toContain("/login?redirectTo");
      expect(mine.response.headers.get("x-mosaic-shared-page")).toBeNull();
    }
    // and the visitors' page is still the visitors'
    expect((await get(page, { "accept-language": "en" })).html).toContain("/login?redirectTo");
  });

  it("keeps nothing of an answer that sets a cookie", async () => {
    // a notice left by a redirect is shown once, and the page's answer clears its cookie
    const left = await redirectWithNotice(page, { key: "settings.saved" });
    const cookie = left.headers.get("set-cookie")!.split(";")[0]!;
    const shown = await get(page, { cookie });
    expect(shown.response.headers.get("set-cookie")).toContain("mosaic_notice=;");
    setNow(new Date(T.getTime() + 1_000));
    const again = await get(page, { cookie });
    expect(again.rendered).toBe(new Date(T.getTime() + 1_000).toISOString());
  });
});
