import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { addCoCreator, removeCoCreator } from "~/models/co-creator.server";
import { coCreatorSchema } from "~/schemas/co-creator";
import { requireUser } from "~/services/auth.server";

/** Adds or removes a co-creator of the signed-in entrant's own entry; anything else is 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = params.id ?? "";
  const form = await request.formData();
  if (form.get("intent") === "remove") {
    if (!(await removeCoCreator(user.id, entryId, String(form.get("itemId") ?? "")))) {
      throw new Response("Not found", { status: 404 });
    }
    return { ok: true as const, result: null };
  }
  const submission = parseWithZod(form, { schema: coCreatorSchema });
  if (submission.status !== "success") return data({ ok: false as const, result: submission.reply() }, { status: 400 });
  const added = await addCoCreator(user.id, entryId, submission.value);
  if (!added.ok && added.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (!added.ok) {
    return data(
      { ok: false as const, result: submission.reply({ formErrors: ["coCreators.tooMany"] }) },
      { status: 400 },
    );
  }
  return { ok: true as const, result: submission.reply({ resetForm: true }) };
}
