import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";

export const signInCodePayload = z.object({ code: z.string().regex(/^\d{6}$/), link: z.string().url() });

export function signInCodeEmail(t: Translate, lang: string, payload: z.infer<typeof signInCodePayload>) {
  return {
    subject: t("email.signInSubject", { code: payload.code }),
    element: (
      <EmailLayout lang={lang} preview={t("email.signInPreview", { code: payload.code })}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.signInHeading")}
        </Heading>
        <Text>{t("email.signInBody")}</Text>
        <Text style={{ fontSize: 32, letterSpacing: 8, fontWeight: 700, margin: "16px 0" }} data-testid="code">
          {payload.code}
        </Text>
        <EmailButton href={payload.link}>{t("email.signInButton")}</EmailButton>
        <Text style={{ color: "#4b5563", fontSize: 14, marginTop: 24 }}>{t("email.signInIgnore")}</Text>
      </EmailLayout>
    ),
  };
}
