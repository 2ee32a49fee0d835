import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresClient } from "~/generated/postgresql/client";
import { Prisma, PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { foldForSearch } from "./search-text";
import { engineOf, type Engine } from "./engine";
import { env } from "./env.server";
import { log } from "./log.server";
import { compilerReadOnce } from "./query-compiler-wasm.server";
import { keepQueryPlans } from "./query-plans.server";

/**
 * One Prisma client for the process, kept across the dev server's rebuilds. DATABASE_URL picks
 * the engine: a file: URL is SQLite, a postgresql:// URL is PostgreSQL. Both clients are
 * generated from prisma/schema.prisma and share one runtime, so their types, errors and
 * Prisma.sql are the same; the app is written once against the SQLite client's types.
 */
export { Prisma };
export type { Contest, Job, User } from "~/generated/sqlite/client";
export type { Engine };

// Every write of a searchable text also writes its folded form (see models/search.ts).
type WriteArgs = { data?: unknown; create?: unknown; update?: unknown };
function withFolded(args: WriteArgs, field: string, key: string) {
  const fold = (data: unknown): unknown => {
    if (Array.isArray(data)) return data.map(fold);
    if (!data || typeof data !== "object" || !(field in data)) return data;
    const value = (data as Record<string, unknown>)[field];
    // an atomic update ({ set: "…" }) is unwrapped; undefined leaves the key alone
    const text = value && typeof value === "object" && "set" in value ? (value as { set: unknown }).set : value;
    if (text === undefined) return data;
    return { ...data, [key]: foldForSearch(typeof text === "string" ? text : null) };
  };
  return { ...args, data: fold(args.data), create: fold(args.create), update: fold(args.update) } as never;
}

function searchKeys(field: string, key: string) {
  const write = ({ args, query }: { args: WriteArgs; query: (args: never) => Promise<unknown> }) =>
    query(withFolded(args, field, key));
  return {
    create: write,
    createMany: write,
    createManyAndReturn: write,
    update: write,
    updateMany: write,
    updateManyAndReturn: write,
    upsert: write,
  };
}

/**
 * One query at a time on a PostgreSQL transaction's connection. Prisma's query interpreter
 * sends a query's independent parts (relations it includes) at once, and node-postgres queues
 * them only with a deprecation warning; pg 9 will refuse. SQLite runs one statement at a time
 * anyway.
 */
function oneQueryAtATime(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const serialize = (transaction: Transaction): Transaction => {
    let last: Promise<unknown> = Promise.resolve();
    const inTurn =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const next = last.then(
          () => call(...args),
          () => call(...args),
        );
        last = next.catch(() => undefined);
        return next;
      };
    const queryRaw = inTurn(transaction.queryRaw.bind(transaction));
    const executeRaw = inTurn(transaction.executeRaw.bind(transaction));
    return Object.assign(Object.create(transaction) as Transaction, { queryRaw, executeRaw });
  };
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await factory.connect();
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (...args) => serialize(await startTransaction(...args));
      return adapter;
    },
  };
}

/**
 * An engine's adapter, loaded when the client first connects: a process only ever loads its own
 * engine's driver (node-postgres alone is some 5 MiB), and none before its first query.
 */
function loadedOnConnect(
  adapterName: string,
  provider: SqlDriverAdapterFactory["provider"],
  load: () => Promise<SqlDriverAdapterFactory>,
): SqlDriverAdapterFactory {
  let factory: Promise<SqlDriverAdapterFactory> | undefined;
  return {
    adapterName,
    provider,
    async connect() {
      factory ??= load();
      return (await factory).connect();
    },
  };
}

function createClient() {
  keepQueryPlans();
  const url = env().DATABASE_URL;
  const base =
    engineOf(url) === "postgresql"
      ? // The same API; only the generated query compiler differs.
        (new PostgresClient({
          adapter: oneQueryAtATime(
            loadedOnConnect("@prisma/adapter-pg", "postgres", async () => {
              const { PrismaPg } = await import("@prisma/adapter-pg");
              return new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
            }),
          ),
          ...compilerReadOnce("postgresql"),
        } as ConstructorParameters<typeof PostgresClient>[0]) as unknown as SqliteClient)
      : new SqliteClient({
          adapter: loadedOnConnect("@prisma/adapter-better-sqlite3", "sqlite", async () => {
            const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
            return new PrismaBetterSQLite3({ url });
          }),
          ...compilerReadOnce("sqlite"),
        } as ConstructorParameters<typeof SqliteClient>[0]);
  // A query extension changes no method's shape, so the plain client's type stays true (and
  // functions that take a Prisma.TransactionClient accept the extended client's transactions).
  const searchable = base.$extends({
    name: "search-keys",
    query: {
      user: searchKeys("fullName", "searchName"),
      entry: searchKeys("title", "searchTitle"),
    },
  });
  const transaction = searchable.$transaction.bind(searchable) as Transact;
  return searchable.$extends({
    name: "after-commit",
    client: { $transaction: runningCommitHooks(transaction) },
  }) as unknown as SqliteClient;
}

