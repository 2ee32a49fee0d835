import { getCollectionProps, getInputProps, type FieldName } from "@conform-to/react";
import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { CheckboxField, ErrorList, InputField, SelectField, TextareaInputField } from "~/components/forms";
import { ACCESSIBILITY_TEXTS, MAX_CATEGORIES, MEDIA_TYPES } from "~/schemas/contest";
import type { SettingsFields, SettingsForm, SettingsValues } from "./settings-form";

type CategoryField = ReturnType<SettingsFields["categories"]["getFieldList"]>[number];

/** A new category's values, before the organizer fills it in. */
const NEW_CATEGORY = {
  slug: "",
  name: "",
  description: "",
  allowedTypes: [],
  maxFileMb: 25,
  maxFiles: 1,
  accessibilityText: "alt_text",
  statementMaxWords: 300,
};

/** The contest's categories, each with what it takes (file types, sizes, texts); added and removed in place. */
export function CategoriesSection({ form, fields }: { form: SettingsForm; fields: SettingsFields }) {
  const { t } = useTranslation();
  const categories = fields.categories.getFieldList();
  // Conform types its list buttons for string errors; ours are problems (app/forms.ts)
  const name = fields.categories.name as FieldName<SettingsValues["categories"]>;
  return (
    <FormSection id="settings-categories" className="card" title={t("settings.categories")}>
      <ol className="card-list">
        {categories.map((item, index) => (
          <li key={item.key} className="card">
            <CategoryFields item={item} index={index} />
            {categories.length > 1 ? (
              <button
                className="link-button"
                {...form.remove.getButtonProps({ name, index })}
                aria-label={t("settings.removeCategoryNamed", { name: item.getFieldset().name.value || index + 1 })}
              >
                {t("settings.removeCategory")}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <ErrorList id={fields.categories.errorId} errors={fields.categories.errors} />
      {categories.length < MAX_CATEGORIES ? (
        <button
          className="button button-secondary"
          {...form.insert.getButtonProps({ name, defaultValue: NEW_CATEGORY })}
        >
          {t("settings.addCategory")}
        </button>
      ) : null}
    </FormSection>
  );
}

function CategoryFields({ item, index }: { item: CategoryField; index: number }) {
  const { t } = useTranslation();
  const f = item.getFieldset();
  return (
    <>
      <h3>{t("settings.category", { number: index + 1 })}</h3>
      <input {...getInputProps(f.id, { type: "hidden" })} />
      <div className="field-row">
        <InputField field={f.name} label={t("settings.categoryName")} />
        <InputField field={f.slug} label={t("settings.slug")} />
      </div>
      <TextareaInputField field={f.description} label={t("settings.categoryDescription")} textareaProps={{ rows: 2 }} />
      <fieldset className="plain-fieldset field">
        <legend>{t("settings.allowedTypes")}</legend>
        <div className="check-grid">
          {getCollectionProps(f.allowedTypes, { type: "checkbox", options: [...MEDIA_TYPES] }).map(
            ({ key, ...props }) => (
              <CheckboxField
                key={key}
                label={t(`media.${props.value}`, { defaultValue: props.value })}
                inputProps={props}
              />
            ),
          )}
        </div>
        <ErrorList errors={f.allowedTypes.errors} />
      </fieldset>
      <div className="field-row">
        <InputField field={f.maxFileMb} type="number" label={t("settings.maxFileMb")} />
        <InputField
          field={f.maxDurationMin}
          type="number"
          label={t("settings.maxDurationMin")}
          hint={t("settings.maxDurationHint")}
        />
        <InputField field={f.maxFiles} type="number" label={t("settings.maxFiles")} />
      </div>
      <div className="field-row">
        <SelectField field={f.accessibilityText} label={t("settings.accessibilityText")}>
          {ACCESSIBILITY_TEXTS.map((a) => (
            <option key={a} value={a}>
              {t(`settings.accessibility.${a}`)}
            </option>
          ))}
        </SelectField>
        <InputField field={f.statementMaxWords} type="number" label={t("settings.statementMaxWords")} />
      </div>
    </>
  );
}
