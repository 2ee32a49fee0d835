import { z } from "zod";

/** Shared by the browser (instant feedback) and the server (the check that counts). */
export const emailSchema = z.object({
  email: z
    .string({ required_error: "errors.required" })
    .trim()
    .max(254, "errors.emailInvalid")
    .email("errors.emailInvalid"),
  redirectTo: z.string().optional(),
});

export const codeSchema = z.object({
  code: z
    .string({ required_error: "errors.required" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "errors.codeFormat")),
});
