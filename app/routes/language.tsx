import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { locales } from "~/i18n";
import { localeCookie } from "~/i18n/i18n.server";
import { setLocale } from "~/models/user.server";
import { getUser, safeRedirect } from "~/services/auth.server";

const schema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

/** Remembers the chosen language: on the account when signed in, and in a cookie for this browser. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown language", { status: 400 });
  const user = await getUser(request);
  if (user) await setLocale(user.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}
