import { Heading } from "@react-email/heading";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout, quoteEdge } from "./layout";
import { formatNumber } from "~/i18n/numbers";

export const feedbackPayload = z.object({
  contest: z.string(),
  title: z.string(),
  referenceCode: z.string(),
  category: z.string(),
  /** the judges' notes as organizers released them, in blind order, without names */
  notes: z.array(z.string()),
  /** the work's average weighted score and its category's, 0 to 100, where organizers chose to share them */
  average: z.number().nullable(),
  categoryAverage: z.number().nullable(),
  link: z.string(),
});

/** To an entrant once organizers released the judges' notes and the results are public. */
export function feedbackEmail(t: Translate, lang: string, payload: z.infer<typeof feedbackPayload>) {
  const values = { contest: payload.contest, title: payload.title, code: payload.referenceCode };
  const subject = t("email.feedback.subject", values);
  return {
    subject,
    element: (
      <EmailLayout lang={lang} preview={subject}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.feedback.heading")}
        </Heading>
        <Text>{t("email.feedback.body", values)}</Text>
        {payload.notes.map((note, index) => (
          <Section key={index} style={{ ...quoteEdge(lang), margin: "16px 0" }}>
            <Text style={{ fontWeight: 700, margin: "0 0 4px" }}>
              {t("feedback.noteHeading", { number: index + 1 })}
            </Text>
            <Text style={{ margin: 0, whiteSpace: "pre-line" }}>{note}</Text>
          </Section>
        ))}
        {payload.average !== null ? (
          <Text>
            {payload.categoryAverage !== null
              ? t("feedback.scores", {
                  average: formatNumber(lang, payload.average, 0),
                  categoryAverage: formatNumber(lang, payload.categoryAverage, 0),
                  category: payload.category,
                })
              : t("feedback.score", { average: formatNumber(lang, payload.average, 0) })}
          </Text>
        ) : null}
        <Text>{t("email.feedback.closing")}</Text>
        <EmailButton href={payload.link}>{t("email.feedback.button")}</EmailButton>
      </EmailLayout>
    ),
  };
}
