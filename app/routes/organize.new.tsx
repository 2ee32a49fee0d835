import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, InputField } from "~/components/forms";
import { pageTitle } from "~/i18n/meta";
import { listContests } from "~/models/contest.server";
import { createEdition } from "~/models/lifecycle.server";
import { newContestSchema } from "~/schemas/contest";
import { requireRole } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "edition.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return { contests: await listContests() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "organizer");
  const submission = parseWithZod(await request.formData(), { schema: newContestSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createEdition(submission.value, user.id);
  if (!created.ok) {
    const message =
      created.field === "copyFrom"
        ? "edition.copyGone"
        : created.field === "codePrefix"
          ? "edition.prefixTaken"
          : "settings.slugTaken";
    return data({ result: submission.reply({ fieldErrors: { [created.field]: [message] } }) }, { status: 409 });
  }
  throw redirect(`/organize/${created.slug}/settings`);
}

/** A new edition: a blank contest with Mosaic's defaults, or a copy of an earlier one with its dates a year on. */
export default function NewEdition() {
  const { contests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "new-edition",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    defaultValue: { copyFrom: contests[0]?.slug ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newContestSchema }),
  });
  return (
    <section className="panel narrow" aria-labelledby="edition-title">
      <h1 id="edition-title">{t("edition.title")}</h1>
      <p>{t("edition.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.copyFrom.id}>{t("edition.copyFrom")}</label>
          <p id={`${fields.copyFrom.id}-hint`} className="field-hint">
            {t("edition.copyHint")}
          </p>
          <select
            {...getSelectProps(fields.copyFrom, { ariaAttributes: false })}
            aria-describedby={`${fields.copyFrom.id}-hint`}
          >
            {contests.map((contest) => (
              <option key={contest.slug} value={contest.slug}>
                {contest.title}
              </option>
            ))}
            <option value="">{t("edition.blank")}</option>
          </select>
          <ErrorList errors={fields.copyFrom.errors} />
        </div>
        <InputField field={fields.title} type="text" label={t("settings.contestTitle")} />
        <InputField field={fields.slug} type="text" label={t("settings.slug")} hint={t("settings.slugHint")} />
        <Field
          label={t("edition.codePrefix")}
          hint={t("edition.codePrefixHint")}
          errors={fields.codePrefix.errors}
          inputProps={{
            ...getInputProps(fields.codePrefix, { type: "text", ariaAttributes: false }),
            autoCapitalize: "characters",
          }}
        />
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("edition.create")}
        </button>
      </Form>
    </section>
  );
}
