import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { storage } from "~/services/storage.server";
import { resetToDemoContest, TODAY } from "../support/contest";
import { emptyDatabase, queryDatabase, TMP } from "../support/databases";
import { entrant, startId, upload } from "../support/entries";
import { eligibleEntry, judge, submittedSheet } from "../support/judging";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
// each test starts Mosaic's CLI (a cold TypeScript loader, Prisma, pg_dump) a few times
const PROCESSES = { timeout: 240_000 };

async function mosaic(databaseUrl: string, ...args: string[]) {
  return run(tsx, ["app/cli.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const newFolder = () => path.join(mkdtempSync(path.join(TMP, "backup-")), "backup");

beforeEach(resetToDemoContest);

/** A contest with what a backup must keep: people, entries, a checked file, score sheets. */
async function contestToKeep() {
  const { cookie } = await entrant("amaya@example.org");
  const entryId = await startId(cookie, "photography");
  await db.entry.update({ where: { id: entryId }, data: { title: "Hands That Heal" } });
  const photo = await upload(cookie, entryId, "photo.jpg", "image/jpeg");
  expect(photo.state).toBe("verified");
  const j = await judge("judge@example.org");
  for (const name of ["Élodie Brûlé", "Youssef Haddad"]) {
    const entry = await eligibleEntry(name, "FR");
    await submittedSheet(entry, j.user.id, { craft: 4, message: 5 }, { submittedAt: TODAY });
  }
}

const snapshot = async (url: string) => ({
  entries: await queryDatabase(url, 'SELECT "id", "title", "status", "entrantId" FROM "Entry" ORDER BY "id"'),
  sheets: await queryDatabase(url, 'SELECT "entryId", "judgeId", "scores", "status" FROM "Assignment" ORDER BY "id"'),
  media: await queryDatabase(url, 'SELECT "objectKey", "cleanKey", "previewKey", "state" FROM "MediaAsset"'),
  people: await queryDatabase(url, 'SELECT "email", "fullName", "searchName" FROM "User" ORDER BY "email"'),
});

describe("npm run mosaic -- backup and restore", () => {
  it("bring every entry, score sheet and file reference back in a new database", PROCESSES, async () => {
    await contestToKeep();
    const live = process.env.DATABASE_URL!;
    const folder = newFolder();
    const taken = await mosaic(live, "backup", folder);
    expect(taken).toMatchObject({ code: 0 });
    expect(taken.stdout).toContain("3 entries, 2 score sheets, 3 media objects listed in manifest.json");
    const manifest = JSON.parse(readFileSync(path.join(folder, "manifest.json"), "utf8")) as {
      objects: string[];
      migrations: string[];
    };
    const asset = await db.mediaAsset.findFirstOrThrow();
    expect(manifest.objects).toEqual([asset.cleanKey, asset.objectKey, asset.previewKey].sort());
    expect(manifest.migrations.length).toBeGreaterThan(0);

    // the live database goes on changing after the backup; the restore has the moment it was taken
    await db.entry.updateMany({ data: { title: "Changed afterwards" } });
    const fresh = await emptyDatabase("restored");
    const restored = await mosaic(fresh, "restore", folder);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.stdout).toContain("All 3 media objects the database refers to are in the bucket.");
    const copy = await snapshot(fresh);
    expect(copy.entries).toHaveLength(3);
    expect(copy.entries.map((e) => e.title)).toContain("Hands That Heal");
    expect(copy.sheets).toHaveLength(2);
    expect(copy.sheets.map((s) => JSON.parse(String(s.scores)))).toEqual([
      { craft: 4, message: 5 },
      { craft: 4, message: 5 },
    ]);
    expect(copy.media).toEqual([
      { objectKey: asset.objectKey, cleanKey: asset.cleanKey, previewKey: asset.previewKey, state: "verified" },
    ]);
    expect(copy.people.map((p) => p.searchName)).toContain("elodie brule");

    // and a restored instance is migrated: Prisma finds nothing left to apply
    const status = await run(path.resolve("node_modules/.bin/prisma"), ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: fresh },
    });
    expect(status.stdout).toContain("Database schema is up to date!");
  });

  it("refuses to overwrite a backup or a database, and says which objects the bucket lacks", PROCESSES, async () => {
    await contestToKeep();
    const live = process.env.DATABASE_URL!;
    const used = newFolder();
    writeFileSync(`${used}.txt`, "");
    expect((await mosaic(live, "backup", path.dirname(used))).stderr).toContain("is not an empty folder");

    const folder = newFolder();
    expect(await mosaic(live, "backup", folder)).toMatchObject({ code: 0 });
    const intoLive = await mosaic(live, "restore", folder);
    expect(intoLive.code).toBe(1);
    expect(intoLive.stderr).toMatch(/already exists|has tables/);

    const asset = await db.mediaAsset.findFirstOrThrow();
    await storage().remove(asset.previewKey!);
    const fresh = await emptyDatabase("partial");
    const partial = await mosaic(fresh, "restore", folder);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain(`1 of 3 media objects are not in the bucket, for example ${asset.previewKey}`);
  });
});
