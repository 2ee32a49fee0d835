import { z } from "zod";
import { locales } from "~/i18n";
import { localDateTimeIn } from "~/models/contest";
import { MAX_RETENTION_MONTHS } from "~/models/retention";

/**
 * A contest's settings as organizers edit them on one page, shared by the browser (instant
 * feedback) and the server (the check that counts). Dates are the wall times of the contest's
 * own time zone, as a datetime-local field gives them.
 */
export const MEDIA_TYPES = [
  "video/mp4",
  "video/webm",
  "video/quicktime",
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
  "audio/mpeg",
  "audio/wav",
  "audio/ogg",
  "audio/mp4",
] as const;

export const ACCESSIBILITY_TEXTS = ["alt_text", "captions_or_transcript", "none"] as const;
/** How a round of score sheets is ranked; the final round may also compare works two at a time. */
export const NORMALISATIONS = ["calibrated", "zscore", "raw"] as const;
export const FINAL_METHODS = [...NORMALISATIONS, "pairwise"] as const;
export type RankingMethod = (typeof NORMALISATIONS)[number];
export type FinalMethod = (typeof FINAL_METHODS)[number];
export const EMAIL_NOTES = ["receipt", "screened", "draftReminder", "results"] as const;
export type EmailNoteKey = (typeof EMAIL_NOTES)[number];
export const MAX_CATEGORIES = 12;
/** Category file limits are stored in bytes in a 32-bit column. */
export const MAX_FILE_MB = 2000;

export const TIMELINE = ["opensAt", "deadline", "judgingStartsAt", "judgingEndsAt", "announcementAt"] as const;

const text = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).default("");
const required = (max: number) =>
  z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(max, { message: "errors.tooLong" });
const count = (min: number, max: number) =>
  z
    .number({ required_error: "errors.required", invalid_type_error: "settings.number" })
    .int("settings.number")
    .min(min, { message: "settings.between" })
    .max(max, { message: "settings.between" });
