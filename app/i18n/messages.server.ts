import { ar } from "./ar";
import { ar as arEmails } from "./emails/ar";
import { en as enEmails } from "./emails/en";
import { es as esEmails } from "./emails/es";
import { fr as frEmails } from "./emails/fr";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { ar as arStaff } from "./staff/ar";
import { en as enStaff } from "./staff/en";
import { es as esStaff } from "./staff/es";
import { fr as frStaff } from "./staff/fr";

/**
 * Every language's messages, each the whole of its parts (whose top-level keys never overlap),
 * for the server. A `.server` module never reaches the browser, which loads only the language of
 * the page and only the parts its pages need (see `loadMessages` in ./index.ts).
 */
export const bundledMessages = {
  en: { ...en, ...enStaff, ...enEmails },
  fr: { ...fr, ...frStaff, ...frEmails },
  es: { ...es, ...esStaff, ...esEmails },
  ar: { ...ar, ...arStaff, ...arEmails },
};
