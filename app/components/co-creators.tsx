import { useTranslation } from "~/i18n/react";
import { EntryPeople } from "~/components/entry-people";
import { CheckboxInputField, InputField } from "~/components/forms";
import { coCreatorSchema } from "~/schemas/co-creator";

type CoCreator = { id: string; name: string; email: string };

/** The people who made the work with the entrant: a list, and a form to add one. */
export function CoCreators({ entryId, people, open }: { entryId: string; people: CoCreator[]; open: boolean }) {
  const { t } = useTranslation();
  return (
    <EntryPeople
      list="co-creators"
      formId="co-creator"
      entryId={entryId}
      people={people}
      open={open}
      schema={coCreatorSchema}
      text={{ title: t("coCreators.title"), intro: t("coCreators.intro"), add: t("coCreators.add") }}
      show={(person) => `${person.name} · ${person.email}`}
      nameOf={(person) => person.name}
      fields={(fields) => (
        <>
          <InputField field={fields.name} label={t("coCreators.name")} autoComplete="off" />
          <InputField field={fields.email} type="email" label={t("coCreators.email")} autoComplete="off" />
          <CheckboxInputField field={fields.eligible} label={t("coCreators.eligible")} />
        </>
      )}
    />
  );
}
