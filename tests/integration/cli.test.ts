import { execFile } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { TEMPLATE_DB, TMP } from "../support/global-setup";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

// The CLI and the seed run as their own processes, on a database of their own, as an
// operator would run them.
function freshDatabase(name: string) {
  const file = path.join(TMP, `${name}-${Date.now()}.db`);
  copyFileSync(TEMPLATE_DB, file);
  return file;
}

async function mosaic(file: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["app/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run mosaic -- create-organizer", () => {
  it("makes an organizer in the database DATABASE_URL names, and says so", async () => {
    const file = freshDatabase("cli");
    const first = await mosaic(file, "create-organizer", "Head.Organizer@Example.org");
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain("head.organizer@example.org is now an organizer.");
    const again = await mosaic(file, "create-organizer", "head.organizer@example.org");
    expect(again.stdout).toContain("was already an organizer");
    const admin = await mosaic(file, "create-organizer", "head.organizer@example.org", "--admin");
    expect(admin.stdout).toContain("head.organizer@example.org is now an administrator.");
    const lower = await mosaic(file, "create-organizer", "head.organizer@example.org");
    expect(lower.stdout).toContain("was already an administrator");

    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare("SELECT email, role FROM User").all()).toEqual([
      { email: "head.organizer@example.org", role: "admin" },
    ]);
    sqlite.close();
  });

  it("refuses something that is not an email address, and changes nothing", async () => {
    const file = freshDatabase("cli-bad");
    const result = await mosaic(file, "create-organizer", "not-an-address");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"not-an-address" is not an email address.');
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare("SELECT COUNT(*) AS n FROM User").get()).toEqual({ n: 0 });
    sqlite.close();
  });
});

describe("starting Mosaic with a bad configuration", () => {
  it("stops before listening, naming each bad variable", async () => {
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
  it("creates the database's folder, migrates and seeds, on a machine that has neither", async () => {
    const file = path.join(TMP, `fresh-${Date.now()}`, "nested", "dev.db");
    const env = { ...process.env, DATABASE_URL: `file:${file}` };
    await run(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env });
    await run(tsx, ["prisma/seed.ts"], { env });
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare("SELECT slug FROM Contest").all()).toEqual([{ slug: "yhd-2025" }]);
    sqlite.close();
  });
});

describe("the seed", () => {
  it("makes an open demo contest with five categories, the default rubric and an organizer, once", async () => {
    const file = freshDatabase("seed");
    const env = { ...process.env, DATABASE_URL: `file:${file}` };
    await run(tsx, ["prisma/seed.ts"], { env });
    const second = await run(tsx, ["prisma/seed.ts"], { env });
    expect(second.stdout).toContain("already there");

    const sqlite = new Database(file, { readonly: true });
    const contests = sqlite.prepare("SELECT slug, status, opensAt, deadline, minAge, maxAge FROM Contest").all() as {
      status: string;
      opensAt: number;
      deadline: number;
      minAge: number;
      maxAge: number;
    }[];
    expect(contests).toHaveLength(1);
    const [contest] = contests;
    expect(contest).toMatchObject({ status: "open", minAge: 18, maxAge: 29 });
    expect(new Date(contest!.opensAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(contest!.deadline).getTime()).toBeGreaterThan(Date.now());
    expect(
      (sqlite.prepare("SELECT name FROM Category ORDER BY position").all() as { name: string }[]).map((c) => c.name),
    ).toEqual(["Video", "Photography", "Visual art", "Written work", "Audio"]);
    const weights = sqlite.prepare("SELECT name, weight FROM RubricCriterion ORDER BY position").all() as {
      weight: number;
    }[];
    expect(weights.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(weights[0]).toEqual({ name: "Victim assistance insight", weight: 30 });
    expect(sqlite.prepare("SELECT role FROM User").all()).toEqual([{ role: "organizer" }]);
    sqlite.close();
  });
});

describe("npm run mosaic -- seed-demo", () => {
  it("fills the demo contest with entries at every stage, judges, balanced assignments, scores and files", async () => {
    const file = freshDatabase("demo");
    await run(tsx, ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: `file:${file}` } });
    const result = await mosaic(file, "seed-demo", "--entries", "300", "--media", "15");
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/Added 300 entries and \d+ judges to yhd-2025: \d+ assignments, \d+ scored\./);
    const sqlite = new Database(file, { readonly: true });
    const statuses = sqlite.prepare("SELECT status, COUNT(*) AS n FROM Entry GROUP BY status").all() as {
      status: string;
      n: number;
    }[];
    expect(statuses.map((s) => s.status).sort()).toEqual(["draft", "eligible", "submitted"]);
    expect(statuses.reduce((sum, s) => sum + s.n, 0)).toBe(300);
    expect((sqlite.prepare("SELECT COUNT(DISTINCT categoryId) AS n FROM Entry").get() as { n: number }).n).toBe(5);
    expect(
      (sqlite.prepare("SELECT COUNT(DISTINCT country) AS n FROM User WHERE country IS NOT NULL").get() as { n: number })
        .n,
    ).toBeGreaterThan(10);
    const loads = (
      sqlite.prepare("SELECT COUNT(*) AS n FROM Assignment GROUP BY judgeId").all() as { n: number }[]
    ).map((l) => l.n);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(
      (sqlite.prepare("SELECT COUNT(*) AS n FROM Assignment WHERE status = 'submitted'").get() as { n: number }).n,
    ).toBeGreaterThan(0);
    // generated files, each through the upload's check: every one accepted, of several kinds
    expect(result.stdout).toContain("Gave 15 entries a generated file, checked like an upload.");
    const media = sqlite.prepare("SELECT state, detectedType FROM MediaAsset").all() as {
      state: string;
      detectedType: string;
    }[];
    expect(media).toHaveLength(15);
    expect(media.every((m) => m.state === "verified")).toBe(true);
    expect(new Set(media.map((m) => m.detectedType)).size).toBeGreaterThanOrEqual(3);
    sqlite.close();
    expect((await mosaic(file, "seed-demo", "--entries", "lots")).code).toBe(2);
    expect((await mosaic(file, "seed-demo", "--entries", "5", "--media", "-1")).code).toBe(2);
  });
});
