import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { parseForm } from "~/forms";
import { parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { linkTokenIsLive, verifyLinkToken } from "~/models/sign-in.server";
import { safeRedirect } from "~/services/auth.server";
import { createSession } from "~/services/session.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.linkTitle");

const linkSchema = z.object({ token: z.string().max(200) });

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/**
 * Opening the link only shows a button: mail scanners that fetch every link must not use up
 * the sign-in, and a GET never changes anything.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = parseQuery(request, z.object({ token: z.string().catch("") }));
  return { token, live: token ? await linkTokenIsLive(token) : false };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), linkSchema);
  const result = submission.status === "success" ? await verifyLinkToken(submission.value.token) : null;
  // Whatever was wrong with the link, the page says it cannot be used: 200, so that it reads
  // the link again (now spent) like any other visit.
  if (!result?.ok) return refuse({ key: "errors.linkInvalid" }, { status: 200 });
  return redirect(safeRedirect(result.redirectTo), {
    headers: { "Set-Cookie": await createSession(result.userId) },
  });
}

export default function FinishSignIn() {
  const { token, live } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form] = useForm({
    id: "sign-in-link",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, linkSchema),
  });
  if (!live || answer?.result.status === "error") {
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
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("signIn.linkContinue")}
        </button>
      </Form>
    </section>
  );
}
