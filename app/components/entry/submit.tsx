import { getFormProps, useForm } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { forwardRef } from "react";
import { useTranslation } from "~/i18n/react";
import { jumpTo, type ErrorMessages } from "~/components/forms";
import { parseForm } from "~/forms";
import { entryFormSchema } from "~/schemas/entry";

/** Where on the entry page each missing thing is put right: the id of its field or section. */
const FIX_AT: Record<string, string> = {
  "missing.title": "title",
  "missing.summary": "summary",
  "missing.statement": "statement",
  "missing.statementTooLong": "statement",
  "missing.language": "language",
  "missing.media": "media-file",
  "missing.mediaPending": "media-title",
  "missing.mediaPreparing": "media-title",
  "missing.mediaRejected": "media-title",
  "missing.tooManyFiles": "media-title",
  "missing.altText": "media-title",
  "missing.transcript": "transcript",
  "missing.originalWork": "originalWork",
  "missing.aiUse": "aiUse-none",
  "missing.aiDetails": "aiUseDetails",
  "missing.licence": "licence",
  "missing.identifiablePeople": "identifiablePeople-yes",
  "missing.releases": "releases",
  "missing.releaseList": "releases-title",
  "missing.doNoHarm": "showsSurvivors-yes",
};

/** The id of the field or section that puts a missing thing right, if the entry page has one. */
export function fixAt(key: string) {
  return key.startsWith("missing.guardian.") ? "guardian-title" : FIX_AT[key];
}

/** Whether a problem is one of the entry's own (what `missing` lists), not the entrant's or the contest's. */
export function isEntryProblem(problem: NonNullable<ErrorMessages>[number]) {
  return fixAt(typeof problem === "string" ? problem : problem.key) !== undefined;
}

/**
 * "Before you can submit": what the entry still lacks, or, after a refused save or submission,
 * why it was refused, each item a link to the field that puts it right. It is not an alert, so
 * it is not read out on every load; after a refused submission the form moves focus to it
 * (`ref`), which reads it once.
 */
export const MissingList = forwardRef<HTMLElement, { problems: ErrorMessages }>(function MissingList(
  { problems },
  ref,
) {
  const { t } = useTranslation();
  if (!problems?.length) return null;
  return (
    <section ref={ref} id="missing" className="alert" tabIndex={-1} aria-labelledby="missing-title">
      <h2 id="missing-title">{t("entry.missingTitle")}</h2>
      <ul className="error-list">
        {problems.map((problem) => {
          const { key, values } = typeof problem === "string" ? { key: problem, values: undefined } : problem;
          const message = t(key, values);
          const target = fixAt(key);
          return (
            <li key={message}>
              {key === "missing.profile" ? (
                <Link to="/profile">{message}</Link>
              ) : target ? (
                <a href={`#${target}`} onClick={(event) => jumpTo(event, target)}>
                  {message}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** The entry form's buttons: save now, and submit (again, once it was submitted and changed). */
export function SubmitActions({ status }: { status: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";
  return (
    <div className="actions">
      <button type="submit" name="intent" value="save" className="button button-secondary">
        {t("entry.save")}
      </button>
      <button type="submit" name="intent" value="submit" className="button" disabled={submitting}>
        {submitting ? t("entry.submitting") : status === "submitted" ? t("entry.submitAgain") : t("entry.submit")}
      </button>
    </div>
  );
}

/** Taking the entry out of the contest, behind a disclosure. */
export function WithdrawEntry() {
  const { t } = useTranslation();
  const [form] = useForm({
    id: "withdraw-entry",
    onValidate: ({ formData }) => parseForm(formData, entryFormSchema),
  });
  return (
    <details className="panel">
      <summary>{t("entry.withdraw")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <button type="submit" name="intent" value="withdraw" className="button button-secondary">
          {t("entry.withdrawConfirm")}
        </button>
      </Form>
    </details>
  );
}
