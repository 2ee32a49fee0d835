import { ar } from "./ar";
import { ar as arEntrant } from "./entrant/ar";
import { en as enEntrant } from "./entrant/en";
import { es as esEntrant } from "./entrant/es";
import { fr as frEntrant } from "./entrant/fr";
import { ar as arEmails } from "./emails/ar";
import { en as enEmails } from "./emails/en";
import { es as esEmails } from "./emails/es";
import { fr as frEmails } from "./emails/fr";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { ar as arPages } from "./pages/ar";
import { en as enPages } from "./pages/en";
import { es as esPages } from "./pages/es";
import { fr as frPages } from "./pages/fr";
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
  en: { ...en, ...enEntrant, ...enPages, ...enStaff, ...enEmails },
  fr: { ...fr, ...frEntrant, ...frPages, ...frStaff, ...frEmails },
  es: { ...es, ...esEntrant, ...esPages, ...esStaff, ...esEmails },
  ar: { ...ar, ...arEntrant, ...arPages, ...arStaff, ...arEmails },
};
