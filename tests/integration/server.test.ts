import type { ServerBuild } from "@remix-run/node";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app/server/app";
import { db } from "~/services/db.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetDatabase } from "../support/db";

// The real HTTP server (Express + the production build of the app) on a free port.
let server: Server;
let base: string;

beforeAll(async () => {
  await resetDatabase();
  await db.contest.create({ data: demoContest(new Date()) });
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createApp({
    build,
    mode: "production",
    appOrigin: "http://localhost:3000",
    storageOrigin: process.env.S3_ENDPOINT,
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A sign-in request as a browser sends it from `origin`, to this server under the name `host`. */
function postFrom(origin: string, host: string) {
  return new Promise<number>((resolve, reject) => {
    const body = "email=friend%40example.org";
    const req = request(
      `${base}/login?index`,
      {
        method: "POST",
        headers: {
          Host: host,
          Origin: origin,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(body.length),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("the HTTP server", () => {
  it("serves the contest page fully rendered on the server, with the timeline, categories and a countdown", async () => {
    const response = await fetch(`${base}/contests/${DEMO_SLUG}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Youth for Humanitarian Disarmament Multimedia Contest 2025");
    expect(html).toContain("Victim assistance and its larger societal impact");
    for (const category of ["Video", "Photography", "Visual art", "Written work", "Audio"])
      expect(html).toContain(`<h3>${category}</h3>`);
    expect(html).toMatch(/role="timer"[^>]*>.*\d+ d \d+ h \d+ min/);
    expect(html).toContain("Sign in to enter");
    expect(html).toContain('<html lang="en"');
  });

  it("puts security headers on every response, with a fresh nonce that matches the page's scripts", async () => {
    const first = await fetch(`${base}/contests/${DEMO_SLUG}`);
    const second = await fetch(`${base}/contests/${DEMO_SLUG}`);
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(first.headers.get("x-powered-by")).toBeNull();

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const asset = await fetch(`${base}/favicon.svg`);
    expect(asset.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("refuses a state-changing request from another site, and changes nothing", async () => {
    const response = await fetch(`${base}/login?index`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=victim%40example.org",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Refused: this request did not come from Mosaic’s own pages.");
    const crossSite = await fetch(`${base}/login?index`, {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=victim%40example.org",
    });
    expect(crossSite.status).toBe(403);
    expect(await db.verification.count()).toBe(0);

    // From APP_URL's origin, as the browser on Mosaic's own page sends it.
    expect(await postFrom("http://localhost:3000", "localhost:3000")).toBe(302);
    expect(await db.verification.count()).toBe(1);
  });

  it("lets only APP_URL's origin change anything, whatever the request's Host says", async () => {
    const before = await db.verification.count();
    // A page on a name that resolves to this server sends that name as both Host and Origin.
    expect(await postFrom("http://rebound.example", "rebound.example")).toBe(403);
    // The server's own address, when it is not APP_URL, is another origin too.
    expect(await postFrom(base, new URL(base).host)).toBe(403);
    expect(await postFrom("null", new URL(base).host)).toBe(403);
    expect(await db.verification.count()).toBe(before);
  });

  it("never signs anyone out with a GET", async () => {
    const response = await fetch(`${base}/logout`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers /healthz and /readyz", async () => {
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok");
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { database: "ok", storage: "ok" } });
  });

  it("renders a not-found page with status 404 for an unknown contest", async () => {
    const response = await fetch(`${base}/contests/no-such-contest`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("has no development mailbox outside development", async () => {
    expect((await fetch(`${base}/dev/mailbox`)).status).toBe(404);
  });
});
