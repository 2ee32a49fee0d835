import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale, loadMessages } from "./i18n";

// The page's language's messages first (the server rendered it in the language of <html lang>),
// so the first render in the browser says what the server said.
const lang = document.documentElement.lang;
void loadMessages(isLocale(lang) ? lang : defaultLocale).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
