import { z } from "zod";

/*
 * Pieces of the query strings of the organizers' lists, read with `parseQuery`
 * (app/forms.server.ts). A query string is typed by hand or shared as a link, so a wrong value
 * falls back instead of failing the page.
 */

/** A page number, 1 to `last`: 1 when missing or not a number, `last` when past it. */
export const pageParam = (last: number) =>
  z.coerce
    .number()
    .catch(1)
    .transform((page) => Math.max(1, Math.min(last, page || 1)));

/** Free text (a search, a name), cut to `max` characters; "" when missing. */
export const textParam = (max: number) =>
  z
    .string()
    .catch("")
    .transform((value) => value.slice(0, max));

/** One of `values`, or "" (no filter). */
export const choiceParam = <Value extends string>(values: readonly Value[]) =>
  z
    .string()
    .catch("")
    .transform((value) => ((values as readonly string[]).includes(value) ? (value as Value) : ""));
