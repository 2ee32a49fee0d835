import type { LoaderFunctionArgs } from "@remix-run/node";
import { captionsResponse } from "~/http.server";
import { publishedWinners } from "~/models/results.server";

/** Captions of a file of a published winner, same-origin for the gallery's <track>; nothing else. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await publishedWinners(params.slug ?? "");
  const key = found?.winners?.flatMap((w) => w.entry.media).find((m) => m.id === params.assetId)?.captionsKey;
  return captionsResponse(key, "public");
}
