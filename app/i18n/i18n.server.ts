import { createCookie } from "@remix-run/node";
import { createI18n, defaultLocale, isLocale, localeFromAcceptLanguage, type Locale } from "./index";

/** The visitor's choice of language, for people who are not signed in. */
export const localeCookie = createCookie("mosaic_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The user's choice first (their profile, then the cookie), then the browser's languages. */
export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const cookieLocale = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(cookieLocale)) return cookieLocale;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLocale;
}

export function serverT(locale: Locale) {
  return createI18n(locale).t;
}
