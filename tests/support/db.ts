import { databaseEngine, db, Prisma } from "~/services/db.server";

/**
 * Empties every table of this test file's database but the migrations' own record. The tables
 * are read from the database itself, so a table a new migration adds is emptied too without
 * anyone remembering to list it here.
 */
export async function resetDatabase() {
  const postgres = databaseEngine() === "postgresql";
  // ::text because node-postgres under Prisma cannot decode pg_catalog's `name` type
  const rows = await db.$queryRaw<{ name: string }[]>(
    postgres
      ? Prisma.sql`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()`
      : Prisma.sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  const tables = rows.map((row) => row.name).filter((name) => name !== "_prisma_migrations");
  const quoted = (name: string) => Prisma.raw(`"${name.replaceAll('"', '""')}"`);

  if (postgres) {
    // one statement for all of them, so the order of their foreign keys does not matter
    await db.$executeRaw`TRUNCATE TABLE ${Prisma.join(tables.map(quoted))}`;
    return;
  }
  // Some foreign keys refuse to let a row go while others point at it (an entry's category); with
  // the checks off the order does not matter. SQLite ignores this pragma inside a transaction.
  await db.$executeRaw`PRAGMA foreign_keys = OFF`;
  try {
    await db.$transaction(tables.map((name) => db.$executeRaw`DELETE FROM ${quoted(name)}`));
  } finally {
    await db.$executeRaw`PRAGMA foreign_keys = ON`;
  }
}
