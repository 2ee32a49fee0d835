import { useTranslation } from "~/i18n/react";
import type {
  ComponentPropsWithRef,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";

/**
 * Form pieces with their accessibility wired once: a label for every control, hints and errors
 * tied to it with aria-describedby, aria-invalid when something is wrong. Errors arrive as
 * translation keys (from the shared zod schemas) and are translated here. They need no form
 * library; components/forms.tsx binds them to Conform's fields.
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

/** What a control needs to point at its hint, its errors and anything else that describes it. */
type Described = { "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/**
 * The frame every labelled control shares: the label (for screen readers only with `hideLabel`,
 * for a control in a table row whose header already names it), the hint, the control, its errors
 * and anything that follows (a word count, described by `afterId`). Without `hideLabel` the whole
 * sits in a `.field` block.
 */
function Labelled({
  id,
  label,
  hint,
  errors,
  after,
  afterId,
  hideLabel,
  control,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: ErrorMessages;
  after?: ReactNode;
  afterId?: string;
  hideLabel?: boolean;
  control: (described: Described) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const parts = (
    <>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {control({
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId, afterId].filter(Boolean).join(" ") || undefined,
      })}
      <ErrorList id={errorId} errors={errors} />
      {after}
    </>
  );
  return hideLabel ? parts : <div className="field">{parts}</div>;
}

/** A labelled input of any type (a file picker included) with an optional hint and its errors. */
export function Field({
  label,
  hint,
  errors,
  inputProps,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: ErrorMessages;
  inputProps: ComponentPropsWithRef<"input"> & { id: string };
}) {
  return (
    <Labelled
      id={inputProps.id}
      label={label}
      hint={hint}
      errors={errors}
      control={(described) => <input {...inputProps} {...described} />}
    />
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
  label: ReactNode;
  hint?: ReactNode;
  after?: ReactNode;
  afterId?: string;
  errors?: ErrorMessages;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
}) {
  return (
    <Labelled
      id={textareaProps.id}
      label={label}
      hint={hint}
      errors={errors}
      after={after}
      afterId={afterId}
      control={(described) => <textarea {...textareaProps} {...described} />}
    />
  );
}

/** A labelled select, its options given as children; `hideLabel` as in a table row. */
export function PlainSelectField({
  label,
  hint,
  hideLabel,
  errors,
  children,
  selectProps,
}: {
  label: ReactNode;
  hint?: ReactNode;
  hideLabel?: boolean;
  errors?: ErrorMessages;
  children: ReactNode;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string };
}) {
  return (
    <Labelled
      id={selectProps.id}
      label={label}
      hint={hint}
      hideLabel={hideLabel}
      errors={errors}
      control={(described) => (
        <select {...selectProps} {...described}>
          {children}
        </select>
      )}
    />
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

/**
 * One radio or checkbox of a group, its label after it; an optional note sits in the label and
 * describes the choice as `{id}-note`.
 */
export function Choice({
  label,
  note,
  className = "choice",
  inputProps,
}: {
  label: ReactNode;
  note?: { text: ReactNode; className?: string };
  className?: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; type: "radio" | "checkbox" };
}) {
  const noteId = note ? `${inputProps.id}-note` : undefined;
  return (
    <div className={className}>
      <input {...inputProps} aria-describedby={noteId} />
      <label htmlFor={inputProps.id}>
        {label}
        {note ? (
          <span id={noteId} className={note.className}>
            {note.text}
          </span>
        ) : null}
      </label>
    </div>
  );
}
