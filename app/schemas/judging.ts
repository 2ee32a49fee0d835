import { z } from "zod";

export const SCREENING_FLAGS = ["unreleasedSurvivor", "exactLocation", "graphicContent"] as const;

const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || /^\d{4}-\d{2}-\d{2}$/.test(value), "errors.dateInvalid")
  .transform((value) => value || null);

/** One screening decision: eligible (with do-no-harm flags that add a content warning), ineligible, or returned. */
export const screeningSchema = z
  .object({
    entryId: z.string().min(1).max(40),
    decision: z.enum(["eligible", "ineligible", "returned"]),
    message: z.string().trim().max(2000).default(""),
    flags: z
      .union([z.enum(SCREENING_FLAGS), z.array(z.enum(SCREENING_FLAGS))])
      .optional()
      .transform((value) => (value == null ? [] : Array.isArray(value) ? value : [value])),
    returnUntil: optionalDate,
    seen: z.string().max(40),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "eligible" && !value.message) {
      ctx.addIssue({ code: "custom", path: ["message"], message: "screening.messageNeeded" });
    }
  });

export const inviteSchema = z.object({
  email: z.string({ required_error: "errors.required" }).trim().max(254).email("errors.emailInvalid"),
});

const lines = z
  .string()
  .max(4000)
  .default("")
  .transform((value) =>
    value
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n"),
  );

export const conflictsSchema = z.object({
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "errors.required"),
  people: lines,
  organisations: lines,
  countries: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (value == null ? [] : Array.isArray(value) ? value : [value]).filter((c) => /^[A-Z]{2}$/.test(c)),
    ),
});
