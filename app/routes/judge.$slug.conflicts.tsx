import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { splitList } from "~/models/contest";
import { countryOptions } from "~/models/countries";
import { saveConflicts } from "~/models/judge.server";
import { conflictsSchema } from "~/schemas/judging";
import { requireJudgeOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "conflicts.title");

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
  const submission = parseWithZod(await request.formData(), { schema: conflictsSchema });
  if (submission.status !== "success") {
    return data({ problems: Object.values(submission.error ?? {}).flat() as string[] }, { status: 400 });
  }
  await saveConflicts(contest.id, user.id, submission.value);
  return redirect(`/judge/${contest.slug}`);
}

/** A judge says up front whom they should not judge: people, organisations and countries. */
export default function Conflicts() {
  const { contest, countries, declared } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="conflicts-title">
      <p className="eyebrow">{contest.title}</p>
      <h1 id="conflicts-title">{t("conflicts.title")}</h1>
      <p>{t("conflicts.intro")}</p>
      <Form method="post" className="panel">
        <ErrorList errors={result?.problems} />
        <div className="field">
          <label htmlFor="country">{t("conflicts.country")}</label>
          <p id="country-hint" className="field-hint">
            {t("conflicts.countryHint")}
          </p>
          <select id="country" name="country" defaultValue={declared.country} required aria-describedby="country-hint">
            <option value="">{t("profile.chooseCountry")}</option>
            {countries.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people">{t("conflicts.people")}</label>
          <p id="people-hint" className="field-hint">
            {t("conflicts.peopleHint")}
          </p>
          <textarea id="people" name="people" rows={4} defaultValue={declared.people} aria-describedby="people-hint" />
        </div>
        <div className="field">
          <label htmlFor="organisations">{t("conflicts.organisations")}</label>
          <p id="organisations-hint" className="field-hint">
            {t("conflicts.organisationsHint")}
          </p>
          <textarea
            id="organisations"
            name="organisations"
            rows={3}
            defaultValue={declared.organisations}
            aria-describedby="organisations-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="countries">{t("conflicts.countries")}</label>
          <p id="countries-hint" className="field-hint">
            {t("conflicts.countriesHint")}
          </p>
          <select
            id="countries"
            name="countries"
            multiple
            size={6}
            defaultValue={declared.countries}
            aria-describedby="countries-hint"
          >
            {countries.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {declared.at ? t("conflicts.update") : t("conflicts.save")}
        </button>
      </Form>
    </section>
  );
}
