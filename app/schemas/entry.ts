import { z } from "zod";

const text = (max: number) => z.string().max(max).default("");
const yesNo = z
  .enum(["yes", "no", ""])
  .optional()
  .transform((value) => (value === "yes" ? true : value === "no" ? false : null));
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

/** The entry form, as the autosave and the submit button send it. */
export const draftSchema = z.object({
  revision: z.coerce.number().int().min(0),
  title: text(200),
  summary: text(1000),
  statement: text(20_000),
  language: text(60),
  aiUse: z
    .enum(["none", "assisted", "generated", ""])
    .optional()
    .transform((value) => (value ? value : null)),
  aiUseDetails: text(2000),
  transcript: text(100_000),
  originalWork: checkbox,
  licence: checkbox,
  identifiablePeople: yesNo,
  releases: checkbox,
  showsSurvivors: yesNo,
  showsExactLocations: yesNo,
  graphicContent: yesNo,
});

export const uploadStartSchema = z.object({
  intent: z.literal("start"),
  name: z.string().min(1).max(255),
  type: z.string().max(100),
  size: z.coerce.number().int().min(0),
});
