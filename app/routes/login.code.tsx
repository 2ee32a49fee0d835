import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { verifyCode } from "~/models/sign-in.server";
import { codeSchema } from "~/schemas/sign-in";
import { requireAnonymous, safeRedirect } from "~/services/auth.server";
import { createSession, pendingSignInCookie, readPendingSignIn } from "~/services/session.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.checkTitle");

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
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  const result = await verifyCode({
    email: pending.email,
    code: submission.value.code,
    verificationIds: pending.verificationIds,
  });
  if (!result.ok) {
    const t = serverT(await resolveLocale(request));
    const message =
      result.reason === "wrongCode"
        ? t("errors.codeWrong", { count: result.triesLeft })
        : result.reason === "tooManyTries"
          ? t("errors.codeTooManyTries")
          : result.reason === "tooManyToday"
            ? t("errors.codeTooManyToday")
            : t("errors.codeExpired");
    return data(submission.reply({ fieldErrors: { code: [message] } }), { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(result.userId));
  headers.append("Set-Cookie", await pendingSignInCookie().serialize("", { maxAge: 0 }));
  return redirect(safeRedirect(result.redirectTo ?? pending.redirectTo), { headers });
}

export default function CheckYourEmail() {
  const { email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "sign-in-code",
    lastResult,
    constraint: getZodConstraint(codeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });
  return (
    <section className="panel narrow" aria-labelledby="code-title">
      <h1 id="code-title">{t("signIn.checkTitle")}</h1>
      <p>{t("signIn.checkIntro", { email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label={t("signIn.code")}
          hint={t("signIn.codeHint")}
          errors={fields.code.errors}
          inputProps={{
            ...getInputProps(fields.code, { type: "text", ariaAttributes: false }),
            id: fields.code.id,
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
