import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { parseForm } from "~/forms";
import { locales } from "~/i18n";
import { localeCookie } from "~/i18n/i18n.server";
import { setLocale } from "~/models/user.server";
import { getUser, safeRedirect } from "~/services/auth.server";

const schema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

/**
 * Remembers the chosen language: on the account when signed in, and in a cookie for this browser.
 * The picker offers only known languages, so anything else is a forged request: the error page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), schema);
  if (submission.status !== "success") throw new Response("Unknown language", { status: 400 });
  const { locale, redirectTo } = submission.value;
  const user = await getUser(request);
  if (user) await setLocale(user.id, locale);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
