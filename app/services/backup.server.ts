import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { now } from "./clock.server";
import { parse } from "pg-connection-string";
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

type Rows = (sql: string) => Promise<Record<string, unknown>[]>;

const CONTENTS = {
  users: 'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "User"',
  contests: 'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Contest"',
  entries: 'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Entry"',
  scoreSheets: `SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Assignment" WHERE "status" = 'submitted'`,
  mediaFiles: 'SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "MediaAsset"',
};

/** What a database holds, read with plain SQL, so that it can be read from a copy or a snapshot. */
async function contents(rows: Rows) {
  const counts = {} as BackupManifest["counts"];
  for (const [name, sql] of Object.entries(CONTENTS)) {
    counts[name as keyof typeof CONTENTS] = Number((await rows(sql))[0]?.n ?? 0);
  }
  const media = await rows(
    'SELECT "objectKey", "cleanKey", "previewKey", "webKey", "lightKey", "captionsKey" FROM "MediaAsset"',
  );
  const objects = media
    .flatMap((m) => [m.objectKey, m.cleanKey, m.previewKey, m.webKey, m.lightKey, m.captionsKey])
    .filter((key): key is string => typeof key === "string" && key.length > 0)
    .sort();
  const migrations = await rows(`SELECT "migration_name" AS "name" FROM "_prisma_migrations"
    WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`);
  return { counts, objects, migrations: migrations.map((m) => String(m.name)) };
}

function sqliteRows(file: string): Rows {
  return async (sql) => {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      sqlite.close();
    }
  };
}

/**
 * pg_dump and pg_restore get the connection as separate fields, the password in the environment
 * (never on a command line others can read), and only the parameters libpq knows.
 */
function libpq(url: string) {
  const { host, port, user, password, database } = parse(url);
  const sslmode = new URL(url).searchParams.get("sslmode");
  const args = [
    ...(host ? ["--host", host] : []),
    ...(port ? ["--port", String(port)] : []),
    ...(user ? ["--username", user] : []),
    "--no-password",
  ];
  const environment = {
    ...process.env,
    ...(password ? { PGPASSWORD: password } : {}),
    ...(sslmode ? { PGSSLMODE: sslmode } : {}),
  };
  return { args, database: database ?? "", env: environment };
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
  let held: Awaited<ReturnType<typeof contents>>;
  if (engine === "sqlite") {
    // SQLite's online backup copies pages while other connections go on writing, and restarts
    // if one changes a page it already copied: the copy is one consistent moment, and the
    // manifest is read from the copy itself.
    const source = new Database(sqliteFile(url), { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    held = await contents(sqliteRows(file));
  } else {
    // One snapshot for both: this transaction exports it, pg_dump reads the database as of it,
    // and the manifest is read in it while pg_dump runs. No owners or grants, so it restores
    // under another role.
    const { args, database, env: environment } = libpq(url);
    held = await db.$transaction(
      async (tx) => {
        const [{ snapshot }] = (await tx.$queryRawUnsafe('SELECT pg_export_snapshot() AS "snapshot"')) as [
          { snapshot: string },
        ];
        const dump = run(
          pgProgram("pg_dump"),
          [
            ...args,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            `--snapshot=${snapshot}`,
            "--file",
            file,
            database,
          ],
          { env: environment },
        );
        const read = await contents((sql) => tx.$queryRawUnsafe(sql) as Promise<Record<string, unknown>[]>);
        await dump;
        return read;
      },
      // the app is typed against the SQLite client, which knows only Serializable
      { isolationLevel: "RepeatableRead" as never, timeout: 6 * 60 * 60 * 1000 },
    );
  }
  const manifest: BackupManifest = { format: 1, engine, createdAt: now().toISOString(), ...held };
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
    const { args, database, env: environment } = libpq(url);
    await run(
      pgProgram("pg_restore"),
      [
        ...args,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--dbname",
        database,
        file,
      ],
      { env: environment },
    );
  }
  const restored = await contents(
    engine === "sqlite"
      ? sqliteRows(sqliteFile(url))
      : (sql) => db.$queryRawUnsafe(sql) as Promise<Record<string, unknown>[]>,
  );
  // every object the restored database refers to, whatever the manifest says
  const missingObjects: string[] = [];
  for (const key of restored.objects) {
    if (!(await storage().head(key))) missingObjects.push(key);
  }
  return { manifest, counts: restored.counts, missingObjects };
}
