import { z } from "zod";
import { EMAIL_NOTES, type EmailNoteKey } from "~/schemas/contest";
import { splitList } from "./contest";

/**
 * A contest's own words in each of its languages. Organizers write the contest's texts once in
 * its first language (the columns of Contest and Category) and may give each of them in every
 * other language the contest speaks (the `translations` JSON beside them). A reader gets their
 * language where the organizers wrote it, and the first language where they did not — field by
 * field, each with the language it is really in, so a page can mark a passage left in another
 * language with `lang` and a screen reader reads it with the right voice.
 */
export const CONTEST_TEXTS = ["title", "theme", "summary", "rules", "faq", "certificateWording"] as const;
export type ContestTextKey = (typeof CONTEST_TEXTS)[number];
export const CATEGORY_TEXTS = ["name", "description"] as const;
export type CategoryTextKey = (typeof CATEGORY_TEXTS)[number];

const words = z.string().catch("");
const contestLanguageTexts = z
  .object({
    ...Object.fromEntries(CONTEST_TEXTS.map((key) => [key, words.optional()])),
    emailNotes: z.record(words).catch({}).optional(),
  })
  .catch({});
const categoryLanguageTexts = z
  .object(Object.fromEntries(CATEGORY_TEXTS.map((key) => [key, words.optional()])))
  .catch({});

type ContestLanguageTexts = Partial<Record<ContestTextKey, string>> & {
  emailNotes?: Partial<Record<EmailNoteKey, string>>;
};
type CategoryLanguageTexts = Partial<Record<CategoryTextKey, string>>;

function parseJson(json: string | null | undefined): unknown {
  try {
    return JSON.parse(json || "{}");
  } catch {
    return {};
  }
}

/** A contest's translations by language, never throwing on a damaged value. */
export function contestTranslations(json: string | null | undefined): Record<string, ContestLanguageTexts> {
  return z.record(contestLanguageTexts).catch({}).parse(parseJson(json)) as Record<string, ContestLanguageTexts>;
}

/** A category's translations by language, never throwing on a damaged value. */
export function categoryTranslations(json: string | null | undefined): Record<string, CategoryLanguageTexts> {
  return z.record(categoryLanguageTexts).catch({}).parse(parseJson(json)) as Record<string, CategoryLanguageTexts>;
}

/** The language a contest's texts are first written in: the first of its languages. */
export function firstLanguage(contest: { languages: string | readonly string[] }): string {
  const languages = typeof contest.languages === "string" ? splitList(contest.languages) : contest.languages;
  return languages[0] ?? "en";
}

type Translatable = { languages: string | readonly string[]; translations?: string | null };

/**
 * The language a reader of `locale` reads the contest in: theirs if the contest offers it, else
 * its first. A language the organizers stopped offering keeps its texts, unread, until offered again.
 */
export function readingLanguage(contest: { languages: string | readonly string[] }, locale: string): string {
  const languages = typeof contest.languages === "string" ? splitList(contest.languages) : contest.languages;
  return languages.includes(locale) ? locale : firstLanguage(contest);
}

/**
 * One of a contest's texts in `locale`: the organizers' words in that language when they gave
 * them, else the first language's. `lang` says which it is.
 */
export function contestText(
  contest: Translatable & Partial<Record<ContestTextKey, string>>,
  key: ContestTextKey,
  locale: string,
): { text: string; lang: string } {
  const base = firstLanguage(contest);
  const reading = readingLanguage(contest, locale);
  const translated = reading === base ? undefined : contestTranslations(contest.translations)[reading]?.[key]?.trim();
  return translated ? { text: translated, lang: reading } : { text: contest[key] ?? "", lang: base };
}

/** The organizers' words added to one kind of email, in the recipient's language where given; "" when there are none. */
export function emailNoteIn(contest: Translatable & { emailNotes: string }, key: EmailNoteKey, locale: string) {
  const reading = readingLanguage(contest, locale);
  if (reading !== firstLanguage(contest)) {
    const translated = contestTranslations(contest.translations)[reading]?.emailNotes?.[key]?.trim();
    if (translated) return translated;
  }
  const notes = z.record(words).catch({}).parse(parseJson(contest.emailNotes));
  return notes[key]?.trim() ?? "";
}

