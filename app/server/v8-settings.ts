import v8 from "node:v8";

/**
 * V8 settings changed for a server whose memory at rest matters. They are set from code, as the
 * server entry's first import, because `npm start`, a host and the benchmark all run
 * `node build/server/index.js` without flags, and so that nothing they should apply to runs
 * before them (Prisma compiles its query compiler at the first query). See
 * docs/decisions/0020-server-memory.md for what they save and cost.
 */

/**
 * Prisma's query compiler is WebAssembly. V8 runs each of its functions with quickly made code
 * first, and makes the hot ones again, optimised, on its helper threads once they have run
 * through a budget; reading the schema at the first query spends it for hundreds of them. What
 * the optimising compiler used on those threads stays in the process as free memory of their
 * allocators (9–11 MiB of arenas with this budget, 12–30 MiB without). Mosaic keeps the plans
 * it compiles (services/query-plans.server.ts), so the compiler runs once per distinct query: a
 * budget 55 times V8's (1.8 million) leaves the start and the first pages to the quick code, and
 * still lets the functions that many queries use be optimised later.
 */
const WASM_TIERING_BUDGET = 100_000_000;

v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