const optionalCount = (min: number, max: number) => count(min, max).optional();
const when = z
  .string({ required_error: "errors.required" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "settings.dateTime");

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Paths of the console that a contest's slug must not shadow. */
const RESERVED_SLUGS = ["new", "people"];
const slug = required(60)
  .regex(slugPattern, "settings.slugFormat")
  .refine((value) => !RESERVED_SLUGS.includes(value), "settings.slugTaken");

/** A category's name and description in one of the contest's other languages; empty falls back to the first. */
const categoryTextsSchema = z.object({ name: text(80), description: text(1000) });

export const categorySchema = z.object({
  id: z.string().max(40).optional(),
  slug,
  name: required(80),
  description: text(1000),
  allowedTypes: z.array(z.enum(MEDIA_TYPES), { required_error: "settings.typesNeeded" }).min(1, "settings.typesNeeded"),
  maxFileMb: count(1, MAX_FILE_MB),
  maxDurationMin: optionalCount(1, 600),
  maxFiles: count(1, 20),
  accessibilityText: z.enum(ACCESSIBILITY_TEXTS),
  statementMaxWords: count(50, 2000),
  translations: z.record(z.enum(locales), categoryTextsSchema).default({}),
});

/** A contest's rules and FAQ, in Markdown. */
export const longText = text(20_000);

/**
 * The contest's texts in one of its other languages, as organizers give them; an empty one falls
 * back to the first language's (models/contest-texts.ts).
 */
export const contestTextsSchema = z.object({
  title: text(160),
  theme: text(200),
  summary: text(1000),
  rules: longText,
  faq: longText,
  certificateWording: text(1000),
  emailReceipt: text(2000),
  emailScreened: text(2000),
  emailDraftReminder: text(2000),
  emailResults: text(2000),
});
export type ContestTextsForm = z.infer<typeof contestTextsSchema>;

export const settingsSchema = z
  .object({
    title: required(160),
    slug,
    theme: required(200),
    summary: required(1000),
    rules: longText,
    faq: longText,
    organizerName: required(200),
    languages: z.array(z.enum(locales), { required_error: "settings.languagesNeeded" }).min(1),
    // the language the texts above are written in, which readers of a language without its own
    // texts fall back to; stored first in `languages`
    firstLanguage: z.enum(locales, { required_error: "errors.required" }),
    translations: z.record(z.enum(locales), contestTextsSchema).default({}),
    timezone: required(60).refine(isTimeZone, "settings.timezone"),
    opensAt: when,
    deadline: when,
    graceMinutes: count(0, 24 * 60),
    judgingStartsAt: when,
    judgingEndsAt: when,
    announcementAt: when,
    minAge: optionalCount(5, 120),
    maxAge: optionalCount(5, 120),
    allowedCountries: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{2}(\s*,\s*[A-Z]{2})*)?$/, "settings.countries")
      .default(""),
    maxEntriesPerUser: count(1, 50),
    maxEntriesPerCategory: count(1, 50),
    guardianConsentUnder: optionalCount(1, 21),
    judgesPerEntry: count(1, 20),
    blindJudging: z.boolean().default(false),
    avoidSameCountry: z.boolean().default(false),
    hideCountry: z.boolean().default(false),
    normalisation: z.enum(NORMALISATIONS),
    finalMethod: z.enum(FINAL_METHODS),
    // a percentage on the form (80), a fraction in the database (0.8)
    pairwiseTargetPercent: count(50, 95),
    retentionMonths: count(1, MAX_RETENTION_MONTHS),
    emailReceipt: text(2000),
    emailScreened: text(2000),
    emailDraftReminder: text(2000),
    emailResults: text(2000),
    feedback: z.boolean().default(false),
    feedbackScores: z.boolean().default(false),
    certificateWording: text(1000),
    certificateSignature: text(200),
    peoplesChoice: z.boolean().default(false),
    votingOpensAt: when.optional(),
    votingClosesAt: when.optional(),
    categories: z.array(categorySchema).min(1, "settings.categoriesNeeded").max(MAX_CATEGORIES),
  })
  .superRefine((value, ctx) => {
    if (!value.languages.includes(value.firstLanguage)) {
      ctx.addIssue({ code: "custom", path: ["firstLanguage"], message: "settings.firstLanguageOffered" });
    }
    if (value.minAge !== undefined && value.maxAge !== undefined && value.minAge > value.maxAge) {
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "settings.ageOrder" });
    }
    // The timeline must run forwards: each date after the one before it.
    if (isTimeZone(value.timezone)) {
      const instants = TIMELINE.map((key) => localDateTimeIn(value[key], value.timezone));
      for (let i = 1; i < TIMELINE.length; i++) {
        const before = instants[i - 1];
        const after = instants[i];
        if (before && after && after <= before) {
          ctx.addIssue({ code: "custom", path: [TIMELINE[i]!], message: `settings.after.${TIMELINE[i - 1]}` });
        }
      }
    }
    // A people's choice needs an end, after the results are announced.
    if (value.peoplesChoice && !value.votingClosesAt) {
      ctx.addIssue({ code: "custom", path: ["votingClosesAt"], message: "settings.votingClosesNeeded" });
    }
    if (value.peoplesChoice && value.votingClosesAt && isTimeZone(value.timezone)) {
      const closes = localDateTimeIn(value.votingClosesAt, value.timezone);
      const announced = localDateTimeIn(value.announcementAt, value.timezone);
      if (closes && announced && closes <= announced) {
        ctx.addIssue({ code: "custom", path: ["votingClosesAt"], message: "settings.votingAfterAnnouncement" });
      }
      const opens = value.votingOpensAt ? localDateTimeIn(value.votingOpensAt, value.timezone) : null;
      if (closes && opens && closes <= opens) {
        ctx.addIssue({ code: "custom", path: ["votingClosesAt"], message: "settings.votingAfterOpening" });
      }
    }
    const slugs = new Set<string>();
    value.categories.forEach((category, index) => {
      if (slugs.has(category.slug)) {
        ctx.addIssue({ code: "custom", path: ["categories", index, "slug"], message: "settings.slugTaken" });
      }
      slugs.add(category.slug);
    });
  });

export type Settings = z.infer<typeof settingsSchema>;

/** A new edition: its names, and the contest it starts from (or none, for a blank one). */
export const newContestSchema = z.object({
  title: required(160),
  slug,
  codePrefix: required(12).regex(/^[A-Z0-9]{2,12}$/, "settings.codePrefix"),
  copyFrom: z.string().max(60).optional(),
});
