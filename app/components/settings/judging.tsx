import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { CheckboxInputField, InputField, SelectField } from "~/components/forms";
import { FINAL_METHODS, NORMALISATIONS } from "~/schemas/contest";
import type { SettingsFields } from "./settings-form";

/** How entries are judged: judges per entry, blindness, conflicts by country, how each round ranks. */
export function JudgingSection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <FormSection id="settings-judging" className="card" title={t("settings.judging")}>
      <InputField field={fields.judgesPerEntry} type="number" label={t("settings.judgesPerEntry")} />
      <CheckboxInputField field={fields.blindJudging} label={t("settings.blindJudging")} />
      <CheckboxInputField field={fields.avoidSameCountry} label={t("settings.avoidSameCountry")} />
      <CheckboxInputField field={fields.hideCountry} label={t("settings.hideCountry")} />
      <SelectField field={fields.normalisation} label={t("settings.normalisation")} hint={t("settings.methodHint")}>
        {NORMALISATIONS.map((n) => (
          <option key={n} value={n}>
            {t(`settings.normalisations.${n}`)}
          </option>
        ))}
      </SelectField>
      <SelectField field={fields.finalMethod} label={t("settings.finalMethod")}>
        {FINAL_METHODS.map((n) => (
          <option key={n} value={n}>
            {t(`settings.normalisations.${n}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        field={fields.pairwiseTargetPercent}
        type="number"
        label={t("settings.pairwiseTarget")}
        hint={t("settings.pairwiseTargetHint")}
      />
    </FormSection>
  );
}

/** How long entries are kept after the results (the dashboard links here, to #retention). */
export function PrivacySection({ fields }: { fields: SettingsFields }) {
  const { t } = useTranslation();
  return (
    <FormSection id="retention" className="card" title={t("settings.privacy")}>
      <InputField
        field={fields.retentionMonths}
        type="number"
        label={t("settings.retentionMonths")}
        hint={t("settings.retentionHint")}
      />
    </FormSection>
  );
}
