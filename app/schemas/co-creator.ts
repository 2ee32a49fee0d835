import { z } from "zod";

export const MAX_CO_CREATORS = 10;

export const coCreatorSchema = z.object({
  name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200),
  email: z.string({ required_error: "errors.required" }).trim().max(254).email("errors.emailInvalid"),
  eligible: z.literal("on", { errorMap: () => ({ message: "coCreators.confirmNeeded" }) }),
});
