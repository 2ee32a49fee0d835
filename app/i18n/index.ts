import i18next, { type i18n as I18n } from "i18next";
import * as server from "./messages.server";
import { formatBytes } from "./numbers";

export const locales = ["en", "fr", "es", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/**
 * The messages at hand: on the server every language's; in the browser the page's language
 * only, loaded before the page hydrates. A browser loads the messages of the pages everyone
 * sees (./en.ts and its translations, about 13 KB compressed a language), and those of
 * organizers' and judges' pages (./staff/) only once it shows one of those; the emails'
 * (./emails/) never leave the server.
 */
const messages: Partial<Record<Locale, object>> = { ...(server.bundledMessages as Record<Locale, object> | undefined) };

/** The languages whose messages of organizers' and judges' pages are at hand. */
const staffLoaded = new Set<Locale>(server.bundledMessages ? locales : []);
/** Whether this browser has shown an organizer's or judge's page: then every language it loads comes with their messages. */
let staffWanted = false;

/** Whether a page's words include those of organizers' and judges' pages (./staff/). */
export function isStaffPage(pathname: string) {
  return /^\/(organize|judge)(\/|$)/.test(pathname);
}

function pageMessages(locale: Locale): Promise<object> {
  return locale === "fr"
    ? import("./fr").then((m) => m.fr)
    : locale === "es"
      ? import("./es").then((m) => m.es)
      : locale === "ar"
        ? import("./ar").then((m) => m.ar)
        : import("./en").then((m) => m.en);
}

function staffMessages(locale: Locale): Promise<object> {
  return locale === "fr"
    ? import("./staff/fr").then((m) => m.fr)
    : locale === "es"
      ? import("./staff/es").then((m) => m.es)
      : locale === "ar"
        ? import("./staff/ar").then((m) => m.ar)
        : import("./staff/en").then((m) => m.en);
}

/**
 * The messages of `locale`, fetched in the browser the first time they are needed; with
 * `{ staff: true }` (an organizer's or judge's page), those of organizers' and judges' pages too,
 * in this language and in any it loads later.
 */
export async function loadMessages(locale: Locale, { staff = false } = {}): Promise<void> {
  staffWanted ||= staff;
  const wantsStaff = staffWanted && !staffLoaded.has(locale);
  if (messages[locale] && !wantsStaff) return;
  const [pages, staffPart] = await Promise.all([
    messages[locale] ? undefined : pageMessages(locale),
    wantsStaff ? staffMessages(locale) : undefined,
  ]);
  // top-level keys of the parts never overlap, so a shallow merge is the whole
  messages[locale] = { ...messages[locale], ...pages, ...staffPart };
  if (staffPart) {
    staffLoaded.add(locale);
    // an instance already made for this language learns the new part
    instances.get(locale)?.addResourceBundle(locale, "translation", staffPart, true, true);
  }
}

export function hasMessages(locale: Locale) {
  return Boolean(messages[locale]);
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

const instances = new Map<Locale, I18n>();

/**
 * The i18next instance of a language, initialised synchronously from bundled messages once and
 * shared by every request and render in that language (making one costs more than rendering a
 * page's strings). Never call `changeLanguage` on it: ask for the other language's instead.
 */
export function createI18n(locale: Locale): I18n {
  // In the browser, a page can ask for a language whose messages are still on their way (its
  // title after a change of language): it gets the words of the language the page shows now.
  locale = loadedLocale(locale);
  let instance = instances.get(locale);
  if (!instance) {
    if (!messages[locale]) throw new Error("no messages are loaded (loadMessages first)");
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      // Every message exists in every language (tests/unit/i18n.test.ts), so the browser needs
      // no second language to fall back on; the server keeps English as a safety net.
      fallbackLng: messages[defaultLocale] ? defaultLocale : false,
      supportedLngs: [...locales],
      resources: Object.fromEntries(
        Object.entries(messages).map(([language, translation]) => [language, { translation }]),
      ),
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    // "{{max, bytes}}": a size given in bytes, written in the reader's language ("2,5 Mo"), so
    // that a message stored with its values (a file's rejection) reads right in any language
    instance.services.formatter?.add("bytes", (value: unknown, lng: string | undefined) =>
      formatBytes(lng ?? locale, Number(value)),
    );
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
