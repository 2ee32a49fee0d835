import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { shareImageUrl } from "~/models/gallery.server";

/**
 * The picture of a winning work's preview card. Social networks fetch it whenever a link is
 * shared, long after any signed link would have expired, so this address stays and sends them
 * to a fresh short-lived one.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const url = await shareImageUrl(params.slug ?? "", params.id ?? "");
  if (!url) throw new Response("Not found", { status: 404 });
  return redirect(url, { headers: { "cache-control": "public, max-age=300" } });
}
