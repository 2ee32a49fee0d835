import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOwnCaptions } from "~/models/media.server";
import { requireUser } from "~/services/auth.server";

/** The captions of one of the entrant's own files, same-origin so the player's <track> can read them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const bytes = await readOwnCaptions(user.id, params.id ?? "", params.assetId ?? "");
  if (!bytes) throw new Response("Not found", { status: 404 });
  return new Response(new TextDecoder().decode(bytes), {
    headers: { "Content-Type": "text/vtt; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
