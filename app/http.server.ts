import { captionsText } from "~/models/media-captions.server";

/**
 * Responses that several routes send the same way. Models return data; building the HTTP
 * response (status, headers, caching) is the routes' part, and lives here when more than one
 * route needs it. (Not under app/routes/, where every file is a route.)
 */

/**
 * A caption file as a page's <track> reads it (same-origin, text/vtt), or 404 when the reader
 * may not have it. Private pages are never cached; the public gallery's for five minutes.
 */
export async function captionsResponse(key: string | null | undefined, visibility: "private" | "public") {
  if (!key) throw new Response("Not found", { status: 404 });
  return new Response(await captionsText(key), {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "Cache-Control": visibility === "public" ? "public, max-age=300" : "private, no-store",
    },
  });
}
