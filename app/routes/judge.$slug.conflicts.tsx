import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormErrors, SelectField, TextareaInputField } from "~/components/forms";
import { parseForm } from "~/forms";
import { invalid } from "~/forms.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { splitList } from "~/models/contest";
import { countryOptions } from "~/models/countries";
import { saveConflicts } from "~/models/judge.server";
import { conflictsSchema } from "~/schemas/judging";
import { requireJudgeOf } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "conflicts.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest, seat } = await requireJudgeOf(request, params.slug ?? "");
  return {
    contest: { slug: contest.slug, title: contest.title },
    countries: countryOptions(await resolveLocale(request, user.locale)),
    declared: {
      at: seat.conflictsDeclaredAt?.toISOString() ?? null,
      country: seat.country ?? "",
      people: seat.conflictPeople,
      organisations: seat.conflictOrganisations,
      countries: splitList(seat.conflictCountries),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), conflictsSchema);
  if (submission.status !== "success") return invalid(submission);
  await saveConflicts(contest.id, user.id, submission.value);
  return redirect(`/judge/${contest.slug}`);
}

/** A judge says up front whom they should not judge: people, organisations and countries. */
export default function Conflicts() {
  const { contest, countries, declared } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "conflicts",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    defaultValue: declared,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseForm(formData, conflictsSchema),
  });
  const countryChoices = countries.map(({ code, name }) => (
    <option key={code} value={code}>
      {name}
    </option>
  ));
  return (
    <section aria-labelledby="conflicts-title">
      <p className="eyebrow">{contest.title}</p>
      <h1 id="conflicts-title">{t("conflicts.title")}</h1>
      <p>{t("conflicts.intro")}</p>
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormErrors form={form} />
        <SelectField
          field={fields.country}
          label={t("conflicts.country")}
          hint={t("conflicts.countryHint")}
          selectProps={{ required: true }}
        >
          <option value="">{t("profile.chooseCountry")}</option>
          {countryChoices}
        </SelectField>
        <TextareaInputField
          field={fields.people}
          label={t("conflicts.people")}
          hint={t("conflicts.peopleHint")}
          textareaProps={{ rows: 4 }}
        />
        <TextareaInputField
          field={fields.organisations}
          label={t("conflicts.organisations")}
          hint={t("conflicts.organisationsHint")}
          textareaProps={{ rows: 3 }}
        />
        <SelectField
          field={fields.countries}
          label={t("conflicts.countries")}
          hint={t("conflicts.countriesHint")}
          selectProps={{ multiple: true, size: 6 }}
        >
          {countryChoices}
        </SelectField>
        <button type="submit" className="button">
          {declared.at ? t("conflicts.update") : t("conflicts.save")}
        </button>
      </Form>
    </section>
  );
}
