import { z } from "zod";

export const MAX_RELEASES = 30;

/** One identifiable person's release: who they are, and who consented (a guardian for a minor). */
export const releaseSchema = z.object({
  person: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200),
  minor: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  consentGivenBy: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200),
});
