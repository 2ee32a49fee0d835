import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout, OrganizerNote } from "./layout";

export const resultsPayload = z.object({
  kind: z.enum(["award", "thanks", "judge"]),
  contest: z.string(),
  title: z.string(),
  referenceCode: z.string(),
  category: z.string(),
  place: z.string().nullable(),
  link: z.string(),
  /** the organizers' own words for this email, from the contest's settings */
  note: z.string().default(""),
});

/** When results are published: to a winner (with their award), to every other entrant, and to judges. */
export function resultsEmail(t: Translate, lang: string, payload: z.infer<typeof resultsPayload>) {
  const values = {
    contest: payload.contest,
    title: payload.title,
    code: payload.referenceCode,
    category: payload.category,
    place: payload.place ? t(`results.place.${payload.place}`) : "",
  };
  const subject = t(`email.results.${payload.kind}Subject`, values);
  return {
    subject,
    element: (
      <EmailLayout lang={lang} preview={subject}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t(`email.results.${payload.kind}Heading`, values)}
        </Heading>
        <Text>{t(`email.results.${payload.kind}Body`, values)}</Text>
        <OrganizerNote heading={t("email.organizerNote")} note={payload.note} lang={lang} />
        <EmailButton href={payload.link}>{t("email.results.button")}</EmailButton>
      </EmailLayout>
    ),
  };
}
