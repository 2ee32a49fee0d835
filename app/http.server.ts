import { accept, refuse } from "~/forms.server";
import type { SaveResult } from "~/models/entry.server";
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

type Submission = NonNullable<NonNullable<Parameters<typeof accept>[1]>["submission"]>;

/**
 * How a save of an entry's details is answered, by the entry page and by its autosave: the new
 * revision, or why nothing was saved (past the deadline; another tab saved first, 409).
 */
export function draftSaveAnswer(saved: SaveResult, submission?: Submission) {
  if (saved.ok) return accept({ revision: saved.revision }, { submission });
  if (saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  return saved.reason === "closed"
    ? refuse<{ revision: number }>({ key: "missing.late" }, { submission })
    : refuse<{ revision: number }>({ key: "entry.conflict" }, { status: 409, submission });
}
