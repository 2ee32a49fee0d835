import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale, loadMessages, messagePartsOf } from "./i18n";

// The page's language's messages first (the server rendered it in the language of <html lang>),
// so the first render in the browser says what the server said, with the parts of them this
// page needs.
const lang = document.documentElement.lang;
// If they cannot be fetched, the page stays as the server sent it: its links and forms work
// without scripts.
loadMessages(isLocale(lang) ? lang : defaultLocale, messagePartsOf(location.pathname)).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.warn("the page's messages could not be loaded; it works without scripts", error),
);
