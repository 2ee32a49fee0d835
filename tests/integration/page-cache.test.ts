import type { ServerBuild } from "@remix-run/node";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import express from "express";
import { randomBytes } from "node:crypto";
import { createApp } from "../../app/server/app";
import { pageCache } from "../../app/server/page-cache";
import { KEEP_PAGE_HEADER } from "~/services/page-cache";
import { until } from "../support/processes";
import { redirectWithNotice } from "~/forms.server";
import { setNow } from "~/services/clock.server";
import { databaseEngine, db } from "~/services/db.server";
import { createSession } from "~/services/session.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetDatabase } from "../support/db";

// The real HTTP server (Express + the production build) on a free port, as page-cache.ts runs in
// production: a page is rendered once and served again while the database and the clock say it
// still holds, and only to requests with the same URL, language and cookies.
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
  // The server learns which paths offer their pages from a first answer of each.
  await db.contest.create({ data: demoContest(T) });
  const { cookie } = await signIn("first@example.org");
  for (const path of [page, "/", `/contests/${DEMO_SLUG}/winners`]) await get(path);
  await get("/me", { cookie });
});

afterAll(async () => {
  setNow(undefined);
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  await db.contest.deleteMany();
  await db.user.deleteMany();
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

async function signIn(email: string) {
  const user = await db.user.create({ data: { email, fullName: "Amaya Reyes" } });
  return { user, cookie: (await createSession(user.id)).split(";")[0]! };
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
    expect(first.response.headers.get("x-mosaic-keep-page")).toBeNull();
    expect(first.response.headers.get("age")).toBeNull();

    setNow(new Date(T.getTime() + 20_000));
    const again = await get(page);
    // the same page, not rendered again: it still says when it was rendered
    expect(again.rendered).toBe(T.toISOString());
    expect(again.response.headers.get("content-type")).toBe(first.response.headers.get("content-type"));
    expect(again.response.headers.get("x-mosaic-keep-page")).toBeNull();
    expect(again.response.headers.get("age")).toBe("20");
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

  it("keeps a page per language and per cookies, so a signed-in person only ever gets their own", async () => {
    const english = await get(page, { "accept-language": "en" });
    const french = await get(page, { "accept-language": "fr" });
    expect(english.html).toContain('<html lang="en"');
    expect(french.html).toContain('<html lang="fr"');
    setNow(new Date(T.getTime() + 5_000));
    expect((await get(page, { "accept-language": "fr" })).html).toContain('<html lang="fr"');
    expect((await get(page, { "accept-language": "en" })).html).toContain('<html lang="en"');
    // a visitor whose time zone the page knows from its cookie gets a page of their own
    const tokyo = await get(page, { "accept-language": "en", cookie: "mosaic_tz=Asia%2FTokyo" });
    expect(tokyo.rendered).toBe(new Date(T.getTime() + 5_000).toISOString());

    const { cookie } = await signIn("amaya@example.org");
    const mine = await get(page, { "accept-language": "en", cookie });
    expect(mine.rendered).toBe(new Date(T.getTime() + 5_000).toISOString());
    expect(mine.html).toContain(`href="/contests/${DEMO_SLUG}/enter"`);
    expect(mine.html).not.toContain("/login?redirectTo");
    setNow(new Date(T.getTime() + 6_000));
    expect((await get(page, { "accept-language": "en", cookie })).response.headers.get("age")).toBe("1");
    // and the visitors' page is still the visitors', even once kept again
    for (let i = 0; i < 2; i++) {
      const visitors = await get(page, { "accept-language": "en" });
      expect(visitors.html).toContain("/login?redirectTo");
      expect(visitors.html).not.toContain(`href="/contests/${DEMO_SLUG}/enter"`);
    }
  });

  it("keeps a person's own page for their session only, and never past its end or a sign-out", async () => {
    const amaya = await signIn("amaya@example.org");
    const lina = await signIn("lina@example.org");
    const first = await get("/me", { cookie: amaya.cookie });
    expect(first.html).toContain("amaya@example.org");
    setNow(new Date(T.getTime() + 2_000));
    const again = await get("/me", { cookie: amaya.cookie });
    expect(again.response.headers.get("age")).toBe("2");
    expect(again.html).toContain("amaya@example.org");
    const other = await get("/me", { cookie: lina.cookie });
    expect(other.response.headers.get("age")).toBeNull();
    expect(other.html).toContain("lina@example.org");
    expect(other.html).not.toContain("amaya@example.org");

    // signing out ends the session on the server: the old cookie leads to sign-in, not the page
    const out = await fetch(`${base}/logout`, {
      method: "POST",
      headers: { cookie: amaya.cookie, origin: "http://localhost:3000" },
      redirect: "manual",
    });
    expect(out.status).toBe(302);
    const after = await fetch(`${base}/me`, { headers: { cookie: amaya.cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);

    // a session that ends in 10 seconds: its page is kept 10 seconds, not 30
    await db.session.updateMany({
      where: { userId: lina.user.id },
      data: { expiresAt: new Date(T.getTime() + 12_000) },
    });
    await get("/me", { cookie: lina.cookie });
    setNow(new Date(T.getTime() + 11_000));
    expect((await get("/me", { cookie: lina.cookie })).response.headers.get("age")).toBe("9");
    setNow(new Date(T.getTime() + 12_000));
    const ended = await fetch(`${base}/me`, { headers: { cookie: lina.cookie }, redirect: "manual" });
    expect(ended.status).toBe(302);
  });

  it("keeps the list of contests and the winners' gallery, never across a moment that changes them", async () => {
    // a second contest opens in 10 seconds: the list is kept until then, then read afresh
    await db.contest.create({
      data: {
        ...demoContest(T),
        slug: "next-year",
        codePrefix: "NXT",
        title: "Next year",
        opensAt: new Date(T.getTime() + 10_000),
      },
    });
    await get("/");
    setNow(new Date(T.getTime() + 9_000));
    expect((await get("/")).response.headers.get("age")).toBe("9");
    setNow(new Date(T.getTime() + 10_000));
    expect((await get("/")).response.headers.get("age")).toBeNull();
    expect((await get("/")).response.headers.get("age")).toBe("0");

    // the people's vote closes in 5 seconds: the gallery is kept until then
    await db.contest.update({
      where: { slug: DEMO_SLUG },
      data: { resultsPublishedAt: T, peoplesChoice: true, votingClosesAt: new Date(T.getTime() + 15_000) },
    });
    const winners = `/contests/${DEMO_SLUG}/winners`;
    await get(winners);
    expect((await get(winners)).response.headers.get("age")).toBe("0");
    setNow(new Date(T.getTime() + 14_000));
    expect((await get(winners)).response.headers.get("age")).toBe("4");
    setNow(new Date(T.getTime() + 15_000));
    expect((await get(winners)).response.headers.get("age")).toBeNull();
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

describe("the page cache under a burst", () => {
  it("renders a page once for requests that arrive while it is being rendered", async () => {
    // a page whose render waits until the test lets it finish
    let renders = 0;
    let versionReads = 0;
    let finish = () => {};
    let gate = Promise.resolve();
    const app = express();
    app.use((_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    });
    const hooks = {
      dataVersion: async () => {
        versionReads += 1;
        return "unchanged";
      },
      now: () => 0,
    };
    app.use(pageCache({ hooks: async () => hooks }));
    app.get("/burst", async (_req, res) => {
      renders += 1;
      await gate;
      res.setHeader(KEEP_PAGE_HEADER, "30");
      res.type("html").send(`<script nonce="${String(res.locals.cspNonce)}"></script><p>render ${renders}</p>`);
    });
    const burst = app.listen(0);
    await new Promise((resolve) => burst.once("listening", resolve));
    const url = `http://127.0.0.1:${(burst.address() as AddressInfo).port}/burst`;
    try {
      await fetch(url).then((r) => r.text()); // the path's first answer: it offers
      gate = new Promise((resolve) => (finish = resolve));
      const first = fetch(url);
      await until(() => renders === 2);
      const others = [fetch(url), fetch(url), fetch(url)];
      await until(() => versionReads === 4);
      finish();
      const answers = await Promise.all([first, ...others]);
      const bodies = await Promise.all(answers.map((r) => r.text()));
      expect(renders).toBe(2);
      for (const body of bodies) expect(body).toContain("<p>render 2</p>");
      expect(answers.map((r) => r.headers.get("age"))).toEqual([null, "0", "0", "0"]);
    } finally {
      await new Promise((resolve) => burst.close(resolve));
    }
  });
});
