import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";
import { formatWhen } from "~/models/time";

export const guardianRequestPayload = z.object({
  guardianName: z.string(),
  entrantName: z.string(),
  contest: z.string(),
  link: z.string(),
  expiresAt: z.string(),
  timezone: z.string(),
});

/** To a guardian: an entrant under the age of consent asks them to review and consent to an entry. */
export function guardianRequestEmail(t: Translate, lang: string, payload: z.infer<typeof guardianRequestPayload>) {
  const expires = formatWhen(payload.expiresAt, lang, payload.timezone);
  const values = { guardian: payload.guardianName, entrant: payload.entrantName, contest: payload.contest };
  return {
    subject: t("email.guardianSubject", values),
    element: (
      <EmailLayout lang={lang} preview={t("email.guardianPreview", values)}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.guardianHeading", values)}
        </Heading>
        <Text>{t("email.guardianBody", values)}</Text>
        <EmailButton href={payload.link}>{t("email.guardianButton")}</EmailButton>
        <Text>{t("email.guardianExpires", { date: expires })}</Text>
        <Text>{t("email.guardianIgnore")}</Text>
      </EmailLayout>
    ),
  };
}
