import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { InputField } from "~/components/forms";
import type { SettingsFields } from "./settings-form";

/** Who may enter, and how many entries each may make. */
export function EligibilitySection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <FormSection id="settings-eligibility" className="card" title={t("settings.eligibility")}>
      <NumberRow fields={fields} names={["minAge", "maxAge"]} />
      <InputField
        field={fields.allowedCountries}
        label={t("settings.allowedCountries")}
        hint={t("settings.allowedCountriesHint")}
      />
      <NumberRow fields={fields} names={["maxEntriesPerUser", "maxEntriesPerCategory"]} />
      <InputField
        field={fields.guardianConsentUnder}
        type="number"
        label={t("settings.guardianConsentUnder")}
        hint={t("settings.guardianHint")}
      />
    </FormSection>
  );
}

/** Two number fields side by side, each labelled by `settings.<name>`. */
function NumberRow({ fields, names }: { fields: SettingsFields; names: (keyof SettingsFields & string)[] }) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      {names.map((name) => (
        <InputField key={name} field={fields[name]} type="number" label={t(`settings.${name}`)} />
      ))}
    </div>
  );
}
