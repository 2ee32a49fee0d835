import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout";

export const organizerMessagePayload = z.object({
  contest: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string(),
});

/** A message from a contest's organizers, in their words; paragraphs are separated by blank lines. */
export function organizerMessageEmail(t: Translate, lang: string, payload: z.infer<typeof organizerMessagePayload>) {
  return {
    subject: `${payload.contest}: ${payload.subject}`,
    element: (
      <EmailLayout lang={lang} preview={payload.subject}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {payload.subject}
        </Heading>
        <Text style={{ color: "#4b5563" }}>{t("email.messageFrom", { contest: payload.contest })}</Text>
        {payload.body
          .split(/\n\s*\n/)
          .filter((paragraph) => paragraph.trim())
          .map((paragraph, i) => (
            <Text key={i} style={{ whiteSpace: "pre-wrap" }}>
              {paragraph.trim()}
            </Text>
          ))}
        <EmailButton href={payload.link}>{t("email.messageButton")}</EmailButton>
      </EmailLayout>
    ),
  };
}
