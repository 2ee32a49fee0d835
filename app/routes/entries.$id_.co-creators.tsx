import type { ActionFunctionArgs } from "@remix-run/node";
import { entryPeopleAction } from "~/http.server";
import { coCreators } from "~/models/co-creator.server";
import { coCreatorSchema } from "~/schemas/co-creator";
import { requireUser } from "~/services/auth.server";

/** Adds or removes a co-creator of the signed-in entrant's own entry; anything else is 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return entryPeopleAction(await request.formData(), {
    schema: coCreatorSchema,
    people: coCreators,
    userId: user.id,
    entryId: params.id ?? "",
  });
}
