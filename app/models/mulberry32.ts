/**
 * mulberry32, the small seeded generator the ranking maths draw from (the calibrated model's award
 * chances, the reliabilities' bootstrap), so that the same sheets always give the same figures.
 * The callers keep the state in a local while they loop, which is several times faster than a
 * closure called per draw; they share the two halves of a draw here.
 */

/** The state after `state`. */
export function mulberry32Step(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

/** The draw a stepped state gives, an unsigned 32-bit integer. */
export function mulberry32Draw(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
