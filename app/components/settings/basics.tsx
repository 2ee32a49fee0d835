import { getCollectionProps } from "@conform-to/react";
import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { CheckboxField, ErrorList, InputField, TextareaInputField } from "~/components/forms";
import { locales } from "~/i18n";
import { MarkdownField, type Rendered } from "./markdown-field";
import type { SettingsFields } from "./settings-form";

/** What the contest is called and says about itself: title, address, theme, rules, FAQ, languages. */
export function BasicsSection({
  fields,
  slug,
  slugLocked,
  saved,
}: {
  fields: SettingsFields;
  slug: string;
  /** the address stays once the contest has opened: links to it are out in the world */
  slugLocked: boolean;
  saved: { rules: Rendered; faq: Rendered };
}) {
  const { t } = useTranslation();
  return (
    <FormSection id="settings-basics" className="card" title={t("settings.basics")}>
      <InputField field={fields.title} label={t("settings.contestTitle")} />
      <InputField
        field={fields.slug}
        label={t("settings.slug")}
        hint={slugLocked ? t("settings.slugLockedHint") : t("settings.slugHint")}
        inputProps={{ readOnly: slugLocked }}
      />
      <InputField field={fields.theme} label={t("settings.theme")} />
      <TextareaInputField field={fields.summary} label={t("settings.summary")} textareaProps={{ rows: 3 }} />
      <InputField field={fields.organizerName} label={t("settings.organizerName")} />
      <MarkdownField
        field={fields.rules}
        label={t("settings.rules")}
        endpoint={`/organize/${slug}/markdown`}
        saved={saved.rules}
      />
      <MarkdownField
        field={fields.faq}
        label={t("settings.faq")}
        endpoint={`/organize/${slug}/markdown`}
        saved={saved.faq}
      />
      <fieldset className="plain-fieldset field">
        <legend>{t("settings.languages")}</legend>
        {getCollectionProps(fields.languages, { type: "checkbox", options: [...locales] }).map(({ key, ...props }) => (
          <CheckboxField key={key} label={t(`languages.${props.value}`)} inputProps={props} />
        ))}
        <ErrorList errors={fields.languages.errors} />
      </fieldset>
    </FormSection>
  );
}
