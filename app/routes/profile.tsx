import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, ErrorList, Field } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { countryOptions } from "~/models/countries";
import { hasAcceptedTerms, saveProfile, TERMS_VERSION } from "~/models/profile.server";
import { profileSchema } from "~/schemas/profile";
import { requireUser, safeRedirect } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    profile: {
      fullName: user.fullName ?? "",
      displayName: user.displayName ?? "",
      dateOfBirth: user.dateOfBirth ?? "",
      country: user.country ?? "",
      publishCountry: user.publishCountry,
    },
    termsAccepted: await hasAcceptedTerms(user.id),
    termsVersion: TERMS_VERSION,
    // Named on the server: browsers' and Node's country names differ slightly, and a mismatch
    // would make React re-render the page and drop what someone typed before it hydrated.
    countries: countryOptions(await resolveLocale(request, user.locale)),
    hadProfile: Boolean(user.dateOfBirth),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { acceptTerms: _accepted, ...profile } = submission.value;
  await saveProfile(user.id, profile);
  return redirect(safeRedirect(formData.get("redirectTo"), "/entries"));
}

export default function Profile() {
  const { profile, termsAccepted, termsVersion, hadProfile, countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  // No defaultValue here: Conform would reset what someone typed before the page hydrated.
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const countryErrorId = fields.country.errors?.length ? `${fields.country.id}-error` : undefined;
  const termsErrorId = fields.acceptTerms.errors?.length ? `${fields.acceptTerms.id}-error` : undefined;
  return (
    <section className="panel narrow" aria-labelledby="profile-title">
      <h1 id="profile-title">{t("profile.title")}</h1>
      {hadProfile && !termsAccepted ? (
        <p className="notice" role="status">
          {t("profile.newTerms")}
        </p>
      ) : (
        <p>{t("profile.intro")}</p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field
          label={t("profile.fullName")}
          hint={t("profile.fullNameHint")}
          errors={fields.fullName.errors}
          inputProps={{
            ...getInputProps(fields.fullName, { type: "text", ariaAttributes: false }),
            autoComplete: "name",
          }}
        />
        <Field
          label={t("profile.displayName")}
          hint={t("profile.displayNameHint")}
          errors={fields.displayName.errors}
          inputProps={{
            ...getInputProps(fields.displayName, { type: "text", ariaAttributes: false }),
            autoComplete: "nickname",
          }}
        />
        <Field
          label={t("profile.dateOfBirth")}
          hint={t("profile.dateOfBirthHint")}
          errors={fields.dateOfBirth.errors}
          inputProps={{
            ...getInputProps(fields.dateOfBirth, { type: "date", ariaAttributes: false }),
            autoComplete: "bday",
          }}
        />
        <div className="field">
          <label htmlFor={fields.country.id}>{t("profile.country")}</label>
          <select
            {...getSelectProps(fields.country, { ariaAttributes: false })}
            defaultValue={profile.country}
            aria-invalid={countryErrorId ? true : undefined}
            aria-describedby={countryErrorId}
            autoComplete="country"
          >
            <option value="">{t("profile.chooseCountry")}</option>
            {countries.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <ErrorList id={countryErrorId} errors={fields.country.errors} />
        </div>
        <CheckboxField
          label={t("profile.publishCountry")}
          inputProps={{
            ...getInputProps(fields.publishCountry, { type: "checkbox", value: "on", ariaAttributes: false }),
            defaultChecked: profile.publishCountry,
          }}
        />
        <div className="field field-check">
          <input
            {...getInputProps(fields.acceptTerms, { type: "checkbox", value: "on", ariaAttributes: false })}
            defaultChecked={termsAccepted}
            aria-invalid={termsErrorId ? true : undefined}
            aria-describedby={termsErrorId}
          />
          <label htmlFor={fields.acceptTerms.id}>
            {t("profile.terms", { version: termsVersion })}{" "}
            <Link to="/terms" target="_blank" rel="noopener">
              {t("profile.termsLink")}
            </Link>
          </label>
          <ErrorList id={termsErrorId} errors={fields.acceptTerms.errors} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("profile.save")}
        </button>
      </Form>
    </section>
  );
}
