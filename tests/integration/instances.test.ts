import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runAssignment } from "~/models/assignment.server";
import { db } from "~/services/db.server";
import { queueEmails } from "~/services/email.server";
import { createSession } from "~/services/session.server";
import { demoContest, DEMO_SLUG } from "../../prisma/demo-contest";
import { resetDatabase } from "../support/db";
import { eligibleEntry, judge, signedIn } from "../support/judging";
import { mailbox } from "../support/mailbox";
import { freePort, until } from "../support/processes";

/**
 * Two Mosaic instances, as `npm start` runs them behind a load balancer: the compiled server, in
 * production mode, on one database (this file's: SQLite under `npm test`, PostgreSQL under
 * `npm run test:postgres`), one bucket and one Resend. Nothing is shared between them but those.
 */
const APP_URL = "http://localhost:3000";
type Instance = { name: string; url: string; child: ChildProcess; output: () => string };

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [path.resolve("build/server/index.js")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL,
      JOBS_ENABLED: "true",
      JOBS_POLL_MS: "100",
      SIGN_IN_LIMIT_PER_IP: "4",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited:\n${output}`);
    return fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
  });
  return { name, url, child, output: () => output };
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  await resetDatabase();
  [a, b] = await Promise.all([startInstance("a"), startInstance("b")]);
}, 120_000);

afterAll(async () => {
  for (const instance of [a, b]) {
    if (!instance || instance.child.exitCode !== null) continue;
    instance.child.kill("SIGTERM");
    await until(() => instance.child.exitCode !== null || instance.child.signalCode !== null);
  }
});

beforeEach(async () => {
  await resetDatabase();
  mailbox().clear();
  // the instances read the real clock: a contest whose judging is under way today
  const today = new Date(Date.now() - 55 * 24 * 60 * 60 * 1000);
  await db.contest.create({ data: { ...demoContest(today), status: "judging", judgesPerEntry: 1 } });
});

const post = (instance: Instance, route: string, fields: Record<string, string>, headers: Record<string, string>) =>
  fetch(`${instance.url}${route}`, {
    method: "POST",
    redirect: "manual",
    // as a load balancer forwards a browser's request for APP_URL
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: APP_URL,
      "X-Forwarded-Host": new URL(APP_URL).host,
      ...headers,
    },
    body: new URLSearchParams(fields),
  });

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

// the instances poll for jobs and answer over HTTP: a budget for a busy 2-core machine
describe("two instances on one database", { timeout: 120_000 }, () => {
  it("share sign-in: a code asked for on one signs in on the other, and the session holds on both", async () => {
    const client = { "X-Forwarded-For": "198.51.100.9" };
    const asked = await post(a, "/login", { email: "amaya@example.org" }, client);
    expect(asked.status).toBe(302);
    await until(() => mailbox().messages().length === 1);
    const code = /\b(\d{6})\b/.exec(mailbox().messages()[0]!.text ?? "")![1]!;
    const signedInOnB = await post(b, "/login/code", { code }, { ...client, Cookie: cookieOf(asked) });
    expect(signedInOnB.headers.get("Location")).toBe("/me");
    const session = cookieOf(signedInOnB);
    for (const instance of [a, b]) {
      const me = await fetch(`${instance.url}/me`, { headers: { Cookie: session }, redirect: "manual" });
      expect(me.status, instance.name).toBe(200);
      expect(await me.text()).toContain("amaya@example.org");
    }
  });

  it("send each email once, whichever instance's worker takes it", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const requestsBefore = mailbox().requests();
    await queueEmails(
      Array.from({ length: 40 }, (_, i) => ({
        template: "organizer-message" as const,
        to: `entrant${i}@example.org`,
        locale: "en",
        payload: {
          contest: "YHD 2025",
          subject: "A word from the organizers",
          body: "Thank you for taking part.",
          link: APP_URL,
        },
        idempotencyKey: `message:${organizer.user.id}:${i}`,
      })),
    );
    await until(async () => (await db.email.count({ where: { status: "sent" } })) === 40);
    const jobs = await db.job.findMany({ where: { type: "email.send" }, select: { status: true, attempts: true } });
    expect(jobs).toHaveLength(40);
    expect(jobs.every((job) => job.status === "done" && job.attempts === 1)).toBe(true);
    // the stand-in answers a repeated idempotency key without a new message: count the requests
    expect(mailbox().requests() - requestsBefore).toBe(40);
    expect(
      new Set(
        mailbox()
          .messages()
          .map((m) => m.to[0]),
      ).size,
    ).toBe(40);
  });

  it("count one rate limit: sign-in requests from one address are limited across both", async () => {
    const client = { "X-Forwarded-For": "198.51.100.20" };
    const statuses: number[] = [];
    for (const [i, instance] of [a, b, a, b, a, b].entries()) {
      statuses.push((await post(instance, "/login", { email: `person${i}@example.org` }, client)).status);
    }
    // SIGN_IN_LIMIT_PER_IP is 4 on each; together they allow 4, not 8
    expect(statuses).toEqual([302, 302, 302, 302, 429, 429]);
  });

  it("show a score saved on one in the results on the other at once", async () => {
    const organizer = await signedIn("org@example.org", "organizer");
    const j = await judge("judge@example.org");
    const entry = await eligibleEntry("Élodie Brûlé", "LB");
    const contest = await db.contest.findFirstOrThrow({ include: { criteria: true } });
    await runAssignment(contest.id);
    const assignment = await db.assignment.findFirstOrThrow({ where: { entryId: entry.id, judgeId: j.user.id } });
    const judgeSession = (await createSession(j.user.id)).split(";")[0]!;

    const resultsRow = async (instance: Instance) => {
      const response = await fetch(`${instance.url}/organize/${DEMO_SLUG}/results`, {
        headers: { Cookie: organizer.cookie },
      });
      expect(response.status).toBe(200);
      const row = (await response.text())
        .split('data-testid="result-row"')
        .find((chunk) => chunk.includes(entry.referenceCode!));
      return row!.slice(0, row!.indexOf("</tr>")).replace(/<[^>]+>/g, "|");
    };
    const before = await resultsRow(b);

    const scores = Object.fromEntries(contest.criteria.map((c) => [`score.${c.id}`, "5"]));
    const saved = await post(
      a,
      `/judge/${DEMO_SLUG}/entries/${entry.judgeCode}`,
      { intent: "submit", revision: String(assignment.revision), ...scores },
      { Cookie: judgeSession },
    );
    expect(saved.headers.get("Location")).toBe(`/judge/${DEMO_SLUG}`);

    const after = await resultsRow(b);
    expect(after).not.toEqual(before);
    // one judge's weighted score: every criterion at the top level
    expect(after).toContain("|100.0|");
    expect(before).not.toContain("|100.0|");
  });
});
