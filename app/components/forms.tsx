import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Form pieces with their accessibility wired once: a label for every input, hints and errors
 * tied to it with aria-describedby, aria-invalid when something is wrong. Errors arrive as
 * translation keys (from the shared zod schemas) and are translated here.
 */
export type ErrorMessages = (string | { key: string; values?: Record<string, unknown> })[] | undefined | null;

export function ErrorList({ id, errors }: { id?: string; errors: ErrorMessages }) {
  const { t } = useTranslation();
  const list = (errors ?? []).filter(Boolean);
  if (list.length === 0) return null;
  return (
    <ul id={id} className="error-list">
      {list.map((error) => {
        const message = typeof error === "string" ? t(error) : t(error.key, error.values);
        return <li key={message}>{message}</li>;
      })}
    </ul>
  );
}

export function Field({
  label,
  hint,
  errors,
  inputProps,
}: {
  label: string;
  hint?: string;
  errors?: ErrorMessages;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
}) {
  const hintId = hint ? `${inputProps.id}-hint` : undefined;
  const errorId = errors?.length ? `${inputProps.id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputProps.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** A labelled text area with an optional hint and anything that follows it (a word count). */
export function TextAreaField({
  label,
  hint,
  after,
  afterId,
  errors,
  textareaProps,
}: {
  label: string;
  hint?: string;
  after?: ReactNode;
  afterId?: string;
  errors?: ErrorMessages;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
}) {
  const hintId = hint ? `${textareaProps.id}-hint` : undefined;
  const errorId = errors?.length ? `${textareaProps.id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={textareaProps.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        {...textareaProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId, afterId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={errorId} errors={errors} />
      {after}
    </div>
  );
}

/** A checkbox with its label after it, and its errors tied to it. */
export function CheckboxField({
  label,
  errors,
  inputProps,
}: {
  label: ReactNode;
  errors?: ErrorMessages;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string };
}) {
  const errorId = errors?.length ? `${inputProps.id}-error` : undefined;
  return (
    <div className="field field-check">
      <input {...inputProps} aria-invalid={errorId ? true : undefined} aria-describedby={errorId} />
      <label htmlFor={inputProps.id}>{label}</label>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

type ConformField = Parameters<typeof getInputProps>[0];

/** A {@link Field} for a Conform field: its name, id, value, constraints and errors come from the form. */
export function InputField({
  field,
  type,
  label,
  hint,
  inputProps,
}: {
  field: ConformField;
  type: "text" | "number" | "email" | "date" | "datetime-local" | "search";
  label: string;
  hint?: string;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Field
      label={label}
      hint={hint}
      errors={field.errors}
      inputProps={{ ...getInputProps(field, { type, ariaAttributes: false }), ...inputProps }}
    />
  );
}

/** A {@link TextAreaField} for a Conform field. */
export function TextareaInputField({
  field,
  label,
  hint,
  after,
  afterId,
  textareaProps,
}: {
  field: ConformField;
  label: string;
  hint?: string;
  after?: ReactNode;
  afterId?: string;
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>;
}) {
  return (
    <TextAreaField
      label={label}
      hint={hint}
      after={after}
      afterId={afterId}
      errors={field.errors}
      textareaProps={{ ...getTextareaProps(field, { ariaAttributes: false }), ...textareaProps }}
    />
  );
}

/**
 * A labelled select for a Conform field, its options given as children. `hideLabel` keeps the
 * label for screen readers only, for a select in a table row whose header already says what it is.
 */
export function SelectField({
  field,
  label,
  hint,
  hideLabel,
  children,
  selectProps,
}: {
  field: ConformField;
  label: string;
  hint?: string;
  hideLabel?: boolean;
  children: ReactNode;
  selectProps?: SelectHTMLAttributes<HTMLSelectElement>;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errorId = field.errors?.length ? `${field.id}-error` : undefined;
  const parts = (
    <>
      <label htmlFor={field.id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <select
        {...getSelectProps(field, { ariaAttributes: false })}
        {...selectProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      >
        {children}
      </select>
      <ErrorList id={errorId} errors={field.errors as ErrorMessages} />
    </>
  );
  return hideLabel ? parts : <div className="field">{parts}</div>;
}

/** A {@link CheckboxField} for a Conform field; `value` is what a ticked box sends ("on"). */
export function CheckboxInputField({
  field,
  label,
  inputProps,
}: {
  field: ConformField;
  label: ReactNode;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <CheckboxField
      label={label}
      errors={field.errors}
      inputProps={{ ...getInputProps(field, { type: "checkbox", value: "on", ariaAttributes: false }), ...inputProps }}
    />
  );
}

/**
 * A group of radios or checkboxes for one Conform field, under a legend. Each choice's id is
 * `{idPrefix}-{value}` (the field's id unless given: links and browser tests point at ids such as
 * `aiUse-none` and `category-<id>`); its label follows it, and an option's note sits in the label,
 * tied to the choice as `{id}-note`. A choice starts ticked when the option says so, else when
 * the field's value is (or, for checkboxes, holds) it. The group's errors follow the choices.
 */
export function ChoicesField({
  field,
  type,
  legend,
  options,
  idPrefix = field.id,
  className = "choices",
  disabled,
  required,
}: {
  field: ConformField;
  type: "radio" | "checkbox";
  legend: string;
  options: {
    value: string;
    label: ReactNode;
    note?: { text: ReactNode; className?: string };
    disabled?: boolean;
    defaultChecked?: boolean;
  }[];
  idPrefix?: string;
  className?: string;
  disabled?: boolean;
  required?: boolean;
}) {
  const errorId = field.errors?.length ? `${idPrefix}-error` : undefined;
  const initial = field.initialValue;
  const chosen = (value: string) =>
    type === "checkbox" && Array.isArray(initial) ? initial.includes(value) : initial === value;
  return (
    <fieldset className={className} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${idPrefix}-${option.value}`;
        return (
          // Conform gives the field a new key when it resets it, so the choices start again.
          <div className="choice" key={`${field.key ?? ""}${option.value}`}>
            <input
              type={type}
              id={id}
              name={field.name}
              form={field.formId}
              value={option.value}
              defaultChecked={option.defaultChecked ?? chosen(option.value)}
              disabled={disabled || option.disabled}
              required={required}
              aria-invalid={errorId ? true : undefined}
              aria-describedby={option.note ? `${id}-note` : undefined}
            />
            <label htmlFor={id}>
              {option.label}
              {option.note ? (
                <span id={`${id}-note`} className={option.note.className}>
                  {option.note.text}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
      <ErrorList id={errorId} errors={field.errors as ErrorMessages} />
    </fieldset>
  );
}
