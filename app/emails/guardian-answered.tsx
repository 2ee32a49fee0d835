import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";

export const guardianAnsweredPayload = z.object({
  decision: z.enum(["consented", "refused", "withdrawn"]),
  guardianName: z.string(),
  title: z.string(),
  contest: z.string(),
  link: z.string(),
});

/** To an entrant under the age of consent: their guardian answered, and what that means for the entry. */
export function guardianAnsweredEmail(t: Translate, lang: string, payload: z.infer<typeof guardianAnsweredPayload>) {
  const values = {
    guardian: payload.guardianName,
    title: payload.title || t("entries.untitled"),
    contest: payload.contest,
  };
  const subject = t(`email.guardianAnswered.${payload.decision}.subject`, values);
  return {
    subject,
    element: (
      <EmailLayout lang={lang} preview={subject}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {subject}
        </Heading>
        <Text>{t(`email.guardianAnswered.${payload.decision}.body`, values)}</Text>
        <EmailButton href={payload.link}>{t("email.guardianAnswered.button")}</EmailButton>
      </EmailLayout>
    ),
  };
}
