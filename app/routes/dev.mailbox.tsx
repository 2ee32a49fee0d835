import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { env } from "~/services/env.server";
import { pageTitle } from "~/i18n/meta";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailbox.title");

type MailboxMessage = { id: string; to: string[]; subject: string; text?: string; createdAt: string };

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/**
 * Development only: what Mosaic would have emailed, read from the local Resend stand-in that
 * `npm run dev` starts when no Resend key is set. It shows everyone's sign-in codes, so it
 * answers only on this machine; anywhere else, and in production, it does not exist.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const { DEV_MAILBOX_URL, NODE_ENV } = env();
  if (!DEV_MAILBOX_URL || NODE_ENV === "production" || !LOOPBACK.has(context.ip)) {
    throw new Response("Not found", { status: 404 });
  }
  const response = await fetch(`${DEV_MAILBOX_URL}/_mailbox`);
  const { data } = (await response.json()) as { data: MailboxMessage[] };
  return { messages: data.slice(0, 50) };
}

function linksIn(text: string) {
  return [...new Set(text.match(/https?:\/\/[^\s\]]+/g) ?? [])];
}

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">{t("mailbox.title")}</h1>
      <p className="lead">{t("mailbox.intro")}</p>
      <p>
        <Link to="." reloadDocument>
          {t("mailbox.refresh")}
        </Link>
      </p>
      {messages.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <ol className="mail-list">
          {messages.map((message) => (
            <li key={message.id} className="card" data-testid="mail">
              <h2>{message.subject}</h2>
              <p className="muted">
                {t("mailbox.to")}: {message.to.join(", ")} · {t("mailbox.sent")}:{" "}
                <time dateTime={message.createdAt}>
                  {new Intl.DateTimeFormat(i18n.language, {
                    dateStyle: "medium",
                    timeStyle: "medium",
                    timeZone: "UTC",
                  }).format(new Date(message.createdAt))}
                </time>
              </p>
              <pre className="mail-body">{message.text}</pre>
              {linksIn(message.text ?? "").map((href) => (
                <p key={href}>
                  <a href={href}>{href}</a>
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
