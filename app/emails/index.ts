import type { Translate } from "~/i18n";
import type { ReactElement } from "react";
import type { z } from "zod";
import { entryReceiptEmail, entryReceiptPayload } from "./entry-receipt";
import { entryScreenedEmail, entryScreenedPayload } from "./entry-screened";
import { feedbackEmail, feedbackPayload } from "./feedback";
import { guardianAnsweredEmail, guardianAnsweredPayload } from "./guardian-answered";
import { guardianRequestEmail, guardianRequestPayload } from "./guardian-request";
import { judgeInvitationEmail, judgeInvitationPayload } from "./judge-invitation";
import { judgeReminderEmail, judgeReminderPayload } from "./judge-reminder";
import { draftReminderEmail, draftReminderPayload } from "./draft-reminder";
import { organizerMessageEmail, organizerMessagePayload } from "./organizer-message";
import { resultsEmail, resultsPayload } from "./results";
import { roleGrantedEmail, roleGrantedPayload } from "./role-granted";
import { signInCodeEmail, signInCodePayload } from "./sign-in-code";

type Template<S extends z.ZodTypeAny> = {
  payload: S;
  build: (t: Translate, lang: string, payload: z.infer<S>) => { subject: string; element: ReactElement };
  /** payload fields that must not outlive delivery (codes, tokens) */
  secrets: string[];
};

function template<S extends z.ZodTypeAny>(
  payload: S,
  build: Template<S>["build"],
  options: { secrets?: (keyof z.infer<S> & string)[] } = {},
): Template<S> {
  return { payload, build, secrets: options.secrets ?? [] };
}

/** Every email Mosaic sends, by the name stored in the outbox. */
export const templates = {
  "sign-in-code": template(signInCodePayload, signInCodeEmail, { secrets: ["code", "link"] }),
  "entry-receipt": template(entryReceiptPayload, entryReceiptEmail),
  "guardian-request": template(guardianRequestPayload, guardianRequestEmail, { secrets: ["link"] }),
  "guardian-answered": template(guardianAnsweredPayload, guardianAnsweredEmail),
  "entry-screened": template(entryScreenedPayload, entryScreenedEmail),
  "judge-invitation": template(judgeInvitationPayload, judgeInvitationEmail, { secrets: ["link"] }),
  "judge-reminder": template(judgeReminderPayload, judgeReminderEmail),
  results: template(resultsPayload, resultsEmail),
  feedback: template(feedbackPayload, feedbackEmail),
  "organizer-message": template(organizerMessagePayload, organizerMessageEmail),
  "draft-reminder": template(draftReminderPayload, draftReminderEmail),
  "role-granted": template(roleGrantedPayload, roleGrantedEmail),
};

export type TemplateName = keyof typeof templates;
export type TemplatePayload<N extends TemplateName> = z.infer<(typeof templates)[N]["payload"]>;

function templateNamed(name: string) {
  const entry = (templates as unknown as Record<string, Template<z.ZodTypeAny>>)[name];
  if (!entry) throw new Error(`unknown email template "${name}"`);
  return entry;
}

/** The payload to keep once a message has been delivered or given up on: its secrets blanked. */
export function redactPayload(name: string, rawPayload: string) {
  const payload = JSON.parse(rawPayload) as Record<string, unknown>;
  for (const field of templateNamed(name).secrets) if (field in payload) payload[field] = "[redacted]";
  return JSON.stringify(payload);
}

export async function renderEmail(name: string, t: Translate, lang: string, rawPayload: unknown) {
  const entry = templateNamed(name);
  const { subject, element } = entry.build(t, lang, entry.payload.parse(rawPayload));
  // loaded with the first email rather than with the server (some 4 MiB that pages never use)
  const { render } = await import("@react-email/render");
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
