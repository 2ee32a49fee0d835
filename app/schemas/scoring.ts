import { z } from "zod";
import { ROUNDS } from "~/models/scoring";

/**
 * A score sheet as the scoring form and its autosave send it: `score.<criterionId>`,
 * `comment.<criterionId>`, `comment.overall`, and the revision the page started from. The
 * scores and comments are checked against the rubric by the model (checkSheet), which alone
 * knows the criteria.
 */
export const sheetSchema = z.object({
  revision: z.number().int().min(0),
  score: z.record(z.string().max(10).optional()).default({}),
  comment: z.record(z.string().optional()).default({}),
  // the entry to go to after a submission ("" at the end of the queue)
  next: z.string().max(40).default(""),
});

/** The round a judge's page or an organizer's results are about: the first round unless it says final. */
export const roundQuery = z.object({ round: z.enum(ROUNDS).catch("scoring") });
