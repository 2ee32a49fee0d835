import type { LoaderFunctionArgs } from "@remix-run/node";
import { judgeCaptions } from "~/models/scoring.server";
import { requireJudgeOf } from "~/services/auth.server";

/** Captions of a file on an entry assigned to this judge, same-origin for the player's <track>. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const bytes = await judgeCaptions(contest.id, user.id, params.code ?? "", params.assetId ?? "");
  if (!bytes) throw new Response("Not found", { status: 404 });
  return new Response(new TextDecoder().decode(bytes), {
    headers: { "Content-Type": "text/vtt; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
