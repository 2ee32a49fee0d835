import { useTranslation } from "react-i18next";
import { InputField } from "~/components/forms";
import type { SettingsFields } from "./settings-form";

/** Who may enter, and how many entries each may make. */
export function EligibilitySection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card" id="settings-eligibility">
      <legend>{t("settings.eligibility")}</legend>
      <div className="field-row">
        <InputField field={fields.minAge} type="number" label={t("settings.minAge")} />
        <InputField field={fields.maxAge} type="number" label={t("settings.maxAge")} />
      </div>
      <InputField
        field={fields.allowedCountries}
        type="text"
        label={t("settings.allowedCountries")}
        hint={t("settings.allowedCountriesHint")}
      />
      <div className="field-row">
        <InputField field={fields.maxEntriesPerUser} type="number" label={t("settings.maxEntriesPerUser")} />
        <InputField field={fields.maxEntriesPerCategory} type="number" label={t("settings.maxEntriesPerCategory")} />
      </div>
      <InputField
        field={fields.guardianConsentUnder}
        type="number"
        label={t("settings.guardianConsentUnder")}
        hint={t("settings.guardianHint")}
      />
    </fieldset>
  );
}
