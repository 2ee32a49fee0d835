import { z } from "zod";
import { personName } from "./entry-people";

export const MAX_CO_CREATORS = 10;

export const coCreatorSchema = z.object({
  name: personName,
  email: z.string({ required_error: "errors.required" }).trim().max(254).email("errors.emailInvalid"),
  eligible: z.literal("on", { errorMap: () => ({ message: "coCreators.confirmNeeded" }) }),
});
