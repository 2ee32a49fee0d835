import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "~/i18n/react";
import type { useAutosave } from "~/components/autosave";
import { FormSection } from "~/components/form-section";
import type { EntryPage } from "~/components/entry/entry-page";
import { isEntryProblem, MissingList, SubmitActions } from "~/components/entry/submit";
import {
  CheckboxInputField,
  ChoicesField,
  InputField,
  TextareaInputField,
  type ErrorMessages,
} from "~/components/forms";
import { parseForm, type FormResult } from "~/forms";
import type { Problem } from "~/models/problem";
import { countWords } from "~/models/eligibility";
import { entryFormSchema } from "~/schemas/entry";

type Field = Parameters<typeof ChoicesField>[0]["field"];

function YesNo({
  field,
  label,
  value,
  disabled,
}: {
  field: Field;
  label: string;
  value: boolean | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ChoicesField
      field={field}
      type="radio"
      legend={label}
      idPrefix={field.name}
      className="choices inline"
      disabled={disabled}
      required
      options={[
        { value: "yes", label: t("entry.yes"), defaultChecked: value === true },
        { value: "no", label: t("entry.no"), defaultChecked: value === false },
      ]}
    />
  );
}

/**
 * The entry's details and declarations, saved as the entrant types (`autosave`), then what is
 * missing (`missing`, as the latest save said) and the buttons that save or submit them. Fields
 * keep the ids the page always had (title, statement, aiUse-none...): links and browser tests
 * point at them. Each part is a section that folds on a phone; what the entry needs before it can
 * be submitted is marked `required`, which the sections count.
 */
export function EntryForm({
  entry,
  category,
  contest,
  open,
  missing,
  lastResult,
  autosave,
}: Pick<EntryPage, "entry" | "category" | "contest" | "open"> & {
  missing: Problem[];
  lastResult: FormResult | undefined;
  autosave: ReturnType<typeof useAutosave<{ missing?: Problem[] }>>;
}) {
  const { t } = useTranslation();
  const missingRef = useRef<HTMLElement>(null);
  const [words, setWords] = useState(countWords(entry.statement));
  const [form, fields] = useForm({
    id: "entry",
    lastResult,
    onValidate: ({ formData }) => parseForm(formData, entryFormSchema),
  });
  const formProps = getFormProps(form);
  // A refused submission (or save) moves focus to what is missing, which reads it out once.
  useEffect(() => {
    if (lastResult && form.errors?.length) missingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer, not per render
  }, [lastResult]);
  // The autosave settles first (a save in flight delays the submission); then Conform checks.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    autosave.onSubmit(event);
    if (!event.defaultPrevented) formProps.onSubmit(event);
  };
  const disabled = !open;
  const yesNo = (name: "identifiablePeople" | "showsSurvivors" | "showsExactLocations" | "graphicContent") => (
    <YesNo field={fields[name]} label={t(`entry.${name}`)} value={entry[name]} disabled={disabled} />
  );

  return (
    <Form
      method="post"
      {...formProps}
      ref={autosave.formRef}
      onChange={autosave.onChange}
      onSubmit={onSubmit}
      preventScrollReset
      className="panel entry-form"
    >
      <input type="hidden" name="revision" defaultValue={entry.revision} />
      <FormSection as="div" id="entry-details" title={t("entry.details")} titleHidden>
        <InputField
          field={fields.title}
          label={t("entry.workTitle")}
          inputProps={{ id: "title", required: true, defaultValue: entry.title, maxLength: 200, disabled }}
        />
        <TextareaInputField
          field={fields.summary}
          label={t("entry.summary")}
          hint={t("entry.summaryHint")}
          textareaProps={{ id: "summary", required: true, rows: 2, defaultValue: entry.summary, disabled }}
        />
        <TextareaInputField
          field={fields.statement}
          label={t("entry.statement")}
          hint={t("entry.statementHint", { max: category.statementMaxWords })}
          afterId="statement-count"
          after={
            <p id="statement-count" className={words > category.statementMaxWords ? "error-list" : "field-hint"}>
              {t("entry.words", { count: words, max: category.statementMaxWords })}
            </p>
          }
          textareaProps={{
            id: "statement",
            required: true,
            rows: 8,
            defaultValue: entry.statement,
            onInput: (event) => setWords(countWords(event.currentTarget.value)),
            disabled,
          }}
        />
        <InputField
          field={fields.language}
          label={t("entry.language")}
          inputProps={{ id: "language", required: true, defaultValue: entry.language, maxLength: 60, disabled }}
        />
        {category.accessibilityText === "captions_or_transcript" ? (
          <TextareaInputField
            field={fields.transcript}
            label={t("entry.transcript")}
            hint={t("entry.transcriptHint")}
            textareaProps={{ id: "transcript", required: true, rows: 6, defaultValue: entry.transcript, disabled }}
          />
        ) : null}
      </FormSection>

      <FormSection as="div" id="entry-declarations" title={t("entry.declarations")}>
        <CheckboxInputField
          field={fields.originalWork}
          label={t("entry.originalWork")}
          inputProps={{ id: "originalWork", required: true, defaultChecked: entry.originalWork, disabled }}
        />
        <ChoicesField
          field={fields.aiUse}
          type="radio"
          legend={t("entry.aiUse")}
          idPrefix="aiUse"
          disabled={disabled}
          required
          options={(["none", "assisted", "generated"] as const).map((value) => ({
            value,
            label: t(`entry.ai${value[0]!.toUpperCase()}${value.slice(1)}`),
            defaultChecked: entry.aiUse === value,
          }))}
        />
        <TextareaInputField
          field={fields.aiUseDetails}
          label={t("entry.aiDetails")}
          textareaProps={{ id: "aiUseDetails", rows: 2, defaultValue: entry.aiUseDetails, disabled }}
        />
        <CheckboxInputField
          field={fields.licence}
          label={t("entry.licence")}
          inputProps={{ id: "licence", required: true, defaultChecked: entry.licence, disabled }}
        />
        {yesNo("identifiablePeople")}
        <CheckboxInputField
          field={fields.releases}
          label={t("entry.releases")}
          inputProps={{ id: "releases", defaultChecked: entry.releases, disabled }}
        />
      </FormSection>

      <FormSection as="div" id="entry-do-no-harm" title={t("entry.doNoHarm")}>
        {yesNo("showsSurvivors")}
        {yesNo("showsExactLocations")}
        {yesNo("graphicContent")}
      </FormSection>

      <MissingList
        ref={missingRef}
        // a refusal's other reasons (the profile, eligibility, the deadline) stay until the next
        // try; what the entry lacks is always the live list
        problems={[...((form.errors as ErrorMessages) ?? []).filter((p) => !isEntryProblem(p)), ...missing]}
      />
      {open ? <p className="field-hint">{t("entry.retention", { count: contest.retentionMonths })}</p> : null}
      {open ? <SubmitActions status={entry.status} /> : null}
    </Form>
  );
}
