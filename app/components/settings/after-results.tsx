import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { CheckboxInputField, InputField, TextareaInputField } from "~/components/forms";
import type { SettingsFields } from "./settings-form";

/**
 * What comes after the results: the judges' notes to entrants (reviewed first), certificates, and
 * a people's choice in the gallery.
 */
export function AfterResultsSection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <FormSection id="settings-after" className="card" optional title={t("settings.afterResults")}>
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
      <CheckboxInputField field={fields.peoplesChoice} label={t("settings.peoplesChoice")} />
      <InputField
        field={fields.votingOpensAt}
        type="datetime-local"
        label={t("settings.votingOpensAt")}
        hint={t("settings.votingOpensAtHint")}
      />
      <InputField
        field={fields.votingClosesAt}
        type="datetime-local"
        label={t("settings.votingClosesAt")}
        hint={t("settings.votingClosesAtHint")}
      />
    </FormSection>
  );
}
