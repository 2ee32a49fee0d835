import * as server from "./messages.server";
import { formatBytes } from "./numbers";
import { translator, type Translate } from "./translate";
import { keptByKey } from "~/services/kept";

export type { TOptions, Translate } from "./translate";

export const locales = ["en", "fr", "es", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/**
 * The messages at hand: on the server every language's; in the browser the page's language
 * only, loaded before the page hydrates, and only the parts its pages need:
 *
 * - ./<locale>.ts, on every page: the header, the footer, errors, the home and contest pages
 *   (about 3 KB compressed a language);
 * - ./entrant/, an entrant's entries and the form pieces every form shares (about 9 KB);
 * - ./pages/, the other pages of visitors, entrants and guardians (about 5 KB);
 * - ./staff/, organizers' and judges' pages (about 11 KB);
 * - ./emails/ never leave the server.
 */
const messages: Partial<Record<Locale, object>> = { ...(server.bundledMessages as Record<Locale, object> | undefined) };

/** The parts of a language's messages that a page may need beyond those of every page. */
export type MessagePart = "entrant" | "pages" | "staff";

/** The parts of the messages a page needs, by its address. */
export function messagePartsOf(pathname: string): MessagePart[] {
  if (/^\/(organize|judge)(\/|$)/.test(pathname)) return ["entrant", "pages", "staff"];
  if (pathname === "/" || /^\/contests\/[^/]+\/?$/.test(pathname)) return [];
  if (/^\/entries(\/|$)/.test(pathname)) return ["entrant"];
  return ["entrant", "pages"];
}

/** Which parts of each language are at hand (the server has them all). */
const partsLoaded: Record<MessagePart, Set<Locale>> = {
  entrant: new Set(server.bundledMessages ? locales : []),
  pages: new Set(server.bundledMessages ? locales : []),
  staff: new Set(server.bundledMessages ? locales : []),
};
/** The parts the pages shown so far needed: every language loaded later comes with them. */
const partsWanted = new Set<MessagePart>();

/**
 * Each part's module in each language, for the bundler to make a chunk of (an import needs its
 * path written out); a module exports its messages under its language's name.
 */
const partModules: Record<"every" | MessagePart, Record<Locale, () => Promise<Partial<Record<Locale, object>>>>> = {
  every: { en: () => import("./en"), fr: () => import("./fr"), es: () => import("./es"), ar: () => import("./ar") },
  entrant: {
    en: () => import("./entrant/en"),
    fr: () => import("./entrant/fr"),
    es: () => import("./entrant/es"),
    ar: () => import("./entrant/ar"),
  },
  pages: {
    en: () => import("./pages/en"),
    fr: () => import("./pages/fr"),
    es: () => import("./pages/es"),
    ar: () => import("./pages/ar"),
  },
  staff: {
    en: () => import("./staff/en"),
    fr: () => import("./staff/fr"),
    es: () => import("./staff/es"),
    ar: () => import("./staff/ar"),
  },
};

/** One part of `locale`'s messages, fetched. */
async function loadPart(part: "every" | MessagePart, locale: Locale): Promise<object> {
  return (await partModules[part][locale]())[locale] ?? {};
}

/**
 * The messages of `locale` that a page needs (those of every page, and `parts`), fetched in the
 * browser the first time they are needed, with the parts earlier pages needed.
 */
export async function loadMessages(locale: Locale, parts: MessagePart[] = []): Promise<void> {
  for (const part of parts) partsWanted.add(part);
  const missing = [...partsWanted].filter((part) => !partsLoaded[part].has(locale));
  if (messages[locale] && missing.length === 0) return;
  const loaded = await Promise.all([
    messages[locale] ? undefined : loadPart("every", locale),
    ...missing.map((part) => loadPart(part, locale)),
  ]);
  // the parts' top-level keys never overlap, so a shallow merge is the whole; a translation
  // already made for this language reads the new parts at its next call
  messages[locale] = Object.assign({}, messages[locale], ...loaded);
  for (const part of missing) partsLoaded[part].add(locale);
}

/**
 * Whether `locale`'s messages are at hand with every part a page has needed so far: a language
 * chosen again after pages of other parts were visited in another is shown only once those
 * parts have arrived, never with raw keys in their place.
 */
export function hasMessages(locale: Locale) {
  return Boolean(messages[locale]) && [...partsWanted].every((part) => partsLoaded[part].has(locale));
}

/** `locale` if its messages are at hand, else a language whose messages are (in the browser, while `locale`'s load). */
export function loadedLocale(locale: Locale): Locale {
  if (messages[locale]) return locale;
  if (messages[defaultLocale]) return defaultLocale;
  return locales.find((l) => messages[l]) ?? locale;
}

/** Languages written right to left, for runtimes whose `Intl.Locale` cannot say. */
const rightToLeft = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "ckb", "dv", "yi", "ug"]);

/**
 * Which way a language's text runs, for `<html dir>` and emails: from `Intl.Locale`'s text
 * info where the runtime has it ("ar-EG", "fa-IR", "he" are right to left), else from a list.
 * A tag that is not a language at all reads left to right.
 */
export function directionOf(locale: string): "ltr" | "rtl" {
  return directions(locale, () => findDirection(locale));
}

/** The directions found so far, by tag: every page asks, and `Intl.Locale` is not cheap. */
const directions = keptByKey<"ltr" | "rtl">(100);

function findDirection(locale: string): "ltr" | "rtl" {
  let language = locale.split(/[-_]/)[0]?.toLowerCase() ?? "";
  try {
    const tag = new Intl.Locale(locale.replace(/_/g, "-"));
    language = tag.language;
    // Older engines expose `textInfo` as a property, newer ones as `getTextInfo()`.
    const info = tag as Intl.Locale & {
      textInfo?: { direction?: string };
      getTextInfo?: () => { direction?: string };
    };
    const direction = (info.getTextInfo?.() ?? info.textInfo)?.direction;
    if (direction === "rtl" || direction === "ltr") return direction;
  } catch {
    // Not a well-formed tag: the list below decides from its first part.
  }
  return rightToLeft.has(language) ? "rtl" : "ltr";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A language's translation function, and the language, as pages ask for them (`useTranslation`). */
export type I18n = { language: Locale; t: Translate };

const instances = new Map<Locale, I18n>();

/**
 * The translation of a language, made once and shared by every request and render in that
 * language.
 */
export function createI18n(locale: Locale): I18n {
  // In the browser, a page can ask for a language whose messages are still on their way (its
  // title after a change of language): it gets the words of the language the page shows now.
  locale = loadedLocale(locale);
  let instance = instances.get(locale);
  if (!instance) {
    if (!messages[locale]) throw new Error("no messages are loaded (loadMessages first)");
    instance = {
      language: locale,
      t: translator(locale, (language) => messages[language as Locale] as Record<string, unknown> | undefined, {
        // Every message exists in every language (tests/unit/i18n.test.ts), so the browser needs
        // no second language to fall back on; the server keeps English as a safety net.
        fallback: messages[defaultLocale] ? defaultLocale : undefined,
        formatters: {
          // "{{max, bytes}}": a size given in bytes, written in the reader's language ("2,5 Mo"), so
          // that a message stored with its values (a file's rejection) reads right in any language
          bytes: (value, language) => formatBytes(language, Number(value)),
        },
      }),
    };
    instances.set(locale, instance);
  }
  return instance;
}

/**
 * Picks the best supported locale from an Accept-Language header, honouring q-values and
 * falling back from a region (fr-CA) to its language (fr).
 */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (isLocale(tag)) return tag;
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}
