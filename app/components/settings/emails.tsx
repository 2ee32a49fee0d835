import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { TextareaInputField } from "~/components/forms";
import type { SettingsFields } from "./settings-form";

/** The contest's own words added to the emails Mosaic sends entrants. */
export function EmailsSection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <FormSection id="settings-emails" className="card" optional title={t("settings.emails")}>
      <p className="field-hint">{t("settings.emailsHint")}</p>
      {(["emailReceipt", "emailScreened", "emailDraftReminder", "emailResults"] as const).map((key) => (
        <TextareaInputField key={key} field={fields[key]} label={t(`settings.${key}`)} textareaProps={{ rows: 3 }} />
      ))}
    </FormSection>
  );
}
