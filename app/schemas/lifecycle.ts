import { z } from "zod";
import { TRANSITIONS } from "~/models/lifecycle";

/**
 * A click on one of the lifecycle's buttons ("Open entries", "Close early"...): the move, and the
 * status the page showed, so a click on a page that is out of date changes nothing.
 */
export const moveSchema = z.object({
  intent: z.literal("move"),
  transition: z.enum(TRANSITIONS),
  seen: z.string().max(40).default(""),
});
