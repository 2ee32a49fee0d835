import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { defaultLocale, isLocale, loadMessages } from "./index";

/**
 * The `clientLoader` of organizers' and judges' pages (every route under /organize through its
 * layout, each page under /judge): in the browser the page's data and the messages of those
 * pages (./staff/) arrive together, so a page reached by a link from a page everyone sees is never
 * drawn without its words. The first page a browser loads has them before it hydrates
 * (entry.client.tsx, `isStaffPage`).
 */
export async function staffPageLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const lang = document.documentElement.lang;
  const [data] = await Promise.all([
    serverLoader(),
    loadMessages(isLocale(lang) ? lang : defaultLocale, { staff: true }),
  ]);
  return data;
}
