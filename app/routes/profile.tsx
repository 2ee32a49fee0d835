import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { CheckboxInputField, FormErrors, InputField, SelectField } from "~/components/forms";
import { parseForm } from "~/forms";
import { invalid, parseQuery } from "~/forms.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { countryOptions } from "~/models/countries";
import { hasAcceptedTerms, saveProfile, TERMS_VERSION } from "~/models/profile.server";
import { profileSchema } from "~/schemas/profile";
import { requireUser, safeRedirect } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

/** The profile, and where to go once it is saved (the page that asked for it). */
const profileFormSchema = profileSchema.extend({ redirectTo: z.string().optional() });

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { redirectTo } = parseQuery(request, z.object({ redirectTo: z.string().catch("") }));
  return {
    redirectTo,
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
  const submission = parseForm(await request.formData(), profileFormSchema);
  if (submission.status !== "success") return invalid(submission);
  const { acceptTerms: _accepted, redirectTo, ...profile } = submission.value;
  await saveProfile(user.id, profile);
  return redirect(safeRedirect(redirectTo, "/entries"));
}

/** The typed fields at the top of the profile, each with its label and hint under `profile.<name>`. */
const PERSONAL_FIELDS = [
  { name: "fullName", type: "text", autoComplete: "name" },
  { name: "displayName", type: "text", autoComplete: "nickname" },
  { name: "dateOfBirth", type: "date", autoComplete: "bday" },
] as const;

export default function Profile() {
  const { redirectTo, profile, termsAccepted, termsVersion, hadProfile, countries } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";
  // No defaultValue here: Conform would reset what someone typed before the page hydrated.
  const [form, fields] = useForm({
    id: "profile",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, profileFormSchema),
  });
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
        <FormErrors form={form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {PERSONAL_FIELDS.map(({ name, type, autoComplete }) => (
          <InputField
            key={name}
            field={fields[name]}
            type={type}
            label={t(`profile.${name}`)}
            hint={t(`profile.${name}Hint`)}
            autoComplete={autoComplete}
          />
        ))}
        <SelectField
          field={fields.country}
          label={t("profile.country")}
          selectProps={{ defaultValue: profile.country, autoComplete: "country" }}
        >
          <option value="">{t("profile.chooseCountry")}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <CheckboxInputField
          field={fields.publishCountry}
          label={t("profile.publishCountry")}
          inputProps={{ defaultChecked: profile.publishCountry }}
        />
        <CheckboxInputField
          field={fields.acceptTerms}
          label={
            <>
              {t("profile.terms", { version: termsVersion })}{" "}
              <Link to="/terms" target="_blank" rel="noopener">
                {t("profile.termsLink")}
              </Link>
            </>
          }
          inputProps={{ defaultChecked: termsAccepted }}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("profile.save")}
        </button>
      </Form>
    </section>
  );
}
