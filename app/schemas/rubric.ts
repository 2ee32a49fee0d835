import { z } from "zod";

export const MAX_CRITERIA = 12;

const levels = z
  .string({ required_error: "rubric.levelsNeeded" })
  .transform((value) =>
    value
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length >= 2 && list.length <= 10, "rubric.levelsCount")
  .refine((list) => list.every((line) => line.length <= 300), "rubric.levelTooLong");

/** A contest's rubric as organizers edit it: criteria with level descriptors (one per line) and weights summing to 100. */
export const rubricSchema = z
  .object({
    criteria: z
      .array(
        z.object({
          id: z.string().max(40).optional(),
          name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(120),
          guidance: z.string().trim().max(1000).default(""),
          weight: z
            .number({ required_error: "errors.required", invalid_type_error: "rubric.weightNumber" })
            .int("rubric.weightNumber")
            .min(1, "rubric.weightNumber")
            .max(100, "rubric.weightNumber"),
          levels,
        }),
      )
      .min(1, "rubric.atLeastOne")
      .max(MAX_CRITERIA),
  })
  .superRefine((value, ctx) => {
    const sum = value.criteria.reduce((total, c) => total + c.weight, 0);
    if (sum !== 100) ctx.addIssue({ code: "custom", path: ["criteria"], message: "rubric.weightsSum" });
  });
