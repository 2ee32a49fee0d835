import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { MAX_REQUESTS_PER_EMAIL, requestSignIn } from "~/models/sign-in.server";
import { emailSchema } from "~/schemas/sign-in";
import { requireAnonymous, safeRedirect } from "~/services/auth.server";
import { pendingSignInCookie, readPendingSignIn } from "~/services/session.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: emailSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  const locale = await resolveLocale(request);
  const redirectTo = safeRedirect(submission.value.redirectTo, "/me");
  const result = await requestSignIn({ email: submission.value.email, ip: context.ip, locale, redirectTo });
  if (!result.ok) {
    const t = serverT(locale);
    const message = result.limit === "address" ? "errors.rateLimitedAddress" : "errors.rateLimited";
    return data(submission.reply({ formErrors: [t(message, { minutes: result.retryAfterMinutes })] }), {
      status: 429,
    });
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
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    constraint: getZodConstraint(emailSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailSchema }),
  });
  return (
    <section className="panel narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <div className={form.errors?.length ? "alert" : undefined} role={form.errors?.length ? "alert" : undefined}>
          <ErrorList id={form.errorId} errors={form.errors} />
        </div>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          errors={fields.email.errors}
          inputProps={{
            ...getInputProps(fields.email, { type: "email", ariaAttributes: false }),
            id: fields.email.id,
            autoComplete: "email",
            inputMode: "email",
            autoFocus: true,
          }}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("signIn.sending") : t("signIn.send")}
        </button>
      </Form>
    </section>
  );
}
