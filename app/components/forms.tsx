import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { revealSection } from "~/components/form-section";
import {
  CheckboxField,
  Choice,
  ErrorList,
  Field,
  PlainSelectField,
  TextAreaField,
  type ErrorMessages,
} from "~/components/plain-fields";
import type { InputHTMLAttributes, MouseEvent, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Form pieces bound to Conform forms: each field's name, id, value, constraints and errors come
 * from the form. The labelled controls themselves, which need no form library, are in
 * plain-fields.tsx (re-exported here), so that a page without a Conform form (the root's
 * language picker) does not download Conform.
 */
export { CheckboxField, Choice, ErrorList, Field, PlainSelectField, TextAreaField, type ErrorMessages };

/**
 * An in-page link's jump, with the keyboard's focus: to the field (or section heading) itself,
 * in the middle of the screen, its part of a long form opened first if a phone had it folded
 * (components/form-section.tsx). The address keeps the fragment, as the link without scripts would.
 */
export function jumpTo(event: MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  revealSection(target);
  // a section's heading can take focus too, without joining the Tab order
  if (!target.matches("input, textarea, select, button, a[href], [tabindex]")) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
  history.replaceState(history.state, "", `#${id}`);
}

/** The parts of a Conform form that {@link FormErrors} reads. */
type FormState = {
  id: string;
  errorId: string;
  errors?: ErrorMessages | string[];
  allErrors: Record<string, unknown>;
  status?: "success" | "error";
};

/**
 * A form's errors at its top: what stopped the whole form (read out when it appears), then, after
 * a refused submission, a link to each field with a problem, named by its label, so a long form's
 * problems are found from one place. A link moves focus to its field.
 */
export function FormErrors({ form }: { form: FormState }) {
  const { t } = useTranslation();
  const fields =
    form.status === "error"
      ? Object.entries(form.allErrors).filter(
          (entry): entry is [string, ErrorMessages & object] =>
            entry[0] !== "" && Array.isArray(entry[1]) && entry[1].length > 0,
        )
      : [];
  const names = fields.map(([name]) => name).join("\n");
  // Each field's control and label, found on the page once the list is drawn (a field is
  // `{form}-{name}`, or for a group of choices the first control of that name under a legend).
  const [found, setFound] = useState<Record<string, { id: string; label: string }>>({});
  // a form of one field says its problem beside that field alone
  const [single, setSingle] = useState(false);
  const formId = form.id;
  useEffect(() => {
    const element = document.getElementById(formId);
    if (element instanceof HTMLFormElement) {
      const controls = Array.from(element.elements).filter(
        (control) =>
          control instanceof HTMLInputElement ||
          control instanceof HTMLTextAreaElement ||
          control instanceof HTMLSelectElement,
      ) as (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[];
      setSingle(
        new Set(controls.filter((control) => control.type !== "hidden").map((control) => control.name)).size <= 1,
      );
    }
  }, [formId]);
  useEffect(() => {
    const entries = names
      .split("\n")
      .filter(Boolean)
      .map((name) => {
        const control =
          document.getElementById(`${formId}-${name}`) ??
          document.querySelector<HTMLElement>(`[form="${CSS.escape(formId)}"][name="${CSS.escape(name)}"]`) ??
          document.getElementById(formId)?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
        // a group of choices is named by its legend, a single control by its label
        const labelOf = (element: HTMLElement) => {
          const named = document.querySelectorAll(`[name="${CSS.escape(name)}"]:not([type=hidden])`);
          const group = named.length > 1 ? element.closest("fieldset") : null;
          const text =
            group?.querySelector("legend")?.textContent ?? (element as HTMLInputElement).labels?.[0]?.textContent;
          return (text ?? "").trim();
        };
        return [name, { id: control?.id ?? `${formId}-${name}`, label: control ? labelOf(control) : "" }] as const;
      });
    setFound(Object.fromEntries(entries));
  }, [formId, names]);
  const formErrors = ((form.errors ?? []) as ErrorMessages) ?? [];
  const listed = single ? [] : fields;
  if (!listed.length && !formErrors.length) return null;
  const message = (error: NonNullable<ErrorMessages>[number]) =>
    typeof error === "string" ? t(error) : t(error.key, error.values);
  return (
    <div id={form.errorId} className="alert error-summary">
      <div role="alert">
        <ErrorList errors={formErrors} />
      </div>
      {listed.length ? (
        <>
          <p className="error-summary-title">{t("errors.summary", { count: listed.length })}</p>
          <ul className="error-list">
            {listed.map(([name, errors]) => {
              const target = found[name];
              const id = target?.id ?? `${formId}-${name}`;
              const text = message(errors[0]!);
              return (
                <li key={name}>
                  <a href={`#${id}`} onClick={(event) => jumpTo(event, id)}>
                    {target?.label ? t("errors.fieldProblem", { field: target.label, problem: text }) : text}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}

type ConformField = Parameters<typeof getInputProps>[0];

/**
 * A {@link Field} for a Conform field (text unless `type` says otherwise): its name, id, value,
 * constraints and errors come from the form.
 */
export function InputField({
  field,
  type = "text",
  label,
  hint,
  autoComplete,
  inputProps,
}: {
  field: ConformField;
  type?: "text" | "number" | "email" | "date" | "datetime-local" | "search";
  label: string;
  hint?: string;
  autoComplete?: string;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Field
      label={label}
      hint={hint}
      errors={field.errors}
      inputProps={{ ...getInputProps(field, { type, ariaAttributes: false }), autoComplete, ...inputProps }}
    />
  );
}

/** A {@link TextAreaField} for a Conform field. */
export function TextareaInputField({
  field,
  textareaProps,
  ...frame
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
      {...frame}
      errors={field.errors}
      textareaProps={{ ...getTextareaProps(field, { ariaAttributes: false }), ...textareaProps }}
    />
  );
}

/** A {@link PlainSelectField} for a Conform field, its options given as children. */
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
  return (
    <PlainSelectField
      label={label}
      hint={hint}
      hideLabel={hideLabel}
      errors={field.errors as ErrorMessages}
      selectProps={{ ...getSelectProps(field, { ariaAttributes: false }), ...selectProps }}
    >
      {children}
    </PlainSelectField>
  );
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
 * A group of radios or checkboxes for one Conform field, under a legend and an optional hint.
 * Each choice's id is `{idPrefix}-{value}` (the field's id unless given: links and browser tests
 * point at ids such as `aiUse-none` and `category-<id>`); see {@link Choice} for its label and
 * note. A choice starts ticked when the option says so, else when the field's value is (or, for
 * checkboxes, holds) it. The group's errors follow the choices, then anything given as children.
 */
export function ChoicesField({
  field,
  type,
  legend,
  hint,
  options,
  idPrefix = field.id,
  className = "choices",
  choiceClassName,
  disabled,
  required,
  children,
}: {
  field: ConformField;
  type: "radio" | "checkbox";
  legend: ReactNode;
  hint?: ReactNode;
  options: {
    value: string;
    label: ReactNode;
    note?: { text: ReactNode; className?: string };
    disabled?: boolean;
    defaultChecked?: boolean;
  }[];
  idPrefix?: string;
  className?: string;
  choiceClassName?: string;
  disabled?: boolean;
  required?: boolean;
  children?: ReactNode;
}) {
  const errorId = field.errors?.length ? `${idPrefix}-error` : undefined;
  const initial = field.initialValue;
  const chosen = (value: string) =>
    type === "checkbox" && Array.isArray(initial) ? initial.includes(value) : String(initial) === value;
  return (
    <fieldset className={className} aria-describedby={errorId} disabled={disabled}>
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {options.map((option) => (
        <Choice
          // Conform gives the field a new key when it resets it, so the choices start again.
          key={`${field.key ?? ""}${option.value}`}
          className={choiceClassName}
          label={option.label}
          note={option.note}
          inputProps={{
            type,
            id: `${idPrefix}-${option.value}`,
            name: field.name,
            form: field.formId,
            value: option.value,
            defaultChecked: option.defaultChecked ?? chosen(option.value),
            disabled: option.disabled,
            required,
            "aria-invalid": errorId ? true : undefined,
          }}
        />
      ))}
      <ErrorList id={errorId} errors={field.errors as ErrorMessages} />
      {children}
    </fieldset>
  );
}
