import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList } from "~/components/forms";
import { pageTitle } from "~/i18n/meta";
import { listCategories } from "~/models/contest.server";
import { audienceOf, listMessages, parseAudience, sendMessage } from "~/models/message.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "messages.title");

const messageSchema = z.object({
  intent: z.enum(["preview", "send"]),
  audience: z.string().max(60),
  subject: z.string().trim().min(1, "messages.subjectNeeded").max(200),
  body: z.string().trim().min(1, "messages.bodyNeeded").max(10_000),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const [categories, sent] = await Promise.all([listCategories(contest.id), listMessages(contest.id)]);
  return { categories, sent: sent.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const parsed = messageSchema.safeParse(Object.fromEntries(await request.formData()));
  const audience = parsed.success ? parseAudience(parsed.data.audience) : null;
  if (!parsed.success || !audience) {
    const problems = parsed.success ? ["errors.badRequest"] : parsed.error.issues.map((i) => i.message);
    return data({ problems, preview: null, sent: null }, { status: 400 });
  }
  const { intent, subject, body } = parsed.data;
  if (intent === "preview") {
    const recipients = (await audienceOf(contest.id, audience)).length;
    return data({ problems: [] as string[], preview: { audience, subject, body, recipients }, sent: null });
  }
  const sent = await sendMessage(contest.id, user.id, { audience, subject, body });
  return data({ problems: [] as string[], preview: null, sent });
}

/** Messages to a group, by email: written, previewed with the number of recipients, then sent. */
export default function Messages() {
  const { categories, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const preview = result?.preview;
  const audienceName = (audience: string) =>
    audience.startsWith("category:")
      ? t("messages.audience.category", { name: categories.find((c) => `category:${c.id}` === audience)?.name ?? "" })
      : t(`messages.audience.${audience}`);
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">{t("messages.title")}</h1>
      {result?.sent ? (
        <p role="status" className="notice">
          {t("messages.sent", { count: result.sent.recipients })}
        </p>
      ) : null}
      <Form method="post" className="panel" aria-labelledby="messages-title">
        <ErrorList errors={result?.problems} />
        <div className="field">
          <label htmlFor="audience">{t("messages.to")}</label>
          <select id="audience" name="audience" defaultValue={preview?.audience ?? "drafts"}>
            <option value="drafts">{t("messages.audience.drafts")}</option>
            <option value="all-entrants">{t("messages.audience.all-entrants")}</option>
            {categories.map((c) => (
              <option key={c.id} value={`category:${c.id}`}>
                {t("messages.audience.category", { name: c.name })}
              </option>
            ))}
            <option value="judges-unfinished">{t("messages.audience.judges-unfinished")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="subject">{t("messages.subject")}</label>
          <input id="subject" name="subject" required maxLength={200} defaultValue={preview?.subject ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="body">{t("messages.body")}</label>
          <p id="body-hint" className="field-hint">
            {t("messages.bodyHint")}
          </p>
          <textarea
            id="body"
            name="body"
            rows={8}
            required
            aria-describedby="body-hint"
            defaultValue={preview?.body ?? ""}
          />
        </div>
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="preview"
            className="button button-secondary"
            disabled={navigation.state !== "idle"}
          >
            {t("messages.preview")}
          </button>
          {preview ? (
            <button type="submit" name="intent" value="send" className="button" disabled={navigation.state !== "idle"}>
              {t("messages.send", { count: preview.recipients })}
            </button>
          ) : null}
        </div>
      </Form>
      {preview ? (
        <div className="panel" aria-labelledby="preview-title" data-testid="message-preview">
          <h2 id="preview-title">
            {t("messages.previewTitle", { count: preview.recipients, audience: audienceName(preview.audience) })}
          </h2>
          <p>
            <strong>{preview.subject}</strong>
          </p>
          {preview.body.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i} className="prewrap">
              {paragraph.trim()}
            </p>
          ))}
        </div>
      ) : null}
      <div className="panel">
        <h2 id="sent-title">{t("messages.history")}</h2>
        {sent.length === 0 ? (
          <p>{t("messages.none")}</p>
        ) : (
          <table aria-labelledby="sent-title">
            <tbody>
              {sent.map((m) => (
                <tr key={m.id}>
                  <td>{m.createdAt.slice(0, 16).replace("T", " ")} UTC</td>
                  <td>{audienceName(m.audience)}</td>
                  <th scope="row">{m.subject}</th>
                  <td>{t("messages.recipients", { count: m.recipients })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
