import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { env } from "./env.server";

// One client for the process, kept across the dev server's rebuilds.
const globalForDb = globalThis as unknown as { __mosaicDb?: PrismaClient };

function createClient() {
  const url = env().DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(
      "DATABASE_URL names PostgreSQL, but this build of Mosaic has only the SQLite adapter wired in; see docs/decisions/0002-database.md",
    );
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export const db: PrismaClient = (globalForDb.__mosaicDb ??= createClient());