type Transact = (arg: unknown, options?: unknown) => Promise<unknown>;
// Kept with the client across the dev server's rebuilds: the client's transactions fill it.
const globalForHooks = globalThis as unknown as { __mosaicCommitHooks?: WeakMap<object, (() => void)[]> };
const commitHooks = (globalForHooks.__mosaicCommitHooks ??= new WeakMap());

/** `$transaction`, whose interactive transactions run their `afterCommit` hooks once committed. */
function runningCommitHooks(transaction: Transact): Transact {
  return async (arg, options) => {
    if (typeof arg !== "function") return transaction(arg, options);
    const hooks: (() => void)[] = [];
    let active: object | undefined;
    let result: unknown;
    try {
      result = await transaction((tx: object) => {
        active = tx;
        commitHooks.set(tx, hooks);
        return (arg as (tx: object) => Promise<unknown>)(tx);
      }, options);
    } finally {
      // A hook added once the transaction is over runs at once instead of waiting for nothing.
      if (active) commitHooks.delete(active);
    }
    for (const hook of hooks) hook();
    return result;
  };
}

export type Db = SqliteClient;
export type PrismaClient = SqliteClient;
const globalForDb = globalThis as unknown as { __mosaicDb?: Db };
export const db: Db = (globalForDb.__mosaicDb ??= createClient());

export function databaseEngine(): Engine {
  return engineOf(env().DATABASE_URL);
}

/** A database client or an interactive transaction's client. */
export type DbClient = Db | Prisma.TransactionClient;

/**
 * Runs `hook` once the transaction `tx` has committed, or at once when `tx` is the client itself
 * (its writes are in already). A transaction that rolls back runs none of its hooks, and neither
 * does a serializable attempt that is run again. Hooks run before the transaction's caller
 * carries on: keep them short, and never let them throw.
 */
export function afterCommit(tx: DbClient, hook: () => void) {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(hook);
  else hook();
}

const SERIALIZABLE_ATTEMPTS = 5;

/**
 * A Serializable transaction aborted for a write conflict (SQLSTATE 40001). Prisma reports it as
 * P2034 when a query fails, but a conflict found at COMMIT reaches the caller as the adapter's
 * own error, unwrapped.
 */
function isWriteConflict(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2034";
  const cause = (error as { name?: string; cause?: { kind?: string } } | null)?.cause;
  return (
    (error as { name?: string } | null)?.name === "DriverAdapterError" && cause?.kind === "TransactionWriteConflict"
  );
}

/**
 * A Serializable transaction, run again when the database aborts it for a write conflict
 * (P2034). PostgreSQL aborts one of two conflicting transactions where SQLite queues them, so
 * without this two clicks on "start an entry" could give a 500. `fn` must be safe to rerun: it
 * only touches the database through `tx`.
 */
export async function serializable<T>(
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  // Prisma's default is 5 s; a whole contest's assignment on PostgreSQL takes longer
  options: { timeoutMs?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(fn, {
        isolationLevel: Prisma.TransactionIsolationLevel.Serializable,
        timeout: options.timeoutMs ?? 5_000,
        maxWait: 10_000,
      });
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= SERIALIZABLE_ATTEMPTS) throw error;
      log.debug({ attempt }, "serializable transaction aborted by a write conflict; running it again");
      // a short, growing, jittered pause so that the two contenders don't collide again
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt * (1 + Math.random())));
    }
  }
}

/**
 * Raw SQL's ORDER BY in byte order on both engines: SQLite's default, and on PostgreSQL the "C"
 * collation, so that a managed server's en_US collation doesn't change what a person reads.
 */
export function byteOrder() {
  return databaseEngine() === "postgresql" ? Prisma.sql`COLLATE "C"` : Prisma.empty;
}

/**
 * A token that changes whenever the database has changed, by this process or any other: a page
 * built from the database while the token stood still may be served again (app/server/
 * page-cache.ts). On SQLite, `data_version` moves with commits of other connections (the CLI,
 * a second server, a shell) and `total_changes()` with this connection's own rows; this process
 * has one connection. On PostgreSQL, the current snapshot (the next transaction id and those
 * still running) moves whenever any transaction that wrote commits, on any server of the cluster.
 * Coarse on purpose: any write anywhere invalidates, so no page can miss a change it shows.
 */
export async function dataVersion(): Promise<string> {
  const sql =
    databaseEngine() === "postgresql"
      ? "SELECT pg_current_snapshot()::text AS v"
      : "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS v";
  const rows = await db.$queryRawUnsafe<{ v: string }[]>(sql);
  return String(rows[0]?.v);
}
