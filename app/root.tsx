import { FoldingNav } from "~/components/folding-nav";
import { data as withHeaders, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { I18nProvider, useTranslation } from "./i18n/react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { TimeZoneHint } from "./components/time-zone-hint";
import { PlainSelectField } from "./components/plain-fields";
import { useFocusNewPage, useKeepFocus } from "./components/keep-focus";
import { Notice } from "./components/notice";
import { takeNotice } from "./forms.server";
import {
  createI18n,
  defaultLocale,
  directionOf,
  hasMessages,
  isLocale,
  loadedLocale,
  loadMessages,
  locales,
  type Locale,
} from "./i18n";
import { resolveLocale } from "./i18n/i18n.server";
import { getUser } from "./services/auth.server";
import { publicEnv } from "./services/env.server";
import { visitorTimeZone } from "./models/time-zone.server";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Mosaic" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const { notice, headers } = await takeNotice(request);
  return withHeaders(
    {
      user: user ? { id: user.id, email: user.email, role: user.role } : null,
      locale,
      timeZone: visitorTimeZone(request),
      ENV: publicEnv(),
      notice,
    },
    { headers },
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ locale, children }: { locale: string; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <TimeZoneHint />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f4c5c" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { t } = useTranslation();
  const user = data?.user;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t("app.name")}
          </Link>
          <FoldingNav label={t("app.name")} toggle={t("app.menu")}>
            <ul className="nav-list">
              <li>
                <Link to="/">{t("app.nav.home")}</Link>
              </li>
              {data?.ENV.devMailbox ? (
                <li>
                  <Link to="/dev/mailbox">{t("app.nav.mailbox")}</Link>
                </li>
              ) : null}
              {user ? (
                <>
                  <li>
                    <Link to="/entries">{t("app.nav.entries")}</Link>
                  </li>
                  <li>
                    <Link to="/profile">{t("app.nav.profile")}</Link>
                  </li>
                  <li>
                    <Form method="post" action="/logout">
                      <button type="submit" className="link-button">
                        {t("app.nav.signOut")}
                      </button>
                    </Form>
                  </li>
                </>
              ) : (
                <li>
                  <Link to="/login">{t("app.nav.signIn")}</Link>
                </li>
              )}
            </ul>
          </FoldingNav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Notice notice={data?.notice} />
        {children}
      </main>
      <footer className="site-footer">
        <LanguagePicker current={data?.locale ?? defaultLocale} />
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}

function LanguagePicker({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-picker">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <PlainSelectField
        label={t("app.language")}
        selectProps={{ id: "site-language", name: "locale", defaultValue: current }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </PlainSelectField>
      <button type="submit" className="button button-secondary button-small">
        {t("app.change")}
      </button>
    </Form>
  );
}

/**
 * The page's language. When it changes in the browser (a new choice of language, a profile
 * saved in another one), the page keeps its current words until the new language's messages
 * have arrived.
 */
function WithI18n({ locale, children }: { locale: string; children: ReactNode }) {
  const wanted = isLocale(locale) ? locale : defaultLocale;
  const [shown, setShown] = useState<Locale>(() => loadedLocale(wanted));
  useEffect(() => {
    let current = true;
    // A failed load leaves the page in the language it shows; the next navigation asks again.
    void loadMessages(wanted)
      .then(() => current && setShown(wanted))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [wanted]);
  const language = hasMessages(wanted) ? wanted : shown;
  const i18n = useMemo(() => createI18n(language), [language]);
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  useKeepFocus();
  useFocusNewPage();
  return (
    <WithI18n locale={locale}>
      <Document locale={locale}>
        <Shell>
          <Outlet />
        </Shell>
      </Document>
    </WithI18n>
  );
}

export function ErrorBoundary() {
  const data = useRootData();
  const locale = data?.locale ?? defaultLocale;
  return (
    <WithI18n locale={locale}>
      <Document locale={locale}>
        <Shell>
          <GeneralErrorBoundary />
        </Shell>
      </Document>
    </WithI18n>
  );
}
