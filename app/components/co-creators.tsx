import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import type { action } from "~/routes/entries.$id_.co-creators";
import { coCreatorSchema } from "~/schemas/co-creator";

type CoCreator = { id: string; name: string; email: string };

/** The people who made the work with the entrant: a list, and a form to add one. */
export function CoCreators({ entryId, people, open }: { entryId: string; people: CoCreator[]; open: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [form, fields] = useForm({
    id: "co-creator",
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: coCreatorSchema }),
  });
  const eligibleError = fields.eligible.errors?.length ? `${fields.eligible.id}-error` : undefined;
  return (
    <div className="panel">
      <h2 id="co-creators-title">{t("coCreators.title")}</h2>
      <p className="field-hint">{t("coCreators.intro")}</p>
      {people.length ? (
        <ul className="co-creators" aria-labelledby="co-creators-title">
          {people.map((person) => (
            <li key={person.id}>
              <span>
                {person.name} · {person.email}
              </span>
              {open ? <RemoveCoCreator entryId={entryId} person={person} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <fetcher.Form method="post" action={`/entries/${entryId}/co-creators`} {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            label={t("coCreators.name")}
            errors={fields.name.errors}
            inputProps={{ ...getInputProps(fields.name, { type: "text", ariaAttributes: false }), autoComplete: "off" }}
          />
          <Field
            label={t("coCreators.email")}
            errors={fields.email.errors}
            inputProps={{
              ...getInputProps(fields.email, { type: "email", ariaAttributes: false }),
              autoComplete: "off",
            }}
          />
          <div className="field field-check">
            <input
              {...getInputProps(fields.eligible, { type: "checkbox", value: "on", ariaAttributes: false })}
              aria-invalid={eligibleError ? true : undefined}
              aria-describedby={eligibleError}
            />
            <label htmlFor={fields.eligible.id}>{t("coCreators.eligible")}</label>
            <ErrorList id={eligibleError} errors={fields.eligible.errors} />
          </div>
          <button type="submit" className="button button-secondary button-small" disabled={fetcher.state !== "idle"}>
            {t("coCreators.add")}
          </button>
        </fetcher.Form>
      ) : null}
    </div>
  );
}

function RemoveCoCreator({ entryId, person }: { entryId: string; person: CoCreator }) {
  const fetcher = useFetcher();
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" action={`/entries/${entryId}/co-creators`}>
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="coCreatorId" value={person.id} />
      <button type="submit" className="link-button" aria-label={t("upload.removeNamed", { name: person.name })}>
        {t("upload.remove")}
      </button>
    </fetcher.Form>
  );
}
