import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";
import { formatWhen } from "~/models/time";

export const judgeReminderPayload = z.object({
  contest: z.string(),
  unfinished: z.number().int(),
  closesAt: z.string(),
  timezone: z.string(),
  link: z.string(),
});

/** To a judge with unfinished entries, before the round closes. */
export function judgeReminderEmail(t: Translate, lang: string, payload: z.infer<typeof judgeReminderPayload>) {
  const closes = formatWhen(payload.closesAt, lang, payload.timezone);
  const values = { contest: payload.contest, count: payload.unfinished, date: closes };
  return {
    subject: t("email.reminderSubject", values),
    element: (
      <EmailLayout lang={lang} preview={t("email.reminderSubject", values)}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.reminderHeading")}
        </Heading>
        <Text>{t("email.reminderBody", values)}</Text>
        <EmailButton href={payload.link}>{t("email.reminderButton")}</EmailButton>
      </EmailLayout>
    ),
  };
}
