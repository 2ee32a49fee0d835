import { z } from "zod";
import { isCountryCode } from "~/models/countries";

export const profileSchema = z.object({
  fullName: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200),
  displayName: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(100),
  dateOfBirth: z
    .string({ required_error: "errors.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateInvalid")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return (
        !Number.isNaN(date.getTime()) &&
        date.toISOString().startsWith(value) &&
        date.getUTCFullYear() > 1900 &&
        date < new Date()
      );
    }, "errors.dateInvalid"),
  country: z.string({ required_error: "errors.required" }).refine(isCountryCode, "errors.required"),
  publishCountry: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  acceptTerms: z.literal("on", { errorMap: () => ({ message: "errors.acceptTerms" }) }),
});
