import type { LoaderFunctionArgs } from "@remix-run/node";
import { captionsResponse } from "~/http.server";
import { judgeCaptionsKey } from "~/models/scoring.server";
import { requireJudgeOf } from "~/services/auth.server";

/** Captions of a file on an entry assigned to this judge, same-origin for the player's <track>. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const key = await judgeCaptionsKey(contest.id, user.id, params.code ?? "", params.assetId ?? "");
  return captionsResponse(key, "private");
}
