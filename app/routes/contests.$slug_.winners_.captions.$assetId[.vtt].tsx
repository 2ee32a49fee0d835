import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedWinners } from "~/models/results.server";
import { storage } from "~/services/storage.server";

/** Captions of a file of a published winner, same-origin for the gallery's <track>; nothing else. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await publishedWinners(params.slug ?? "");
  const key = found?.winners?.flatMap((w) => w.entry.media).find((m) => m.id === params.assetId)?.captionsKey;
  if (!key) throw new Response("Not found", { status: 404 });
  return new Response(new TextDecoder().decode(await storage().getBytes(key)), {
    headers: { "Content-Type": "text/vtt; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
