import { z } from "zod";

/** A score sheet as the form sends it: score.<criterionId>, comment.<criterionId>, comment.overall. */
export function readSheetForm(form: FormData) {
  const scores: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (name.startsWith("score.")) scores[name.slice(6)] = value;
    else if (name.startsWith("comment.")) comments[name.slice(8)] = value;
  }
  const revision = z.coerce.number().int().min(0).safeParse(form.get("revision"));
  return { scores, comments, revision: revision.success ? revision.data : null };
}
