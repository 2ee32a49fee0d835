import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, ErrorList, Field } from "~/components/forms";
import { RemoveItem } from "~/components/remove-item";
import type { action } from "~/routes/entries.$id_.releases";
import { releaseSchema } from "~/schemas/release";

type Release = { id: string; person: string; minor: boolean; consentGivenBy: string };

/** A release for each person who can be recognised in the work: a list, and a form to add one. */
export function Releases({ entryId, releases, open }: { entryId: string; releases: Release[]; open: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [form, fields] = useForm({
    id: "release",
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: releaseSchema }),
  });
  return (
    <div className="panel">
      <h2 id="releases-title">{t("releases.title")}</h2>
      <p className="field-hint">{t("releases.intro")}</p>
      {releases.length ? (
        <ul className="people-list" aria-labelledby="releases-title">
          {releases.map((release) => (
            <li key={release.id}>
              <span>
                {release.person} ·{" "}
                {release.minor
                  ? t("releases.byGuardian", { name: release.consentGivenBy })
                  : t("releases.bySelf", { name: release.consentGivenBy })}
              </span>
              {open ? (
                <RemoveItem action={`/entries/${entryId}/releases`} itemId={release.id} name={release.person} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <fetcher.Form method="post" action={`/entries/${entryId}/releases`} {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label={t("releases.person")}
            hint={t("releases.personHint")}
            errors={fields.person.errors}
            inputProps={{
              ...getInputProps(fields.person, { type: "text", ariaAttributes: false }),
              autoComplete: "off",
            }}
          />
          <CheckboxField
            label={t("releases.minor")}
            inputProps={getInputProps(fields.minor, { type: "checkbox", value: "on", ariaAttributes: false })}
          />
          <Field
            label={t("releases.consentGivenBy")}
            hint={t("releases.consentGivenByHint")}
            errors={fields.consentGivenBy.errors}
            inputProps={{
              ...getInputProps(fields.consentGivenBy, { type: "text", ariaAttributes: false }),
              autoComplete: "off",
            }}
          />
          <button type="submit" className="button button-secondary button-small" disabled={fetcher.state !== "idle"}>
            {t("releases.add")}
          </button>
        </fetcher.Form>
      ) : null}
    </div>
  );
}
