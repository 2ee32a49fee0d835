import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout, OrganizerNote, quoteEdge } from "./layout";
import { formatWhen } from "~/models/time";

export const entryScreenedPayload = z.object({
  decision: z.enum(["ineligible", "returned"]),
  referenceCode: z.string(),
  title: z.string(),
  contest: z.string(),
  message: z.string(),
  until: z.string().nullable(),
  timezone: z.string(),
  link: z.string(),
  /** the organizers' own words for this email, from the contest's settings */
  note: z.string().default(""),
});

/** To an entrant: their entry was returned for changes, or found ineligible, with the organizers' words. */
export function entryScreenedEmail(t: Translate, lang: string, payload: z.infer<typeof entryScreenedPayload>) {
  const values = { code: payload.referenceCode, title: payload.title, contest: payload.contest };
  const until = payload.until ? formatWhen(payload.until, lang, payload.timezone) : null;
  const returned = payload.decision === "returned";
  return {
    subject: t(returned ? "email.returnedSubject" : "email.ineligibleSubject", values),
    element: (
      <EmailLayout lang={lang} preview={t(returned ? "email.returnedSubject" : "email.ineligibleSubject", values)}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t(returned ? "email.returnedHeading" : "email.ineligibleHeading", values)}
        </Heading>
        <Text>{t(returned ? "email.returnedBody" : "email.ineligibleBody", values)}</Text>
        <Text style={{ whiteSpace: "pre-wrap", ...quoteEdge(lang, 3) }}>{payload.message}</Text>
        {returned ? (
          <Text>{until ? t("email.returnedUntil", { date: until }) : t("email.returnedDeadline")}</Text>
        ) : null}
        <OrganizerNote heading={t("email.organizerNote")} note={payload.note} lang={lang} />
        <EmailButton href={payload.link}>{t("email.screenedButton")}</EmailButton>
      </EmailLayout>
    ),
  };
}
