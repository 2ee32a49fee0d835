import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { now } from "./clock.server";
import { databaseEngine, db, type Engine } from "./db.server";
import { env } from "./env.server";
import { storage } from "./storage.server";

/**
 * Backups of Mosaic's database, taken while it runs, and their restore into a new instance.
 * A backup folder holds the database (SQLite's online backup, or pg_dump's custom format) and
 * manifest.json: what the database held (counts, applied migrations) and every object key it
 * refers to in the bucket, so that the bucket's own backup (versioning, replication, a copy)
 * can be checked against it. Media objects are never rewritten in place (every upload gets a
 * new key), so a bucket copy taken after the database's holds every object the backup names.
 */
const run = promisify(execFile);

const DATABASE_FILE: Record<Engine, string> = { sqlite: "database.sqlite", postgresql: "database.pgdump" };

export type BackupManifest = {
  format: 1;
  engine: Engine;
  createdAt: string;
  migrations: string[];
  counts: { users: number; contests: number; entries: number; scoreSheets: number; mediaFiles: number };
  objects: string[];
};

async function contents() {
  const [users, contests, entries, scoreSheets, media, migrations] = [
    await db.user.count(),
    await db.contest.count(),
    await db.entry.count(),
    await db.assignment.count({ where: { status: "submitted" } }),
    await db.mediaAsset.findMany({
      select: { objectKey: true, cleanKey: true, previewKey: true, captionsKey: true },
      orderBy: { objectKey: "asc" },
    }),
    await db.$queryRaw<{ name: string }[]>`SELECT "migration_name" AS "name" FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`,
  ];
  const objects = media.flatMap((m) => [m.objectKey, m.cleanKey, m.previewKey, m.captionsKey]);
  return {
    counts: { users, contests, entries, scoreSheets, mediaFiles: media.length },
    objects: objects.filter((key): key is string => Boolean(key)).sort(),
    migrations: migrations.map((m) => m.name),
  };
}

/** The PostgreSQL client programs: on PATH, else Debian's newest in /usr/lib/postgresql. */
function pgProgram(name: "pg_dump" | "pg_restore") {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, "bin", name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], "bin", name);
  }
  return name;
}

function sqliteFile(url: string) {
  return path.resolve(url.slice("file:".length));
}

export class BackupError extends Error {}

/** Writes a consistent backup into `dir` (new or empty); returns its manifest. */
export async function backup(dir: string): Promise<BackupManifest> {
  const target = path.resolve(dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new BackupError(`${target} is not an empty folder: choose a new one, so no backup is overwritten.`);
  }
  mkdirSync(target, { recursive: true });
  const engine = databaseEngine();
  const url = env().DATABASE_URL;
  const file = path.join(target, DATABASE_FILE[engine]);
  if (engine === "sqlite") {
    // SQLite's online backup copies pages while other connections go on writing, and restarts
    // if one changes a page it already copied: the copy is one consistent moment.
    const source = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
  } else {
    // one repeatable-read snapshot; no owners or grants, so it restores under another role
    await run(pgProgram("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", file, url]);
  }
  const manifest: BackupManifest = { format: 1, engine, createdAt: now().toISOString(), ...(await contents()) };
  writeFileSync(path.join(target, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export type RestoreReport = { manifest: BackupManifest; counts: BackupManifest["counts"]; missingObjects: string[] };

/**
 * Restores a backup into the database DATABASE_URL names, which must be new (no tables) unless
 * `force`. Then compares what the database holds with the manifest and looks for each object in
 * the bucket. Mosaic must not be running on the target while this runs.
 */
export async function restore(dir: string, options: { force?: boolean } = {}): Promise<RestoreReport> {
  const source = path.resolve(dir);
  const manifestFile = path.join(source, "manifest.json");
  if (!existsSync(manifestFile)) throw new BackupError(`${source} has no manifest.json: it is not a Mosaic backup.`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  const engine = databaseEngine();
  if (manifest.engine !== engine) {
    throw new BackupError(
      `This backup is of a ${manifest.engine} database and DATABASE_URL names ${engine}: restore it into the same engine.`,
    );
  }
  const url = env().DATABASE_URL;
  const file = path.join(source, DATABASE_FILE[engine]);
  if (engine === "sqlite") {
    const target = sqliteFile(url);
    if (existsSync(target) && statSync(target).size > 0 && !options.force) {
      throw new BackupError(`${target} already exists: restore into a new file, or add --force to replace it.`);
    }
    await db.$disconnect();
    mkdirSync(path.dirname(target), { recursive: true });
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await copy.backup(target);
    } finally {
      copy.close();
    }
  } else {
    const [row] = await db.$queryRaw<{ tables: bigint | number }[]>`SELECT COUNT(*) AS "tables"
      FROM information_schema.tables WHERE table_schema = current_schema()`;
    if (Number(row?.tables ?? 0) > 0 && !options.force) {
      throw new BackupError("The database DATABASE_URL names has tables: restore into a new database, or add --force.");
    }
    await run(pgProgram("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--dbname",
      url,
      file,
    ]);
  }
  const restored = await contents();
  const missingObjects: string[] = [];
  for (const key of manifest.objects) {
    if (!(await storage().head(key))) missingObjects.push(key);
  }
  return { manifest, counts: restored.counts, missingObjects };
}
