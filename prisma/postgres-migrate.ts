import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { parse } from "pg-connection-string";

/**
 * The adapter Prisma's CLI (migrate deploy, dev, status, diff) uses on PostgreSQL. Prisma 6.19
 * runs its schema engine as WebAssembly through @prisma/adapter-pg, which has four faults this
 * wraps; the app's own queries use the plain adapter (app/services/db.server.ts).
 */

// Prisma issue 27403: the schema engine reads pg_catalog columns of type "name" (OID 19) and
// "char" (OID 18), which the adapter refuses to decode. node-postgres already gives both as
// strings, so they are reported as text.
const TEXTLIKE = new Set([18, 19]);
const TEXT_OID = 25;
type PgResult = { fields?: { dataTypeID: number }[] };
type Patched = { performIO: (...args: unknown[]) => Promise<PgResult>; __mosaicTextPatch?: true };

function reportNamesAsText(queryable: object) {
  // performIO sits on the adapter's base class, shared with its transactions: patch it once.
  let proto = Object.getPrototypeOf(queryable) as Patched | null;
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto) as Patched | null;
  if (!proto || proto.__mosaicTextPatch) return;
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields ?? []) if (TEXTLIKE.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    return result;
  };
  proto.__mosaicTextPatch = true;
}

// The adapter runs a migration by splitting it at every ";", even one inside a comment or a
// function's body (the triggers of migration 20261208090000_contest_tallies). A query without
// parameters goes by PostgreSQL's simple protocol, which takes many statements at once and parses
// them itself (in one implicit transaction): the script goes whole.
type Scripted = {
  executeScript: (script: string) => Promise<void>;
  underlyingDriver: () => { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
};

function runScriptsWhole(connection: object) {
  const scripted = connection as Scripted;
  scripted.executeScript = async (script) => {
    await scripted
      .underlyingDriver()
      .query(script)
      .catch((error: unknown) => scripted.onError(error));
  };
}

// node-postgres lets connectionString win over database, so the adapter's own shadow database
// (made with { ...config, database }) would be the real one: connect with separate fields.
function fieldsOf(connectionString: string) {
  const { host, port, user, password, database, ssl } = parse(connectionString);
  return {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? undefined,
    ssl: ssl as boolean | object | undefined,
  };
}

export function postgresMigrationAdapter(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const config = fieldsOf(connectionString);
  const factory = new PrismaPg(config);
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    async connect() {
      const connection = await factory.connect();
      reportNamesAsText(connection);
      runScriptsWhole(connection);
      return connection;
    },
    // The shadow database (migrate dev, diff --from-migrations) is made and dropped here: 6.19's
    // own would drop it while its pool is still open.
    async connectToShadowDb() {
      const main = await factory.connect();
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...config, database: name }).connect();
      reportNamesAsText(shadow);
      runScriptsWhole(shadow);
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}
