import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/i18n.server";
import { requestGuardianConsent } from "~/models/guardian.server";
import { guardianRequestSchema } from "~/schemas/guardian";
import { requireUser } from "~/services/auth.server";

/** Asks a guardian to consent to the signed-in entrant's own entry; anything else is 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: guardianRequestSchema });
  if (submission.status !== "success") return data({ ok: false as const, result: submission.reply() }, { status: 400 });
  const sent = await requestGuardianConsent(
    user.id,
    params.id ?? "",
    { name: submission.value.guardianName, email: submission.value.guardianEmail },
    await resolveLocale(request, user.locale),
  );
  if (sent.ok) return { ok: true as const, result: submission.reply({ resetForm: true }) };
  if (sent.reason === "notFound" || sent.reason === "notNeeded") throw new Response("Not found", { status: 404 });
  const result =
    sent.reason === "sameAsEntrant"
      ? submission.reply({ fieldErrors: { guardianEmail: ["guardian.sameAsEntrant"] } })
      : submission.reply({ formErrors: ["guardian.tooManyRequests"] });
  return data({ ok: false as const, result }, { status: sent.reason === "rateLimited" ? 429 : 400 });
}
