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
  // a browser sends no type for a file it does not recognise; the server's check decides
  type: z.string().max(100).default(""),
  size: z.coerce.number().int().min(0),
});

// Unchecked here: an id that is not one of the entry's files is answered 404 by the model.
const assetId = z.string().default("");

const partsSchema = z
  .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
  .max(10_000);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * What the uploader (app/components/media/use-upload.ts) and the media list's buttons send to an
 * entry's media endpoint, one shape per intent.
 */
export const mediaSchema = z.discriminatedUnion("intent", [
  uploadStartSchema,
  z.object({ intent: z.enum(["complete", "status", "remove"]), assetId }),
  z.object({ intent: z.literal("resume"), assetId, size: z.coerce.number().default(0), type: z.string().default("") }),
  z.object({
    intent: z.literal("parts"),
    assetId,
    // part numbers, comma-separated; the model keeps only those the upload has
    parts: z
      .string()
      .default("")
      .transform((list) => list.split(",").map(Number)),
  }),
  z.object({
    intent: z.literal("complete-multipart"),
    assetId,
    parts: z.string().default("").transform(parseJson).pipe(partsSchema),
  }),
  z.object({ intent: z.literal("alt"), assetId, altText: z.string().default("") }),
]);

/** Adding (or removing) the WebVTT captions of a video or audio file; the file itself is read apart. */
export const captionsSchema = z.object({
  intent: z.enum(["upload", "remove"]),
  assetId: z.string().min(1).max(40),
  language: z.string().trim().max(60).default(""),
});

/**
 * The entry page's own form: its details with the button that sent them (save, or submit), or
 * the withdraw button alone. A form sent without a button (Enter in a field) saves.
 */
export const entryFormSchema = z.union([
  z.object({ intent: z.literal("withdraw") }),
  draftSchema.extend({ intent: z.enum(["save", "submit"]).default("save") }),
]);
