import { getFormProps, useForm, type FormMetadata } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { z, ZodTypeAny } from "zod";
import { FormSection } from "~/components/form-section";
import { FormErrors } from "~/components/forms";
import { parseForm, type ActionResult } from "~/forms";
import type { Problem } from "~/models/problem";
import { removePersonSchema } from "~/schemas/entry-people";

type Fields<Schema extends ZodTypeAny> = ReturnType<FormMetadata<z.input<Schema>, Problem[]>["getFieldset"]>;

/**
 * A list of people on the entry page (its co-creators, its releases) and a form to add one, each
 * answered by the list's own action at /entries/<id>/<list> (http.server.ts, `entryPeopleAction`).
 * The kind of list brings its texts, how a person reads in the list, and the add form's fields.
 */
export function EntryPeople<Person extends { id: string }, Schema extends ZodTypeAny>({
  list,
  formId,
  entryId,
  people,
  open,
  schema,
  text,
  show,
  nameOf,
  fields: renderFields,
}: {
  /** the list's address under the entry, and the start of its ids: "co-creators" */
  list: string;
  /** the add form's id, which prefixes its fields' ids: "co-creator" */
  formId: string;
  entryId: string;
  people: Person[];
  /** whether the entry may still change */
  open: boolean;
  schema: Schema;
  text: { title: string; intro: string; add: string };
  /** a person as the list reads them, and their name for the "Remove" button's label */
  show: (person: Person) => ReactNode;
  nameOf: (person: Person) => string;
  fields: (fields: Fields<Schema>) => ReactNode;
}) {
  const action = `/entries/${entryId}/${list}`;
  const fetcher = useFetcher<ActionResult>();
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, Problem[]>({
    id: formId,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, schema),
  });
  return (
    <FormSection
      as="div"
      id={`entry-${list}`}
      className="panel"
      title={text.title}
      heading={{ id: `${list}-title` }}
      optional
    >
      <p className="field-hint">{text.intro}</p>
      {people.length ? (
        <ul className="people-list" aria-labelledby={`${list}-title`}>
          {people.map((person) => (
            <li key={person.id}>
              <span>{show(person)}</span>
              {open ? <RemoveItem action={action} itemId={person.id} name={nameOf(person)} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <fetcher.Form method="post" action={action} {...getFormProps(form)}>
          <FormErrors form={form} />
          {renderFields(fields)}
          <button type="submit" className="button button-secondary button-small" disabled={fetcher.state !== "idle"}>
            {text.add}
          </button>
        </fetcher.Form>
      ) : null}
    </FormSection>
  );
}

/** The "Remove" button of one person on a list. */
function RemoveItem({ action, itemId, name }: { action: string; itemId: string; name: string }) {
  const fetcher = useFetcher<ActionResult>();
  const { t } = useTranslation();
  const [form] = useForm({
    id: `remove-${itemId}`,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, removePersonSchema),
  });
  return (
    <fetcher.Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="itemId" value={itemId} />
      <button
        type="submit"
        className="link-button"
        aria-label={t("upload.removeNamed", { name })}
        disabled={fetcher.state !== "idle"}
      >
        {t("upload.remove")}
      </button>
    </fetcher.Form>
  );
}
