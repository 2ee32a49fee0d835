import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormErrors, InputField, SelectField } from "~/components/forms";
import { parseForm } from "~/forms";
import { invalid, refuse } from "~/forms.server";
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

/** What a field that stopped the new edition says. */
const REFUSALS = {
  copyFrom: "edition.copyGone",
  codePrefix: "edition.prefixTaken",
  slug: "settings.slugTaken",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "organizer");
  const submission = parseForm(await request.formData(), newContestSchema);
  if (submission.status !== "success") return invalid(submission);
  const created = await createEdition(submission.value, user.id);
  if (!created.ok) {
    return refuse([], { submission, status: 409, fields: { [created.field]: [{ key: REFUSALS[created.field] }] } });
  }
  throw redirect(`/organize/${created.slug}/settings`);
}

/** A new edition: a blank contest with Mosaic's defaults, or a copy of an earlier one with its dates a year on. */
export default function NewEdition() {
  const { contests } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "new-edition",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    defaultValue: { copyFrom: contests[0]?.slug ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, newContestSchema),
  });
  return (
    <section className="panel narrow" aria-labelledby="edition-title">
      <h1 id="edition-title">{t("edition.title")}</h1>
      <p>{t("edition.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <SelectField field={fields.copyFrom} label={t("edition.copyFrom")} hint={t("edition.copyHint")}>
          {contests.map((contest) => (
            <option key={contest.slug} value={contest.slug}>
              {contest.title}
            </option>
          ))}
          <option value="">{t("edition.blank")}</option>
        </SelectField>
        <InputField field={fields.title} label={t("settings.contestTitle")} />
        <InputField field={fields.slug} label={t("settings.slug")} hint={t("settings.slugHint")} />
        <InputField
          field={fields.codePrefix}
          label={t("edition.codePrefix")}
          hint={t("edition.codePrefixHint")}
          inputProps={{ autoCapitalize: "characters" }}
        />
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("edition.create")}
        </button>
      </Form>
    </section>
  );
}
