import type { ResendStandIn } from "../../app/server/resend-standin";

/** This test file's Resend stand-in (started by setup-file.ts). */
export function mailbox(): ResendStandIn {
  const box = (globalThis as { __testMailbox?: ResendStandIn }).__testMailbox;
  if (!box) throw new Error("the Resend stand-in is not running");
  return box;
}

/** The 6-digit code and the link in the newest email to `to`. */
export function lastSignInEmail(to: string) {
  const message = mailbox()
    .messages()
    .filter((m) => m.to.includes(to))
    .at(-1);
  if (!message) throw new Error(`no email to ${to}`);
  const code = /\b(\d{6})\b/.exec(message.text ?? "")?.[1];
  const link = /(https?:\/\/\S+\/login\/link\?token=[\w-]+)/.exec(message.text ?? "")?.[1];
  if (!code || !link) throw new Error(`no code or link in: ${message.text}`);
  return { message, code, link, token: new URL(link).searchParams.get("token")! };
}
