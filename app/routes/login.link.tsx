import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { linkTokenIsLive, verifyLinkToken } from "~/models/sign-in.server";
import { safeRedirect } from "~/services/auth.server";
import { createSession } from "~/services/session.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.linkTitle");

/**
 * Opening the link only shows a button: mail scanners that fetch every link must not use up
 * the sign-in, and a GET never changes anything.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, live: token ? await linkTokenIsLive(token) : false };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const result = token ? await verifyLinkToken(token) : ({ ok: false } as const);
  if (!result.ok) return { failed: true };
  return redirect(safeRedirect(result.redirectTo), {
    headers: { "Set-Cookie": await createSession(result.userId) },
  });
}

export default function FinishSignIn() {
  const { token, live } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.failed;
  const { t } = useTranslation();
  if (!live || failed) {
    return (
      <section className="panel narrow" aria-labelledby="link-title">
        <h1 id="link-title">{t("signIn.linkTitle")}</h1>
        <p className="alert" role="alert">
          {t("errors.linkInvalid")}
        </p>
        <Link to="/login" className="button">
          {t("signIn.resend")}
        </Link>
      </section>
    );
  }
  return (
    <section className="panel narrow" aria-labelledby="link-title">
      <h1 id="link-title">{t("signIn.linkTitle")}</h1>
      <p>{t("signIn.linkIntro")}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("signIn.linkContinue")}
        </button>
      </Form>
    </section>
  );
}
