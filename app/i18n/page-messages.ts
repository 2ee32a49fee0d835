import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { defaultLocale, isLocale, loadMessages, messagePartsOf } from "./index";

/**
 * The `clientLoader` of every page that needs messages beyond those of every page (all but the
 * home and contest pages; see `messagePartsOf`): in the browser the page's data and its parts of
 * the messages arrive together, so a page reached by a link is never drawn without its words.
 * The first page a browser loads has them before it hydrates (entry.client.tsx).
 */
export async function pageMessagesLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const lang = document.documentElement.lang;
  const [data] = await Promise.all([
    serverLoader(),
    loadMessages(isLocale(lang) ? lang : defaultLocale, messagePartsOf(new URL(request.url).pathname)),
  ]);
  return data;
}
