import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { parseQuery } from "~/forms.server";
import { captionsResponse } from "~/http.server";
import { findGuardianRequest } from "~/models/guardian.server";

/**
 * Captions of a file of the entry a guardian is asked about, for the <track> on their page: the
 * same link token opens them, and only while the request is open.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = parseQuery(request, z.object({ token: z.string().catch("") }));
  const found = await findGuardianRequest(token);
  const key =
    found?.state === "open" ? found.request.entry.media.find((m) => m.id === params.assetId)?.captionsKey : null;
  return captionsResponse(key, "private");
}
