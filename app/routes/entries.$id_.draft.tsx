import type { ActionFunctionArgs } from "@remix-run/node";
import { parseForm } from "~/forms";
import { refuse } from "~/forms.server";
import { draftSaveAnswer } from "~/http.server";
import { entryMissing, saveDraft } from "~/models/entry.server";
import { draftSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";

/**
 * The autosave endpoint. The entry page calls it with plain fetch (not a Remix fetcher), so a
 * dropped connection is something the page handles itself, keeping the text in the browser,
 * instead of an error page that would hide the form. Its answers do not repeat what was typed:
 * they go out on every pause in typing. A save answers with what the entry still lacks, so the
 * page's "Before you can submit" follows what was typed.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), draftSchema);
  if (submission.status !== "success") return refuse({ key: "errors.badRequest" });
  const { revision, ...fields } = submission.value;
  const saved = await saveDraft(user.id, params.id ?? "", revision, fields);
  return draftSaveAnswer(saved, undefined, saved.ok ? await entryMissing(user, params.id ?? "") : undefined);
}
