import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout, OrganizerNote } from "./layout";
import { formatWhen } from "~/models/time";

export const entryReceiptPayload = z.object({
  referenceCode: z.string(),
  title: z.string(),
  category: z.string(),
  contest: z.string(),
  deadline: z.string(),
  timezone: z.string(),
  link: z.string().url(),
  /** the organizers' own words for this email, from the contest's settings */
  note: z.string().default(""),
  /** how long after the results an entry that won nothing keeps its files and personal details */
  retentionMonths: z.number().int().default(12),
});

export function entryReceiptEmail(t: Translate, lang: string, payload: z.infer<typeof entryReceiptPayload>) {
  const deadline = formatWhen(payload.deadline, lang, payload.timezone);
  const values = {
    code: payload.referenceCode,
    title: payload.title,
    category: payload.category,
    contest: payload.contest,
  };
  return {
    subject: t("email.receiptSubject", values),
    element: (
      <EmailLayout lang={lang} preview={t("email.receiptPreview", values)}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.receiptHeading")}
        </Heading>
        <Text>{t("email.receiptBody", values)}</Text>
        <Text style={{ fontSize: 20, fontWeight: 700 }}>{t("email.receiptReference", values)}</Text>
        <Text>{t("email.receiptEdit", { deadline })}</Text>
        <Text>{t("entry.retention", { count: payload.retentionMonths })}</Text>
        <OrganizerNote heading={t("email.organizerNote")} note={payload.note} lang={lang} />
        <EmailButton href={payload.link}>{t("email.receiptButton")}</EmailButton>
      </EmailLayout>
    ),
  };
}
