import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { assignmentTable } from "~/models/assignment.server";
import { listEntrants } from "~/models/entrant-list.server";
import { startEntry } from "~/models/entry.server";
import { listEntries } from "~/models/entry-list.server";
import { listPeople } from "~/models/people.server";
import { screeningQueue } from "~/models/screening.server";
import { backfillSearchKeys } from "~/models/search.server";
import { databaseEngine, db } from "~/services/db.server";
import { stats } from "~/services/query-plans.server";
import { ENGINE_PATHS } from "../../prisma/engines";
import { resetToDemoContest } from "../support/contest";
import { freshDatabase, testEngine } from "../support/databases";
import { entrant } from "../support/entries";
import { eligibleEntry } from "../support/judging";

/**
 * What must hold on both engines: this file runs under `npm test` (SQLite) and
 * `npm run test:postgres` (PostgreSQL) alike.
 */
const run = promisify(execFile);

beforeEach(resetToDemoContest);

it("runs on the engine this run was started for", () => {
  expect(databaseEngine()).toBe(testEngine());
});

describe("searches ignore case and accents", () => {
  async function contestWithEntrants() {
    const contest = await db.contest.findFirstOrThrow();
    const elodie = await eligibleEntry("Élodie Brûlé", "FR");
    await db.entry.update({ where: { id: elodie.id }, data: { title: "Hands That Heal" } });
    const other = await eligibleEntry("Youssef Haddad", "LB");
    await db.entry.update({ where: { id: other.id }, data: { title: "Après la pluie" } });
    return { contest, elodie, other };
  }
  const page = { page: 1 };

  it("in the entries, entrants, people, screening and assignment lists", async () => {
    const { contest, elodie, other } = await contestWithEntrants();
    const entriesFor = async (q: string) =>
      (await listEntries(contest.id, { q, status: "", categoryId: "", ...page })).rows.map((r) => r.id);
    for (const q of ["élodie", "ELODIE", "Elodie", "brule", "BRÛLÉ"]) expect(await entriesFor(q)).toEqual([elodie.id]);
    for (const q of ["HANDS", "hands", "that heal"]) expect(await entriesFor(q)).toEqual([elodie.id]);
    for (const q of ["apres", "APRÈS", "youssef", "YOUSSEF"]) expect(await entriesFor(q)).toEqual([other.id]);
    expect(await entriesFor("zzz")).toEqual([]);

    const entrants = async (q: string) =>
      (await listEntrants(contest, { q, country: "", filter: "", ...page })).rows.map((r) => r.fullName);
    expect(await entrants("élodie")).toEqual(["Élodie Brûlé"]);
    expect(await entrants("ELODIE")).toEqual(["Élodie Brûlé"]);
    expect(await entrants("youssef.haddad@")).toEqual(["Youssef Haddad"]);

    const people = async (q: string) =>
      (await listPeople({ q, role: "", state: "", ...page })).rows.map((r) => r.fullName);
    expect(await people("élodie")).toEqual(["Élodie Brûlé"]);
    expect(await people("BRULE")).toEqual(["Élodie Brûlé"]);

    const screening = async (q: string) =>
      (await screeningQueue(contest.id, { q, status: "eligible", ...page })).rows.map((r) => r.id);
    expect(await screening("hands")).toEqual([elodie.id]);
    expect(await screening("APRES")).toEqual([other.id]);

    const assignment = async (q: string) =>
      (await assignmentTable(contest.id, { q, judgeId: "", ...page })).rows.map((r) => r.id);
    expect(await assignment("HANDS")).toEqual([elodie.id]);
    expect(await assignment("après")).toEqual([other.id]);
  });

  it("for names and titles written before searches were folded, once the backfill has run", async () => {
    const { contest, elodie } = await contestWithEntrants();
    // as the search_keys migration left them: empty
    await db.$executeRaw`UPDATE "User" SET "searchName" = ''`;
    await db.$executeRaw`UPDATE "Entry" SET "searchTitle" = ''`;
    const search = async (q: string) =>
      (await listEntries(contest.id, { q, status: "", categoryId: "", ...page })).rows.map((r) => r.id);
    expect(await search("élodie")).toEqual([]);
    expect(await backfillSearchKeys()).toBe(4);
    expect(await search("élodie")).toEqual([elodie.id]);
    expect(await search("HANDS")).toEqual([elodie.id]);
    expect(await backfillSearchKeys()).toBe(0);
  });
});

it("gives one entry for three simultaneous clicks on “start an entry”, and no error, every time", async () => {
  const contest = await db.contest.findFirstOrThrow({ include: { categories: true } });
  await db.contest.update({ where: { id: contest.id }, data: { maxEntriesPerCategory: 1 } });
  const category = contest.categories[0]!.id;
  // several people at once, each clicking three times: conflicts on PostgreSQL are likely, and retried
  const people = await Promise.all([1, 2, 3, 4, 5].map((n) => entrant(`clicker${n}@example.org`)));
  const results = await Promise.all(
    people.flatMap(({ user }) => [1, 2, 3].map(() => startEntry(user.id, contest.id, category))),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(5);
  expect(results.filter((r) => !r.ok)).toHaveLength(10);
  for (const { user } of people) expect(await db.entry.count({ where: { entrantId: user.id } })).toBe(1);
});

it("has PostgreSQL migrations without a semicolon in a comment, which the migrator would take for the end of a statement", async () => {
  const folder = ENGINE_PATHS.postgresql.migrations;
  const offending: string[] = [];
  for (const name of await readdir(folder)) {
    if (!name.match(/^\d{14}_/)) continue;
    const sql = await readFile(path.join(folder, name, "migration.sql"), "utf8");
    sql.split("\n").forEach((line, index) => {
      const comment = line.indexOf("--");
      if (comment >= 0 && line.slice(comment).includes(";")) offending.push(`${name}:${index + 1}`);
    });
  }
  expect(offending).toEqual([]);
});

it("has migrations that build exactly prisma/schema.prisma on this engine", { timeout: 240_000 }, async () => {
  const engine = testEngine();
  // exit code 2 is a difference, 1 an error, 0 none
  const diff = await run(
    path.resolve("node_modules/.bin/prisma"),
    [
      "migrate",
      "diff",
      "--from-migrations",
      ENGINE_PATHS[engine].migrations,
      "--to-schema-datamodel",
      ENGINE_PATHS[engine].schema,
      "--exit-code",
    ],
    { env: { ...process.env, DATABASE_URL: await freshDatabase("drift") } },
  ).then(
    () => ({ code: 0, stdout: "" }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(diff).toMatchObject({ code: 0 });
});

describe("query plans", () => {
  beforeEach(async () => {
    await resetToDemoContest();
  });

  it("are kept by query and values: the same query answers the same, other values their own rows", async () => {
    const before = stats.compile ?? 0;
    const [{ user: a }, { user: b }] = [await entrant("plans-a@example.org"), await entrant("plans-b@example.org")];
    const read = (id: string) => db.user.findUnique({ where: { id }, select: { id: true, email: true } });
    const first = await read(a.id);
    // the answer is the caller's own: changing it changes nothing for the next caller
    first!.email = "changed@example.org";
    expect(await read(a.id)).toEqual({ id: a.id, email: "plans-a@example.org" });
    expect(await read(b.id)).toEqual({ id: b.id, email: "plans-b@example.org" });
    await db.user.update({ where: { id: a.id }, data: { email: "plans-c@example.org" } });
    expect((await read(a.id))?.email).toBe("plans-c@example.org");
    // the plans went through the kept compiler
    expect(stats.compile ?? 0).toBeGreaterThan(before);
  });
});
