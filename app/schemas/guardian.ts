import { z } from "zod";

export const guardianRequestSchema = z.object({
  guardianName: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200),
  guardianEmail: z.string({ required_error: "errors.required" }).trim().max(254).email("errors.emailInvalid"),
});

export const guardianAnswerSchema = z.object({
  token: z.string().min(1).max(100),
  decision: z.enum(["consented", "refused"]),
  revision: z.coerce.number().int().min(0),
});