/**
 * A category's name or description in `locale`, falling back to the contest's first language
 * (`locale` is a language the contest offers: see readingLanguage).
 */
function categoryText(
  category: { translations?: string | null } & Partial<Record<CategoryTextKey, string>>,
  key: CategoryTextKey,
  locale: string,
  base: string,
): { text: string; lang: string } {
  const translated = locale === base ? undefined : categoryTranslations(category.translations)[locale]?.[key]?.trim();
  return translated ? { text: translated, lang: locale } : { text: category[key] ?? "", lang: base };
}

/** The languages of a contest's texts as read in `locale`, for `lang` attributes: the ones not in `locale`. */
export type TextLanguages<K extends string> = Partial<Record<K, string>>;

/**
 * A contest as a reader of `locale` reads it: each text in their language where the organizers
 * gave it, else in the first language, with `textLang` naming the texts left in another language
 * than the reader's; its categories likewise. Everything else is as given, `translations` dropped
 * (a page needs one language, not all of them).
 */
export function inLanguage<
  C extends Translatable & Partial<Record<ContestTextKey, string>> & { categories?: readonly CategoryIn[] },
>(
  contest: C,
  locale: string,
): Omit<C, "translations" | "categories"> & {
  textLang: TextLanguages<ContestTextKey>;
  categories: C["categories"] extends readonly (infer K)[]
    ? (Omit<K, "translations"> & { textLang: TextLanguages<CategoryTextKey> })[]
    : undefined;
} {
  const base = firstLanguage(contest);
  const { translations: _translations, categories, ...rest } = contest;
  const out: Record<string, unknown> = { ...rest };
  const textLang: TextLanguages<ContestTextKey> = {};
  for (const key of CONTEST_TEXTS) {
    if (!(key in contest)) continue;
    const { text, lang } = contestText(contest, key, locale);
    out[key] = text;
    if (lang !== locale) textLang[key] = lang;
  }
  out.textLang = textLang;
  const reading = readingLanguage(contest, locale);
  out.categories = categories?.map((category) => {
    const read = categoryInLanguage(category, reading, base);
    // a text in the first language is marked only when that is not the reader's
    read.textLang = Object.fromEntries(Object.entries(read.textLang).filter(([, lang]) => lang !== locale));
    if (reading !== locale) for (const key of CATEGORY_TEXTS) if (key in category) read.textLang[key] ??= base;
    return read;
  });
  return out as never;
}

type CategoryIn = { translations?: string | null } & Partial<Record<CategoryTextKey, string>>;

/** A category as a reader of `locale` reads it (see inLanguage). */
export function categoryInLanguage<K extends CategoryIn>(
  category: K,
  locale: string,
  base: string,
): Omit<K, "translations"> & { textLang: TextLanguages<CategoryTextKey> } {
  const { translations: _translations, ...rest } = category;
  const out: Record<string, unknown> = { ...rest };
  const textLang: TextLanguages<CategoryTextKey> = {};
  for (const key of CATEGORY_TEXTS) {
    if (!(key in category)) continue;
    const { text, lang } = categoryText(category, key, locale, base);
    out[key] = text;
    if (lang !== locale) textLang[key] = lang;
  }
  out.textLang = textLang;
  return out as never;
}

/** The form's email-note fields and the keys the database keeps them under. */
export const EMAIL_NOTE_FIELDS = {
  receipt: "emailReceipt",
  screened: "emailScreened",
  draftReminder: "emailDraftReminder",
  results: "emailResults",
} as const satisfies Record<EmailNoteKey, string>;

export { EMAIL_NOTES };

/** A contest's title in `locale` where given, else in its first language. */
export function titleIn(contest: Translatable & { title: string }, locale: string) {
  return contestText(contest, "title", locale).text;
}

/** A category's name in `locale` where given, else in its contest's first language. */
export function categoryNameIn(
  category: { name: string; translations?: string | null },
  contest: { languages: string | readonly string[] },
  locale: string,
) {
  return categoryText(category, "name", readingLanguage(contest, locale), firstLanguage(contest)).text;
}
