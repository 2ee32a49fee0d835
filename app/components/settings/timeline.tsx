import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { InputField } from "~/components/forms";
import { TIMELINE } from "~/schemas/contest";
import type { SettingsFields } from "./settings-form";

/** The contest's time zone and its dates, as wall times in that zone. */
export function TimelineSection({ fields, timeZones }: { fields: SettingsFields; timeZones: string[] }) {
  const { t } = useTranslation();
  return (
    <FormSection id="settings-timeline" className="card" title={t("settings.timeline")}>
      <InputField
        field={fields.timezone}
        label={t("settings.timezone")}
        hint={t("settings.timezoneHint")}
        inputProps={{ list: "time-zones" }}
      />
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {TIMELINE.map((key) => (
        <InputField key={key} field={fields[key]} type="datetime-local" label={t(`settings.${key}`)} />
      ))}
      <InputField
        field={fields.graceMinutes}
        type="number"
        label={t("settings.graceMinutes")}
        hint={t("settings.graceHint")}
      />
    </FormSection>
  );
}
