import type { ActionFunctionArgs } from "@remix-run/node";
import { saveSheet } from "~/models/scoring.server";
import { parseRound } from "~/models/scoring";
import { readSheetForm } from "~/schemas/scoring";
import { requireJudgeOf } from "~/services/auth.server";

/**
 * The score sheet's autosave endpoint, called with plain fetch by the scoring page. A save from a
 * stale tab is refused with 409, never written over a newer sheet.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const { revision, ...sheet } = readSheetForm(await request.formData());
  if (revision === null) return Response.json({ ok: false, reason: "invalid" }, { status: 400 });
  const round = parseRound(new URL(request.url).searchParams.get("round"));
  const saved = await saveSheet(contest.id, user.id, params.code ?? "", { revision, ...sheet, submit: false }, round);
  if (!saved.ok && saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  return Response.json(saved, { status: saved.ok ? 200 : saved.reason === "conflict" ? 409 : 400 });
}
