import type { LoaderFunctionArgs } from "@remix-run/node";
import { captionsResponse } from "~/http.server";
import { organizerCaptionsKey } from "~/models/media-captions.server";
import { requireOrganizerOf } from "~/services/auth.server";

/** Captions of a file of an entry of this contest, for its organizers' <track>. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const key = await organizerCaptionsKey(contest.id, params.id ?? "", params.assetId ?? "");
  return captionsResponse(key, "private");
}
