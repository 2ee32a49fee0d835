import { getFormProps, useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { FormErrors, InputField } from "~/components/forms";
import { parseForm } from "~/forms";
import type { GuardianState } from "~/models/entry";
import type { action } from "~/routes/entries.$id_.guardian";
import { guardianRequestSchema } from "~/schemas/guardian";

type Guardian = { state: GuardianState; name: string | null; email: string | null; expired: boolean };

/**
 * For an entrant under the contest's age of consent: where their guardian's consent stands, and
 * a form to send (or send again) the request by email.
 */
export function GuardianConsent({ entryId, guardian, open }: { entryId: string; guardian: Guardian; open: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const [form, fields] = useForm({
    id: "guardian",
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, guardianRequestSchema),
  });
  const status =
    guardian.state === "pending" && guardian.expired
      ? t("guardian.state.expired", { name: guardian.name, email: guardian.email })
      : t(`guardian.state.${guardian.state}`, { name: guardian.name, email: guardian.email });
  const canAsk = open && guardian.state !== "consented";
  return (
    <FormSection
      as="div"
      id="entry-guardian"
      className="panel"
      testId="guardian-panel"
      title={t("guardian.title")}
      heading={{ id: "guardian-title" }}
    >
      <p className="field-hint">{t("guardian.intro")}</p>
      <p role="status" className={guardian.state === "refused" ? "alert" : undefined}>
        {status}
      </p>
      {canAsk ? (
        <fetcher.Form method="post" action={`/entries/${entryId}/guardian`} {...getFormProps(form)}>
          <FormErrors form={form} />
          <InputField field={fields.guardianName} label={t("guardian.name")} autoComplete="off" />
          <InputField field={fields.guardianEmail} type="email" label={t("guardian.email")} autoComplete="off" />
          <button type="submit" className="button button-secondary button-small" disabled={fetcher.state !== "idle"}>
            {guardian.state === "notAsked" ? t("guardian.send") : t("guardian.sendAgain")}
          </button>
          {fetcher.state === "idle" && fetcher.data?.result.status === "success" ? (
            <p role="status" className="notice">
              {t("guardian.sent")}
            </p>
          ) : null}
        </fetcher.Form>
      ) : null}
    </FormSection>
  );
}
