import type { LoaderFunctionArgs } from "@remix-run/node";
import { captionsResponse } from "~/http.server";
import { ownCaptionsKey } from "~/models/media-captions.server";
import { requireUser } from "~/services/auth.server";

/** The captions of one of the entrant's own files, same-origin so the player's <track> can read them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return captionsResponse(await ownCaptionsKey(user.id, params.id ?? "", params.assetId ?? ""), "private");
}
