import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";
import { formatWhen } from "~/models/time";

export const judgeInvitationPayload = z.object({
  contest: z.string(),
  link: z.string(),
  expiresAt: z.string(),
  timezone: z.string(),
});

/** To a future judge: an invitation to judge one contest, with a single-use link. */
export function judgeInvitationEmail(t: Translate, lang: string, payload: z.infer<typeof judgeInvitationPayload>) {
  const expires = formatWhen(payload.expiresAt, lang, payload.timezone);
  return {
    subject: t("email.invitationSubject", { contest: payload.contest }),
    element: (
      <EmailLayout lang={lang} preview={t("email.invitationSubject", { contest: payload.contest })}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.invitationHeading")}
        </Heading>
        <Text>{t("email.invitationBody", { contest: payload.contest })}</Text>
        <EmailButton href={payload.link}>{t("email.invitationButton")}</EmailButton>
        <Text>{t("email.invitationExpires", { date: expires })}</Text>
      </EmailLayout>
    ),
  };
}
