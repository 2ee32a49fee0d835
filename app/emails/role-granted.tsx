import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";

export const roleGrantedPayload = z.object({
  role: z.enum(["organizer", "admin"]),
  link: z.string(),
});

/** To a person an organizer invited to run contests: what they may now do, and where to sign in. */
export function roleGrantedEmail(t: Translate, lang: string, payload: z.infer<typeof roleGrantedPayload>) {
  const role = t(`people.roles.${payload.role}`);
  return {
    subject: t("email.roleSubject", { role }),
    element: (
      <EmailLayout lang={lang} preview={t("email.roleSubject", { role })}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.roleSubject", { role })}
        </Heading>
        <Text>{t(`email.roleBody.${payload.role}`)}</Text>
        <EmailButton href={payload.link}>{t("email.roleButton")}</EmailButton>
        <Text>{t("email.roleSignIn")}</Text>
      </EmailLayout>
    ),
  };
}
