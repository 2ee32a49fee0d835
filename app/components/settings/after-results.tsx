import { useTranslation } from "react-i18next";
import { CheckboxInputField, InputField, TextareaInputField } from "~/components/forms";
import type { SettingsFields } from "./settings-form";

/** What entrants get after the results: the judges' notes (reviewed first), and certificates. */
export function AfterResultsSection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card" id="settings-after">
      <legend>{t("settings.afterResults")}</legend>
      <CheckboxInputField field={fields.feedback} label={t("settings.feedback")} />
      <CheckboxInputField field={fields.feedbackScores} label={t("settings.feedbackScores")} />
      <TextareaInputField
        field={fields.certificateWording}
        label={t("settings.certificateWording")}
        hint={t("settings.certificateWordingHint")}
        textareaProps={{ rows: 3 }}
      />
      <InputField
        field={fields.certificateSignature}
        label={t("settings.certificateSignature")}
        hint={t("settings.certificateSignatureHint")}
      />
    </fieldset>
  );
}
