import { createContext, useContext, type ReactNode } from "react";
import type { I18n } from "./index";

const I18nContext = createContext<I18n | null>(null);

/** The page's language and its translation, for every component under it (root.tsx). */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/** `t` translates a message of the page's language; `i18n.language` is that language. */
export function useTranslation() {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useTranslation needs an I18nProvider above it");
  return { t: i18n.t, i18n };
}
