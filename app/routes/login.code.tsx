import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormErrors, InputField } from "~/components/forms";
import { parseForm } from "~/forms";
import { invalid, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import type { Problem } from "~/models/problem";
import { verifyCode } from "~/models/sign-in.server";
import { codeSchema } from "~/schemas/sign-in";
import { requireAnonymous, safeRedirect } from "~/services/auth.server";
import { createSession, pendingSignInCookie, readPendingSignIn } from "~/services/session.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.checkTitle");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/login");
  return { email: pending.email };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const pending = await readPendingSignIn(request);
  if (!pending) throw redirect("/login");
  const submission = parseForm(await request.formData(), codeSchema);
  if (submission.status !== "success") return invalid(submission);

  const result = await verifyCode({
    email: pending.email,
    code: submission.value.code,
    verificationIds: pending.verificationIds,
  });
  if (!result.ok) {
    const problem: Problem =
      result.reason === "wrongCode"
        ? { key: "errors.codeWrong", values: { count: result.triesLeft } }
        : result.reason === "tooManyTries"
          ? { key: "errors.codeTooManyTries" }
          : result.reason === "tooManyToday"
            ? { key: "errors.codeTooManyToday" }
            : { key: "errors.codeExpired" };
    return refuse([], { submission, fields: { code: [problem] } });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(result.userId));
  headers.append("Set-Cookie", await pendingSignInCookie().serialize("", { maxAge: 0 }));
  return redirect(safeRedirect(result.redirectTo ?? pending.redirectTo), { headers });
}

export default function CheckYourEmail() {
  const { email } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";
  const [form, fields] = useForm({
    id: "sign-in-code",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    constraint: getZodConstraint(codeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, codeSchema),
  });
  return (
    <section className="panel narrow" aria-labelledby="code-title">
      <h1 id="code-title">{t("signIn.checkTitle")}</h1>
      <p>{t("signIn.checkIntro", { email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <InputField
          field={fields.code}
          label={t("signIn.code")}
          hint={t("signIn.codeHint")}
          inputProps={{
            inputMode: "numeric",
            autoComplete: "one-time-code",
            pattern: undefined,
            maxLength: 7,
            className: "code-input",
            autoFocus: true,
          }}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("signIn.verifying") : t("signIn.verify")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("signIn.otherAddress")}</Link>
      </p>
    </section>
  );
}
