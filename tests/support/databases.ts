import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

/**
 * The test databases, on the engine the run was started for. By default SQLite files copied
 * from a migrated template; with TEST_POSTGRES_URL (set by `npm run test:postgres`, which starts
 * a throwaway cluster) databases made from a migrated PostgreSQL template with CREATE DATABASE
 * ... TEMPLATE, which takes milliseconds.
 */
// the browser tests keep their own folder beside it (tests/.tmp/e2e), so either suite can run alone;
// the storage contract suite names its own (MOSAIC_TEST_TMP), so it can run beside this one
export const TMP = process.env.MOSAIC_TEST_TMP || path.resolve(import.meta.dirname, "../.tmp/vitest");
const TEMPLATE_FILE = path.join(TMP, "template.db");
const TEMPLATE_NAME = "mosaic_template";

export const postgresServer = () => process.env.TEST_POSTGRES_URL || undefined;
export const testEngine = () => (postgresServer() ? "postgresql" : "sqlite");

function databaseUrl(server: string, name: string) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: postgresServer() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The URL `prisma migrate deploy` should migrate once per run, made empty. */
export async function emptyTemplate() {
  const server = postgresServer();
  if (!server) return `file:${TEMPLATE_FILE}`;
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_NAME}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${TEMPLATE_NAME}"`);
  });
  return databaseUrl(server, TEMPLATE_NAME);
}

/** A new database with every migration applied, for one test file or one test. */
export async function freshDatabase(label: string) {
  const server = postgresServer();
  const name = `${label}_${randomUUID().replaceAll("-", "").slice(0, 12)}`.toLowerCase();
  if (!server) {
    const file = path.join(TMP, `${name}.db`);
    copyFileSync(TEMPLATE_FILE, file);
    return `file:${file}`;
  }
  await onServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_NAME}"`));
  return databaseUrl(server, name);
}

/** Reads a test database with plain SQL (quoted identifiers, which both engines accept). */
export async function queryDatabase<Row = Record<string, unknown>>(url: string, sql: string): Promise<Row[]> {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length), { readonly: true });
    try {
      return sqlite.prepare(sql).all() as Row[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** A database with nothing in it (not even migrations), for a restore to fill. */
export async function emptyDatabase(label: string) {
  const server = postgresServer();
  const name = `${label}_${randomUUID().replaceAll("-", "").slice(0, 12)}`.toLowerCase();
  if (!server) return `file:${path.join(TMP, `${name}.db`)}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(server, name);
}
