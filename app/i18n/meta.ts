import { createI18n, defaultLocale, isLocale } from "./index";

type Match = { id: string; data?: unknown };

/** A translated page title, in the language the root loader chose for this request. */
export function pageTitle(matches: Match[], key: string, values?: Record<string, unknown>) {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: string } | undefined)?.locale;
  const t = createI18n(isLocale(locale) ? locale : defaultLocale).t;
  return [{ title: `${t(key, values)} · Mosaic` }];
}
