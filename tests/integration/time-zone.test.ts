import type { ServerBuild } from "@remix-run/node";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app/server/app";
import { formatWhen } from "~/models/time";
import { db } from "~/services/db.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetDatabase } from "../support/db";

// The real HTTP server (Express + the production build), as a browser or a crawler meets it.
let server: Server;
let base: string;
let deadline: Date;

beforeAll(async () => {
  await resetDatabase();
  deadline = (await db.contest.create({ data: demoContest(new Date()) })).deadline;
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  server = createApp({ build, mode: "production", appOrigin: "http://localhost:3000" }).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The contest page's deadline as the server wrote it, fetched with `cookie`. */
async function deadlineShown(cookie?: string) {
  const response = await fetch(`${base}/contests/${DEMO_SLUG}`, { headers: cookie ? { Cookie: cookie } : {} });
  expect(response.status).toBe(200);
  const html = await response.text();
  const shown = new RegExp(`<time datetime="${deadline.toISOString()}">([^<]+)</time>`, "i").exec(html)?.[1];
  return { shown: shown?.replaceAll("&#x27;", "'"), html };
}

describe("times on the pages", () => {
  it("are in the visitor's zone from the first byte when the browser has told it", async () => {
    const { shown, html } = await deadlineShown("mosaic_tz=Asia/Kathmandu");
    expect(shown).toBe(formatWhen(deadline, "en", "Asia/Kathmandu"));
    expect(shown).toMatch(/GMT\+5:45$/);
    expect(html).toContain("Shown in your time zone (Asia/Kathmandu).");
  });

  it("are in the contest's zone when the visitor's is unknown (a first visit, scripts off, a crawler)", async () => {
    const { shown, html } = await deadlineShown();
    expect(shown).toBe(formatWhen(deadline, "en", "Europe/Zurich"));
    expect(shown).not.toMatch(/GMT\+5:45/);
    expect(html).toContain("Times in Europe/Zurich.");
  });

  it("ignore a zone that does not exist, or a cookie that is not a zone at all", async () => {
    for (const cookie of ["mosaic_tz=Mars/Olympus_Mons", "mosaic_tz=%E0%A4%A", "mosaic_tz=", "mosaic_tz=<script>"]) {
      const { shown } = await deadlineShown(cookie);
      expect(shown, cookie).toBe(formatWhen(deadline, "en", "Europe/Zurich"));
    }
  });

  it("carry the client hint in the page's head, allowed by the response's script nonce", async () => {
    const response = await fetch(`${base}/contests/${DEMO_SLUG}`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const head = (await response.text()).split("</head>")[0]!;
    expect(head).toContain(`<script nonce="${nonce}">`);
    expect(head).toContain("resolvedOptions().timeZone");
  });
});
