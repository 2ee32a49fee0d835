import type { ActionFunctionArgs } from "@remix-run/node";
import { entryPeopleAction } from "~/http.server";
import { releases } from "~/models/release.server";
import { releaseSchema } from "~/schemas/release";
import { requireUser } from "~/services/auth.server";

/** Adds or removes a release on the signed-in entrant's own entry; anything else is 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return entryPeopleAction(await request.formData(), {
    schema: releaseSchema,
    people: releases,
    userId: user.id,
    entryId: params.id ?? "",
  });
}
