import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { z } from "zod";
import { EmailLayout } from "./layout";

export const entryReceiptPayload = z.object({
  referenceCode: z.string(),
  title: z.string(),
  category: z.string(),
  contest: z.string(),
  deadline: z.string(),
  timezone: z.string(),
  link: z.string().url(),
});

export function entryReceiptEmail(t: TFunction, lang: string, payload: z.infer<typeof entryReceiptPayload>) {
  const deadline = new Intl.DateTimeFormat(lang, {
    dateStyle: "long",
    timeStyle: "long",
    timeZone: payload.timezone,
  }).format(new Date(payload.deadline));
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
        <Button
          href={payload.link}
          style={{
            backgroundColor: "#0f4c5c",
            color: "#ffffff",
            padding: "12px 20px",
            borderRadius: 8,
            fontWeight: 600,
          }}
        >
          {t("email.receiptButton")}
        </Button>
      </EmailLayout>
    ),
  };
}
