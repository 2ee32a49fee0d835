import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, type ErrorMessages } from "~/components/forms";
import { parseForm } from "~/forms";
import { entryFormSchema } from "~/schemas/entry";

/**
 * "Before you can submit": what the entry still lacks, or, after a refused save or submission,
 * why it was refused.
 */
export function MissingList({ problems }: { problems: ErrorMessages }) {
  const { t } = useTranslation();
  if (!problems?.length) return null;
  return (
    <div className="alert" role="alert" aria-labelledby="missing-title">
      <h2 id="missing-title">{t("entry.missingTitle")}</h2>
      <ErrorList errors={problems} />
    </div>
  );
}

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
