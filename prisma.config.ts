import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";
import { ENGINE_PATHS, engineOf, writePostgresSchema } from "./prisma/engines";
import { postgresMigrationAdapter } from "./prisma/postgres-migrate";

// With a config file Prisma no longer reads .env itself; without DATABASE_URL it would fall
// back to downloading a native engine, which this project never needs.
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= "file:./data/dev.db";
// Migrations need a direct connection (they hold an advisory lock for the session): behind
// PgBouncer in transaction mode, MIGRATION_DATABASE_URL names the server itself.
const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
// DATABASE_URL picks the engine, its schema and its migrations: no code change, no second build.
const engine = engineOf(url);
writePostgresSchema();
// SQLite creates the database file, but not the folder it goes in (data/ on a fresh clone).
if (engine === "sqlite") mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });

// Prisma 6.19's WASM schema engine sends whole migration scripts to the shadow database
// through executeRaw, which runs one statement; send argument-less SQL to executeScript.
function withShadowScripts(factory: PrismaBetterSQLite3): SqlMigrationAwareDriverAdapterFactory {
  return {
    adapterName: factory.adapterName,
    provider: factory.provider as "sqlite",
    connect: () => factory.connect(),
    async connectToShadowDb() {
      const connection = await factory.connectToShadowDb();
      const executeRaw = connection.executeRaw.bind(connection);
      connection.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await connection.executeScript(query.sql);
        return 0;
      };
      return connection;
    },
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: ENGINE_PATHS[engine].schema,
  migrations: { path: ENGINE_PATHS[engine].migrations },
  adapter: async () =>
    engine === "postgresql" ? postgresMigrationAdapter(url) : withShadowScripts(new PrismaBetterSQLite3({ url })),
});
