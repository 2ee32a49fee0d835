import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { InputField, SelectField, TextareaInputField } from "~/components/forms";
import { locales, type Locale } from "~/i18n";
import { MarkdownField } from "./markdown-field";
import type { SettingsFields } from "./settings-form";

/** The contest's languages as the form holds them now (a checkbox group gives one value or several). */
function offered(fields: SettingsFields): Locale[] {
  const value = fields.languages.value as string | string[] | undefined;
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return locales.filter((locale) => list.includes(locale));
}

/**
 * The contest's own texts in each of its other languages: its title, theme, summary, rules, FAQ,
 * certificate wording and email words, and each category's name and description. A text left
 * empty shows the first language's. A language the organizer stops offering keeps its texts,
 * hidden, until it is offered again.
 */
export function LanguagesSection({ fields, slug }: { fields: SettingsFields; slug: string }) {
  const { t } = useTranslation();
  const languages = offered(fields);
  const first = (fields.firstLanguage.value as Locale | undefined) ?? languages[0] ?? "en";
  const translations = fields.translations.getFieldset();
  const categories = fields.categories.getFieldList();
  const firstName = t(`languages.${first}`);
  return (
    <FormSection id="settings-languages" className="card" optional title={t("settings.languagesPart")}>
      <SelectField
        field={fields.firstLanguage}
        label={t("settings.firstLanguage")}
        hint={t("settings.firstLanguageHint")}
      >
        {(languages.length > 0 ? languages : locales).map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </SelectField>
      {languages.length < 2 ? <p className="field-hint">{t("settings.oneLanguage")}</p> : null}
      {locales.map((locale) => {
        const texts = translations[locale].getFieldset();
        const shown = locale !== first && languages.includes(locale);
        const name = t(`languages.${locale}`);
        const label = (text: string) => t("settings.inLanguage", { label: text, language: name });
        return (
          <fieldset key={locale} className="plain-fieldset field translation" hidden={!shown}>
            <legend>{t("settings.textsIn", { language: name })}</legend>
            <p className="field-hint">{t("settings.textsInHint", { language: firstName })}</p>
            <InputField field={texts.title} label={label(t("settings.contestTitle"))} inputProps={{ lang: locale }} />
            <InputField field={texts.theme} label={label(t("settings.theme"))} inputProps={{ lang: locale }} />
            <TextareaInputField
              field={texts.summary}
              label={label(t("settings.summary"))}
              textareaProps={{ rows: 3, lang: locale }}
            />
            {(["rules", "faq"] as const).map((key) => (
              <MarkdownField
                key={key}
                field={texts[key]}
                label={label(t(`settings.${key}`))}
                endpoint={`/organize/${slug}/markdown`}
                saved={{ source: "", html: "" }}
                lang={locale}
              />
            ))}
            {categories.map((item, index) => {
              const category = item.getFieldset();
              const own = category.translations.getFieldset()[locale].getFieldset();
              const categoryLabel = category.name.value || String(index + 1);
              return (
                <div key={item.key} className="field-row">
                  <InputField
                    field={own.name}
                    label={label(t("settings.categoryNameIn", { name: categoryLabel }))}

                    inputProps={{ lang: locale }}
                  />
                  <TextareaInputField
                    field={own.description}
                    label={label(t("settings.categoryDescriptionIn", { name: categoryLabel }))}

                    textareaProps={{ rows: 2, lang: locale }}
                  />
                </div>
              );
            })}
            <TextareaInputField
              field={texts.certificateWording}
              label={label(t("settings.certificateWording"))}

              textareaProps={{ rows: 2, lang: locale }}
            />
            {(["emailReceipt", "emailScreened", "emailDraftReminder", "emailResults"] as const).map((key) => (
              <TextareaInputField
                key={key}
                field={texts[key]}
                label={label(t(`settings.${key}`))}

                textareaProps={{ rows: 2, lang: locale }}
              />
            ))}
          </fieldset>
        );
      })}
    </FormSection>
  );
}
