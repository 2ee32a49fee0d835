import { z } from "zod";

/**
 * What the lists of people on an entry share (co-creators, releases: components/entry-people.tsx):
 * how a person's name is typed, and the "Remove" button's form.
 */
export const personName = z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200);

export const removePersonSchema = z.object({
  intent: z.literal("remove"),
  itemId: z.string().min(1).max(40),
});
