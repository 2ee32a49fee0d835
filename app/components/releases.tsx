import { useTranslation } from "~/i18n/react";
import { EntryPeople } from "~/components/entry-people";
import { CheckboxInputField, InputField } from "~/components/forms";
import { releaseSchema } from "~/schemas/release";

type Release = { id: string; person: string; minor: boolean; consentGivenBy: string };

/** A release for each person who can be recognised in the work: a list, and a form to add one. */
export function Releases({ entryId, releases, open }: { entryId: string; releases: Release[]; open: boolean }) {
  const { t } = useTranslation();
  return (
    <EntryPeople
      list="releases"
      formId="release"
      entryId={entryId}
      people={releases}
      open={open}
      schema={releaseSchema}
      text={{ title: t("releases.title"), intro: t("releases.intro"), add: t("releases.add") }}
      show={(release) =>
        `${release.person} · ${
          release.minor
            ? t("releases.byGuardian", { name: release.consentGivenBy })
            : t("releases.bySelf", { name: release.consentGivenBy })
        }`
      }
      nameOf={(release) => release.person}
      fields={(fields) => (
        <>
          <InputField
            field={fields.person}
            label={t("releases.person")}
            hint={t("releases.personHint")}
            autoComplete="off"
          />
          <CheckboxInputField field={fields.minor} label={t("releases.minor")} />
          <InputField
            field={fields.consentGivenBy}
            label={t("releases.consentGivenBy")}
            hint={t("releases.consentGivenByHint")}
            autoComplete="off"
          />
        </>
      )}
    />
  );
}
