import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Translate } from "~/i18n";
import { z } from "zod";
import { EmailButton, EmailLayout, OrganizerNote } from "./layout";
import { formatWhen } from "~/models/time";

export const draftReminderPayload = z.object({
  contest: z.string(),
  deadline: z.string(),
  timezone: z.string(),
  link: z.string(),
  /** the organizers' own words for this email, from the contest's settings */
  note: z.string().default(""),
});

/** To an entrant with an unsubmitted draft, in the 48 hours before the deadline. */
export function draftReminderEmail(t: Translate, lang: string, payload: z.infer<typeof draftReminderPayload>) {
  const deadline = formatWhen(payload.deadline, lang, payload.timezone);
  const subject = t("email.draftReminderSubject", { contest: payload.contest });
  return {
    subject,
    element: (
      <EmailLayout lang={lang} preview={subject}>
        <Heading as="h1" style={{ fontSize: 22, margin: "0 0 12px" }}>
          {t("email.draftReminderHeading")}
        </Heading>
        <Text>{t("email.draftReminderBody", { contest: payload.contest, deadline })}</Text>
        <OrganizerNote heading={t("email.organizerNote")} note={payload.note} lang={lang} />
        <EmailButton href={payload.link}>{t("email.draftReminderButton")}</EmailButton>
      </EmailLayout>
    ),
  };
}
