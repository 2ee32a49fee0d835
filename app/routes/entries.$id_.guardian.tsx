import type { ActionFunctionArgs } from "@remix-run/node";
import { parseForm } from "~/forms";
import { accept, invalid, refuse } from "~/forms.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { requestGuardianConsent } from "~/models/guardian.server";
import { guardianRequestSchema } from "~/schemas/guardian";
import { requireUser } from "~/services/auth.server";

/** Asks a guardian to consent to the signed-in entrant's own entry; anything else is 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), guardianRequestSchema);
  if (submission.status !== "success") return invalid(submission);
  const sent = await requestGuardianConsent(
    user.id,
    params.id ?? "",
    { name: submission.value.guardianName, email: submission.value.guardianEmail },
    await resolveLocale(request, user.locale),
  );
  if (sent.ok) return accept(undefined, { submission, reset: true });
  if (sent.reason === "notFound" || sent.reason === "notNeeded") throw new Response("Not found", { status: 404 });
  if (sent.reason === "sameAsEntrant") {
    return refuse([], { submission, fields: { guardianEmail: [{ key: "guardian.sameAsEntrant" }] } });
  }
  return refuse({ key: "guardian.tooManyRequests" }, { status: 429, submission });
}
