import { ar } from "./ar";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

/**
 * Every language's messages, for the server. A `.server` module never reaches the browser,
 * which loads only the language of the page (see `loadMessages` in ./index.ts).
 */
export const bundledMessages = { en, fr, es, ar };
