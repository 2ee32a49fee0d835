import v8 from "node:v8";
import { PerformanceObserver } from "node:perf_hooks";

/**
 * V8 settings changed for a server whose memory at rest matters. They are set from code, as the
 * server entry's first import, because `npm start`, a host and the benchmark all run
 * `node build/server/index.js` without flags, and so that nothing they should apply to runs
 * before them (Prisma compiles its query compiler at the first query). See
 * docs/decisions/0020-server-memory.md for what they save and cost.
 */

const MiB = 1024 * 1024;

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

/**
 * V8's young generation grows, up to two semi-spaces of 16 MiB, while many of its objects
 * outlive a collection, and does not shrink while the server is busy or idle. Mosaic's start and
 * first pages take it to the top. At two semi-spaces of 4 MiB, a rendered page costs a few
 * percent more processor time (more, shorter collections) and the server holds 8–10 MiB less
 * for as long as it runs; the pages most people load are served from the page cache (decision
 * 21), which allocates little, so memory was the better side of the trade.
 */
const MAX_SEMI_SPACE = 4 * MiB;

v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);

/**
 * V8 reads `--max-semi-space-size` only when it starts, but the factor by which the young
 * generation grows at each step is read at every step. So after each collection the factor is
 * set to what lets it reach MAX_SEMI_SPACE and no more: it grows as V8 would have it up to
 * there (and again after V8 has shrunk it), and stays there.
 */
function semiSpace() {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  // what can be allocated in one semi-space: its size but for its pages' headers
  return space ? space.space_used_size + space.space_available_size : 0;
}

let factor = 0;
function steerYoungGeneration() {
  const size = semiSpace();
  // At most doubling, V8's own step: the observer hears of collections in batches, once the
  // event loop turns, so a long synchronous task can grow the space more than once unobserved.
  const next = size > 0 ? Math.min(2, Math.max(1, Math.floor(MAX_SEMI_SPACE / size))) : 2;
  if (next !== factor) v8.setFlagsFromString(`--semi-space-growth-factor=${(factor = next)}`);
}

steerYoungGeneration();
new PerformanceObserver(steerYoungGeneration).observe({ entryTypes: ["gc"] });
