import type { z, ZodTypeAny } from "zod";
import { parseForm } from "~/forms";
import { accept, invalid, refuse } from "~/forms.server";
import type { PeopleOfEntry } from "~/models/entry-people.server";
import type { SaveResult } from "~/models/entry.server";
import { captionsText } from "~/models/media-captions.server";
import type { Problem } from "~/models/problem";
import { removePersonSchema } from "~/schemas/entry-people";

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

/**
 * The action behind a list of people on the entrant's own entry (co-creators, releases;
 * components/entry-people.tsx): "remove" takes one off by its id, anything else adds one read
 * with the list's schema. An entry that is not the entrant's or can no longer change, and a
 * person not on its list, are 404.
 */
export async function entryPeopleAction<Schema extends ZodTypeAny>(
  formData: FormData,
  {
    schema,
    people,
    userId,
    entryId,
  }: { schema: Schema; people: PeopleOfEntry<z.output<Schema>>; userId: string; entryId: string },
) {
  if (formData.get("intent") === "remove") {
    const submission = parseForm(formData, removePersonSchema);
    if (submission.status !== "success") return invalid(submission);
    if (!(await people.remove(userId, entryId, submission.value.itemId))) {
      throw new Response("Not found", { status: 404 });
    }
    return accept(undefined, { submission });
  }
  const submission = parseForm(formData, schema);
  if (submission.status !== "success") return invalid(submission);
  const added = await people.add(userId, entryId, submission.value);
  if (!added.ok && added.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (!added.ok) return refuse(added.problem, { submission });
  return accept(undefined, { submission, reset: true });
}

type Submission = NonNullable<NonNullable<Parameters<typeof accept>[1]>["submission"]>;

/**
 * How a save of an entry's details is answered, by the entry page and by its autosave: the new
 * revision (with what the entry still lacks, for the autosave's "Before you can submit"), or why
 * nothing was saved (past the deadline; another tab saved first, 409).
 */
export function draftSaveAnswer(saved: SaveResult, submission?: Submission, missing?: Problem[]) {
  if (saved.ok) return accept({ revision: saved.revision, missing }, { submission });
  if (saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (saved.reason === "frozen") return refuse<{ revision: number }>({ key: "entry.frozenForJudging" }, { submission });
  return saved.reason === "closed"
    ? refuse<{ revision: number }>({ key: "missing.late" }, { submission })
    : refuse<{ revision: number }>({ key: "entry.conflict" }, { status: 409, submission });
}
