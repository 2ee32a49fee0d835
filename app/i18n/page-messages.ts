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
  const words = loadMessages(isLocale(lang) ? lang : defaultLocale, messagePartsOf(new URL(request.url).pathname)).then(
    () => true,
    () => false,
  );
  const [data, loaded] = await Promise.all([serverLoader(), words]);
  if (!loaded) {
    // The words could not be fetched (a connection lost, a release that replaced their file):
    // the page is asked for whole, as without scripts, rather than shown without its words.
    window.location.assign(request.url);
    await new Promise(() => undefined);
  }
  return data;
}
