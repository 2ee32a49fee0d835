import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { RemoveItem } from "~/components/remove-item";
import { useTranslation } from "react-i18next";
import { CheckboxField, ErrorList, Field } from "~/components/forms";
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
  return (
    <div className="panel">
      <h2 id="co-creators-title">{t("coCreators.title")}</h2>
      <p className="field-hint">{t("coCreators.intro")}</p>
      {people.length ? (
        <ul className="people-list" aria-labelledby="co-creators-title">
          {people.map((person) => (
            <li key={person.id}>
              <span>
                {person.name} · {person.email}
              </span>
              {open ? (
                <RemoveItem action={`/entries/${entryId}/co-creators`} itemId={person.id} name={person.name} />
              ) : null}
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
          <CheckboxField
            label={t("coCreators.eligible")}
            errors={fields.eligible.errors}
            inputProps={getInputProps(fields.eligible, { type: "checkbox", value: "on", ariaAttributes: false })}
          />
          <button type="submit" className="button button-secondary button-small" disabled={fetcher.state !== "idle"}>
            {t("coCreators.add")}
          </button>
        </fetcher.Form>
      ) : null}
    </div>
  );
}
