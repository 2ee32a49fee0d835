import type { ActionFunctionArgs } from "@remix-run/node";
import { parseForm } from "~/forms";
import { accept, asJson, invalid, parseQuery, refuse } from "~/forms.server";
import { saveSheet, sheetProblems } from "~/models/scoring.server";
import { roundQuery, sheetSchema } from "~/schemas/scoring";
import { requireJudgeOf } from "~/services/auth.server";

type Answer = { revision: number; status: string };

/**
 * The score sheet's autosave endpoint, called with plain fetch by the scoring page (see
 * components/autosave.ts). A save from a stale tab is refused with 409, never written over a
 * newer sheet.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), sheetSchema);
  if (submission.status !== "success") return asJson(invalid<Answer>(submission));
  const { round } = parseQuery(request, roundQuery);
  const { revision, score, comment } = submission.value;
  const saved = await saveSheet(
    contest.id,
    user.id,
    params.code ?? "",
    { revision, scores: score, comments: comment, submit: false },
    round,
  );
  if (saved.ok) return asJson(accept<Answer>({ revision: saved.revision, status: saved.status }));
  if (saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  return asJson(refuse<Answer>(sheetProblems(saved), { status: saved.reason === "conflict" ? 409 : 400 }));
}
