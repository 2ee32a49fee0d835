import type { Prisma } from "~/services/db.server";
import type { Resend } from "resend";
import { redactPayload, renderEmail, type TemplateName, type TemplatePayload } from "~/emails";
import { isLocale, defaultLocale } from "~/i18n";
import { serverT } from "~/i18n/i18n.server";
import { now } from "./clock.server";
import { db } from "./db.server";
import { env } from "./env.server";
import { enqueueJob, type JobHandler } from "./jobs.server";

/**
 * Email goes through an outbox: a row written in the same transaction as the change that
 * causes it, and an "email.send" job that delivers it through Resend with the row's
 * idempotency key, so a retried job never sends twice.
 */
export async function queueEmail<N extends TemplateName>(
  tx: Prisma.TransactionClient,
  message: { template: N; to: string; locale: string; payload: TemplatePayload<N>; idempotencyKey: string },
) {
  const existing = await tx.email.findUnique({ where: { idempotencyKey: message.idempotencyKey } });
  if (existing) return existing;
  const email = await tx.email.create({
    data: {
      template: message.template,
      to: message.to,
      locale: message.locale,
      payload: JSON.stringify(message.payload),
      idempotencyKey: message.idempotencyKey,
    },
  });
  await enqueueJob(tx, "email.send", { emailId: email.id });
  return email;
}

type OutboxMessage<N extends TemplateName> = Parameters<typeof queueEmail<N>>[1];

/**
 * Many emails at once (a message to a group, the results): queued in transactions of 200, so a
 * contest of 10,000 people never holds one long write. Each keeps its idempotency key, so
 * running this again queues nothing twice.
 */
export async function queueEmails<N extends TemplateName>(messages: OutboxMessage<N>[], batch = 200) {
  for (let i = 0; i < messages.length; i += batch) {
    await db.$transaction(async (tx) => {
      for (const message of messages.slice(i, i + batch)) await queueEmail(tx, message);
    });
  }
}

export type SendResult = { ok: true; id: string } | { ok: false; error: string };

let client: Resend | undefined;
/** Resend's client, loaded with the first email sent rather than with the server. */
async function resend() {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  if (!RESEND_API_KEY) throw new Error("RESEND_API_KEY is not set");
  const { Resend } = await import("resend");
  client ??= new Resend(RESEND_API_KEY, RESEND_BASE_URL ? { baseUrl: RESEND_BASE_URL } : undefined);
  return client;
}

/** Renders and sends one outbox row. Returns a result; never throws for a delivery failure. */
export async function sendEmail(emailId: string): Promise<SendResult> {
  const email = await db.email.findUnique({ where: { id: emailId } });
  // erased with its recipient's account: there is nothing left to send
  if (!email) return { ok: true, id: "" };
  if (email.status === "sent" && email.providerId) return { ok: true, id: email.providerId };
  const locale = isLocale(email.locale) ? email.locale : defaultLocale;
  let result: SendResult;
  try {
    const { subject, html, text } = await renderEmail(
      email.template,
      serverT(locale),
      locale,
      JSON.parse(email.payload),
    );
    const send = async () =>
      (await resend()).emails.send(
        { from: env().EMAIL_FROM, to: email.to, subject, html, text },
        { idempotencyKey: email.idempotencyKey },
      );
    let { data, error } = await send();
    // No answer at all (statusCode null): most often a kept-alive connection that the other end
    // had just closed. Asked again at once, over a new connection; the idempotency key makes a
    // second delivery impossible.
    if (!data && error?.statusCode === null) ({ data, error } = await send());
    result = data ? { ok: true, id: data.id } : { ok: false, error: error?.message ?? "no answer from Resend" };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  await db.email.update({
    where: { id: email.id },
    data: result.ok
      ? {
          status: "sent",
          providerId: result.id,
          sentAt: now(),
          attempts: { increment: 1 },
          lastError: null,
          payload: redactPayload(email.template, email.payload),
        }
      : { attempts: { increment: 1 }, lastError: result.error },
  });
  return result;
}

export const emailJob: JobHandler = {
  async run(payload) {
    const { emailId } = payload as { emailId: string };
    const result = await sendEmail(emailId);
    if (!result.ok) throw new Error(result.error);
  },
  async onGiveUp(payload, _job, error) {
    const { emailId } = payload as { emailId: string };
    const email = await db.email.findUnique({ where: { id: emailId } });
    if (!email) return;
    await db.email.update({
      where: { id: emailId },
      data: { status: "failed", lastError: error, payload: redactPayload(email.template, email.payload) },
    });
  },
};
