import type { ActionFunctionArgs } from "@remix-run/node";
import { saveDraft } from "~/models/entry.server";
import { draftSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";

/**
 * The autosave endpoint. The entry page calls it with plain fetch (not a Remix fetcher), so a
 * dropped connection is something the page handles itself, keeping the text in the browser,
 * instead of an error page that would hide the form.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = draftSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ ok: false, reason: "invalid" }, { status: 400 });
  const { revision, ...fields } = parsed.data;
  const saved = await saveDraft(user.id, params.id ?? "", revision, fields);
  if (!saved.ok && saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  return Response.json(saved, { status: saved.ok ? 200 : saved.reason === "conflict" ? 409 : 400 });
}
