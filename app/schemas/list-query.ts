import { z } from "zod";

/**
 * The query-string fields of the organizers' long lists (people, entrants, entries), read by
 * their loaders with `parseQuery` (forms.server.ts). Addresses are typed by hand and shared as
 * links, so a value that makes no sense is not an error: it falls back to "any" or page 1.
 */

/** The search box's words; only the first 100 characters are searched. */
export const searchQuery = z
  .string()
  .catch("")
  .transform((q) => q.slice(0, 100));

/** A filter's choice: one of `values`, or "" for any. */
export function choiceQuery<Value extends string>(values: readonly [Value, ...Value[]]) {
  return z.enum(values).or(z.literal("")).catch("");
}

/** The page, 1 to 10,000 (one past the last shows an empty page). */
export const pageQuery = z.coerce
  .number()
  .int()
  .catch(1)
  .transform((page) => Math.max(1, Math.min(10_000, page || 1)));
