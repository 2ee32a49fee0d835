import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { FormErrors, InputField } from "~/components/forms";
import { parseForm } from "~/forms";
import { invalid, parseQuery, refuse } from "~/forms.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { MAX_REQUESTS_PER_EMAIL, requestSignIn } from "~/models/sign-in.server";
import { emailSchema } from "~/schemas/sign-in";
import { requireAnonymous, safeRedirect } from "~/services/auth.server";
import { pendingSignInCookie, readPendingSignIn } from "~/services/session.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return parseQuery(request, z.object({ redirectTo: z.string().catch("") }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseForm(await request.formData(), emailSchema);
  if (submission.status !== "success") return invalid(submission);

  const locale = await resolveLocale(request);
  const redirectTo = safeRedirect(submission.value.redirectTo, "/me");
  const result = await requestSignIn({ email: submission.value.email, ip: context.ip, locale, redirectTo });
  if (!result.ok) {
    const key = result.limit === "address" ? "errors.rateLimitedAddress" : "errors.rateLimited";
    return refuse({ key, values: { minutes: result.retryAfterMinutes } }, { status: 429, submission });
  }
  // This browser may type the codes of its own recent requests for this address, and no others.
  const email = submission.value.email.toLowerCase();
  const earlier = await readPendingSignIn(request);
  const verificationIds = [...(earlier?.email === email ? earlier.verificationIds : []), result.verificationId].slice(
    -MAX_REQUESTS_PER_EMAIL,
  );
  return redirect("/login/code", {
    headers: {
      "Set-Cookie": await pendingSignInCookie().serialize({ email, redirectTo, verificationIds }),
    },
  });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    constraint: getZodConstraint(emailSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, emailSchema),
  });
  return (
    <section className="panel narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField
          field={fields.email}
          type="email"
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          inputProps={{ autoComplete: "email", inputMode: "email", autoFocus: true }}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("signIn.sending") : t("signIn.send")}
        </button>
      </Form>
    </section>
  );
}
