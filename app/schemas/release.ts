import { z } from "zod";
import { personName } from "./entry-people";

export const MAX_RELEASES = 30;

/** One identifiable person's release: who they are, and who consented (a guardian for a minor). */
export const releaseSchema = z.object({
  person: personName,
  minor: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  consentGivenBy: personName,
});
