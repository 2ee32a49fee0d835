import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { engineOf, type Engine } from "../app/services/engine";

export { engineOf, type Engine };

/**
 * Mosaic runs on SQLite (the embedded default) or PostgreSQL, chosen by DATABASE_URL alone.
 * prisma/schema.prisma is the one schema; the PostgreSQL twin is written from it (never edit
 * it by hand), and each engine keeps its own migrations folder.
 */
const root = path.resolve(import.meta.dirname, "..");

export const ENGINE_PATHS = {
  sqlite: {
    schema: path.join(root, "prisma", "schema.prisma"),
    migrations: path.join(root, "prisma", "migrations"),
  },
  postgresql: {
    schema: path.join(root, "prisma", "postgresql", "schema.prisma"),
    migrations: path.join(root, "prisma", "postgresql", "migrations"),
  },
} satisfies Record<Engine, { schema: string; migrations: string }>;

const WRITTEN_NOTE = "// Written by prisma/engines.ts from prisma/schema.prisma: edit that file, not this one.\n";

/** The PostgreSQL schema: the same models, another provider, the client generated beside the other. */
export function postgresSchema(source = readFileSync(ENGINE_PATHS.sqlite.schema, "utf8")) {
  const replaced = source
    .replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/output(\s*)= "\.\.\/app\/generated\/sqlite"/, 'output$1= "../../app/generated/postgresql"');
  if (!replaced.includes('"postgresql"') || !replaced.includes("app/generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the datasource or output this script rewrites");
  }
  return WRITTEN_NOTE + replaced;
}

/** Writes the PostgreSQL schema when it differs; cheap enough to run on every Prisma command. */
export function writePostgresSchema() {
  const wanted = postgresSchema();
  let current = "";
  try {
    current = readFileSync(ENGINE_PATHS.postgresql.schema, "utf8");
  } catch {
    // not written yet
  }
  if (current !== wanted) {
    mkdirSync(path.dirname(ENGINE_PATHS.postgresql.schema), { recursive: true });
    writeFileSync(ENGINE_PATHS.postgresql.schema, wanted);
  }
}
