import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { z } from "zod";
import { EmailLayout } from "./layout";

export const signInCodePayload = z.object({ code: z.string().regex(/^\d{6}$/), link: z.string().url() });

export function signInCodeEmail(t: TFunction, lang: string, payload: z.infer<typeof signInCodePayload>) {
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
          {t("email.signInButton")}
        </Button>
        <Text style={{ color: "#4b5563", fontSize: 14, marginTop: 24 }}>{t("email.signInIgnore")}</Text>
      </EmailLayout>
    ),
  };
}
