import { z } from "zod";
import { keptByKey } from "~/services/kept";
import type { EmailNoteKey } from "~/schemas/contest";
import { splitList } from "./contest";
import { emailNote } from "./contest-settings";

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

const contestTranslationsSchema = z.record(contestLanguageTexts).catch({});
const categoryTranslationsSchema = z.record(categoryLanguageTexts).catch({});

/**
 * The translations read lately, by their stored JSON: every visitor of a contest page reads the
 * same value, and checking it was a tenth of the page's server time. An edited value is a new
 * key. What comes out is frozen, since every reader shares it.
 */
const readTranslations = keptByKey<Readonly<Record<string, unknown>>>(500);

function parsedOnce<T>(json: string | null | undefined, schema: z.ZodType, kind: string): Readonly<Record<string, T>> {
  return readTranslations(`${kind}\u0000${json ?? ""}`, () =>
    deepFreeze(schema.parse(parseJson(json)) as Record<string, unknown>),
  ) as Readonly<Record<string, T>>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A contest's translations by language, never throwing on a damaged value. */
export function contestTranslations(json: string | null | undefined): Readonly<Record<string, ContestLanguageTexts>> {
  return parsedOnce<ContestLanguageTexts>(json, contestTranslationsSchema, "contest");
}

/** A category's translations by language, never throwing on a damaged value. */
export function categoryTranslations(json: string | null | undefined): Readonly<Record<string, CategoryLanguageTexts>> {
  return parsedOnce<CategoryLanguageTexts>(json, categoryTranslationsSchema, "category");
}

/** The language a contest's texts are first written in: the first of its languages. */
export function firstLanguage(contest: { languages: string | readonly string[] }): string {
  const languages = typeof contest.languages === "string" ? splitList(contest.languages) : contest.languages;
  return languages[0] ?? "en";
}

type Translatable = { languages: string | readonly string[]; translations?: string | null };
type Languages = { languages: string | readonly string[] };

/**
 * The language a reader of `locale` reads the contest in: theirs if the contest offers it, else
 * its first. A language the organizers stopped offering keeps its texts, unread, until offered again.
 */
export function readingLanguage(contest: Languages, locale: string): string {
  const languages = typeof contest.languages === "string" ? splitList(contest.languages) : contest.languages;
  return languages.includes(locale) ? locale : firstLanguage(contest);
}

/**
 * One text as a reader of `locale` reads it: the organizers' words in the reading language when
 * they gave them there (`given`, from that language's translations), else `fallback`, the first
 * language's. `lang` says which it is. Every text of a contest and its categories is read so.
 */
function textIn<T>(
  contest: Languages,
  locale: string,
  translations: Record<string, T>,
  given: (texts: T) => string | undefined,
  fallback: string,
): { text: string; lang: string } {
  const base = firstLanguage(contest);
  const reading = readingLanguage(contest, locale);
  const texts = reading === base ? undefined : translations[reading];
  const translated = texts && given(texts)?.trim();
  return translated ? { text: translated, lang: reading } : { text: fallback, lang: base };
}

/** One of a contest's texts in `locale` where the organizers gave it, else in its first language. */
export function contestText(
  contest: Translatable & Partial<Record<ContestTextKey, string>>,
  key: ContestTextKey,
  locale: string,
  translations = contestTranslations(contest.translations),
): { text: string; lang: string } {
  return textIn(contest, locale, translations, (texts) => texts[key], contest[key] ?? "");
}

/** The organizers' words added to one kind of email, in the recipient's language where given; "" when there are none. */
export function emailNoteIn(contest: Translatable & { emailNotes: string }, key: EmailNoteKey, locale: string) {
  const translations = contestTranslations(contest.translations);
  return textIn(contest, locale, translations, (texts) => texts.emailNotes?.[key], emailNote(contest, key)).text;
}

/** A category's name or description in `locale` where given, else in its contest's first language. */
function categoryText(
  category: { translations?: string | null } & Partial<Record<CategoryTextKey, string>>,
  contest: Languages,
  key: CategoryTextKey,
  locale: string,
  translations = categoryTranslations(category.translations),
): { text: string; lang: string } {
  return textIn(contest, locale, translations, (texts) => texts[key], category[key] ?? "");
}

/** The languages of a contest's texts as read in `locale`, for `lang` attributes: the ones not in `locale`. */
export type TextLanguages<K extends string> = Partial<Record<K, string>>;

/**
 * `record` with each of its texts (`keys`, those it has) as `read` gives them, `translations`
 * dropped, and `textLang` naming the texts in another language than the reader's `locale`.
 */
function withTexts<K extends string>(
  record: { translations?: string | null },
  keys: readonly K[],
  locale: string,
  read: (key: K) => { text: string; lang: string },
) {
  const { translations: _translations, ...rest } = record;
  const out: Record<string, unknown> = { ...rest };
  const textLang: TextLanguages<K> = {};
  for (const key of keys) {
    if (!(key in record)) continue;
    const { text, lang } = read(key);
    out[key] = text;
    if (lang !== locale) textLang[key] = lang;
  }
  out.textLang = textLang;
  return out;
}

type CategoryIn = { translations?: string | null } & Partial<Record<CategoryTextKey, string>>;

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
  const { categories, ...rest } = contest;
  const translations = contestTranslations(contest.translations);
  const out = withTexts(rest, CONTEST_TEXTS, locale, (key) => contestText(contest, key, locale, translations));
  out.categories = categories?.map((category) => {
    const own = categoryTranslations(category.translations);
    return withTexts(category, CATEGORY_TEXTS, locale, (key) => categoryText(category, contest, key, locale, own));
  });
  return out as never;
}

/** The form's email-note fields and the keys the database keeps them under. */
export const EMAIL_NOTE_FIELDS = {
  receipt: "emailReceipt",
  screened: "emailScreened",
  draftReminder: "emailDraftReminder",
  results: "emailResults",
} as const satisfies Record<EmailNoteKey, string>;

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
  return categoryText(category, contest, "name", locale).text;
}
