import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { freshDatabase, queryDatabase, testEngine, TMP } from "../support/databases";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

// Each of these starts Mosaic's own processes (a cold TypeScript loader, Prisma, ffmpeg), several
// times over: on a busy 2-core machine that takes tens of seconds, so they get a budget to match.
const PROCESSES = { timeout: 240_000 };

// The CLI and the seed run as their own processes, on a database of their own, as an
// operator would run them.
async function mosaic(url: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["app/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run mosaic -- create-organizer", () => {
  it("makes an organizer in the database DATABASE_URL names, and says so", PROCESSES, async () => {
    const url = await freshDatabase("cli");
    const first = await mosaic(url, "create-organizer", "Head.Organizer@Example.org");
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain("head.organizer@example.org is now an organizer.");
    const again = await mosaic(url, "create-organizer", "head.organizer@example.org");
    expect(again.stdout).toContain("was already an organizer");
    const admin = await mosaic(url, "create-organizer", "head.organizer@example.org", "--admin");
    expect(admin.stdout).toContain("head.organizer@example.org is now an administrator.");
    const lower = await mosaic(url, "create-organizer", "head.organizer@example.org");
    expect(lower.stdout).toContain("was already an administrator");

    expect(await queryDatabase(url, 'SELECT "email", "role" FROM "User"')).toEqual([
      { email: "head.organizer@example.org", role: "admin" },
    ]);
  });

  it("refuses something that is not an email address, and changes nothing", PROCESSES, async () => {
    const url = await freshDatabase("cli_bad");
    const result = await mosaic(url, "create-organizer", "not-an-address");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"not-an-address" is not an email address.');
    expect(await queryDatabase(url, 'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "User"')).toEqual([{ n: 0 }]);
  });
});

describe("starting Mosaic with a bad configuration", () => {
  it("stops before listening, naming each bad variable", PROCESSES, async () => {
    const result = await run(tsx, ["app/server/index.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: "eighty",
        S3_ENDPOINT: "",
        RESEND_API_KEY: "",
        SESSION_SECRET: "",
      },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Mosaic cannot start, its configuration is invalid:");
    for (const line of [
      "PORT ",
      "S3_ENDPOINT is required in production",
      "RESEND_API_KEY is required in production",
      "SESSION_SECRET is required in production",
    ]) {
      expect(result.stderr).toContain(line);
    }
  });
});

describe("npm run setup", () => {
  it("creates the database's folder, migrates and seeds, on a machine that has neither", PROCESSES, async () => {
    // a PostgreSQL server makes its own folders: this is about SQLite's file on a fresh clone
    const url =
      testEngine() === "sqlite"
        ? `file:${path.join(TMP, `fresh-${Date.now()}`, "nested", "dev.db")}`
        : await freshDatabase("setup");
    const env = { ...process.env, DATABASE_URL: url };
    await run(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env });
    await run(tsx, ["prisma/seed.ts"], { env });
    expect(await queryDatabase(url, 'SELECT "slug" FROM "Contest"')).toEqual([{ slug: "yhd-2025" }]);
  });
});

describe("the seed", () => {
  it(
    "makes an open demo contest with five categories, the default rubric and an organizer, once",
    PROCESSES,
    async () => {
      const url = await freshDatabase("seed");
      const env = { ...process.env, DATABASE_URL: url };
      await run(tsx, ["prisma/seed.ts"], { env });
      const second = await run(tsx, ["prisma/seed.ts"], { env });
      expect(second.stdout).toContain("already there");

      const contests = await queryDatabase<{
        status: string;
        opensAt: number | Date;
        deadline: number | Date;
        minAge: number;
        maxAge: number;
      }>(url, 'SELECT "slug", "status", "opensAt", "deadline", "minAge", "maxAge" FROM "Contest"');
      expect(contests).toHaveLength(1);
      const [contest] = contests;
      expect(contest).toMatchObject({ status: "open", minAge: 18, maxAge: 29 });
      expect(new Date(contest!.opensAt).getTime()).toBeLessThan(Date.now());
      expect(new Date(contest!.deadline).getTime()).toBeGreaterThan(Date.now());
      expect(
        (await queryDatabase<{ name: string }>(url, 'SELECT "name" FROM "Category" ORDER BY "position"')).map(
          (c) => c.name,
        ),
      ).toEqual(["Video", "Photography", "Visual art", "Written work", "Audio"]);
      const weights = await queryDatabase<{ weight: number }>(
        url,
        'SELECT "name", "weight" FROM "RubricCriterion" ORDER BY "position"',
      );
      expect(weights.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
      expect(weights[0]).toEqual({ name: "Victim assistance insight", weight: 30 });
      expect(await queryDatabase(url, 'SELECT "role" FROM "User"')).toEqual([{ role: "organizer" }]);
    },
  );
});

describe("npm run mosaic -- seed-demo", () => {
  it(
    "fills the demo contest with entries at every stage, judges, balanced assignments, scores and files",
    PROCESSES,
    async () => {
      const url = await freshDatabase("demo");
      await run(tsx, ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: url } });
      const result = await mosaic(url, "seed-demo", "--entries", "120", "--media", "6");
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toMatch(/Added 120 entries and \d+ judges to yhd-2025: \d+ assignments, \d+ scored\./);
      // CAST: PostgreSQL counts in bigint, which node-postgres reads as a string
      const count = async (from: string, what = "*") =>
        (await queryDatabase<{ n: number }>(url, `SELECT CAST(COUNT(${what}) AS INTEGER) AS "n" FROM ${from}`)).map(
          (row) => row.n,
        );
      const statuses = await queryDatabase<{ status: string; n: number }>(
        url,
        'SELECT "status", CAST(COUNT(*) AS INTEGER) AS "n" FROM "Entry" GROUP BY "status"',
      );
      expect(statuses.map((s) => s.status).sort()).toEqual(["draft", "eligible", "submitted"]);
      expect(statuses.reduce((sum, s) => sum + s.n, 0)).toBe(120);
      expect((await count('"Entry"', 'DISTINCT "categoryId"'))[0]).toBe(5);
      expect((await count('"User" WHERE "country" IS NOT NULL', 'DISTINCT "country"'))[0]).toBeGreaterThan(10);
      const loads = await count('"Assignment" GROUP BY "judgeId"');
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect((await count(`"Assignment" WHERE "status" = 'submitted'`))[0]).toBeGreaterThan(0);
      // generated files, each through the upload's check: every one accepted, of several kinds
      expect(result.stdout).toContain("Gave 6 entries a generated file, checked like an upload.");
      const media = await queryDatabase<{ state: string; detectedType: string }>(
        url,
        'SELECT "state", "detectedType" FROM "MediaAsset"',
      );
      expect(media).toHaveLength(6);
      expect(media.every((m) => m.state === "verified")).toBe(true);
      expect(new Set(media.map((m) => m.detectedType)).size).toBeGreaterThanOrEqual(3);
      expect((await mosaic(url, "seed-demo", "--entries", "lots")).code).toBe(2);
      expect((await mosaic(url, "seed-demo", "--entries", "5", "--media", "-1")).code).toBe(2);
    },
  );
});
