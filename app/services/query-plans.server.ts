/**
 * Prisma 6.19's query compiler (WebAssembly, the engine Mosaic runs: see
 * docs/decisions/0002-database.md) turns every query into a plan afresh, a third of a small
 * page's server time. The same query with the same values always gives the same plan, and a page
 * asks the same few queries again and again (the contest a visitor reads, the session of a
 * signed-in user). So the plans of short inputs are kept by compiler and input, at most
 * PLANS_KEPT of them, least recently used leaving first, and each caller gets its own copy, since
 * the plan's interpreter is not ours to trust with a shared object.
 *
 * The compiler is reached through the class its generated client loads; `keepQueryPlans` wraps
 * `compile` and `compileBatch` once. Should a future Prisma rename them, nothing is wrapped and
 * queries are compiled as before.
 */
import { QueryCompiler as PostgresCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { QueryCompiler as SqliteCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";
import { keptByKey } from "./kept";

const PLANS_KEPT = 1_000;
/** Characters of the longest input whose plan is kept (a page's reads are a few hundred). */
const LONGEST_KEPT = 4_000;

type Compile = (this: unknown, input: string) => unknown;

function keeping(compile: Compile, kind: string): Compile {
  // by compiler: each knows its own schema and connection
  const plansOf = new WeakMap<object, ReturnType<typeof keptByKey<unknown>>>();
  return function keptCompile(this: unknown, input: string) {
    // A long input is a one-off (a batch of rows to write, a list of ids): kept, it would only
    // hold memory, values and all, until a thousand others pushed it out.
    if (typeof input !== "string" || input.length > LONGEST_KEPT || !this || typeof this !== "object") {
      return compile.call(this, input);
    }
    let plans = plansOf.get(this);
    if (!plans) plansOf.set(this, (plans = keptByKey<unknown>(PLANS_KEPT)));
    const plan = plans(input, () => compile.call(this, input));
    stats[kind] = (stats[kind] ?? 0) + 1;
    return structuredClone(plan);
  };
}

/** How many plans each wrapper has handed out, for tests. */
export const stats: Record<string, number> = {};
const wrapped = Symbol.for("mosaic.keptQueryPlans");

export function keepQueryPlans() {
  for (const compiler of [SqliteCompiler, PostgresCompiler] as unknown as {
    prototype: Record<PropertyKey, unknown>;
  }[]) {
    const prototype = compiler.prototype;
    if (prototype[wrapped]) continue;
    for (const method of ["compile", "compileBatch"]) {
      const original = prototype[method];
      if (typeof original === "function") prototype[method] = keeping(original as Compile, method);
    }
    prototype[wrapped] = true;
  }
}
