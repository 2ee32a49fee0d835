import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { FormErrors, InputField, SelectField, TextareaInputField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { parseForm } from "~/forms";
import { accept, invalid, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { listCategories } from "~/models/contest.server";
import { audienceOf, listMessages, parseAudience, sendMessage } from "~/models/message.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "messages.title");

const messageSchema = z.object({
  intent: z.enum(["preview", "send"]),
  audience: z.string().max(60),
  subject: z.string({ required_error: "messages.subjectNeeded" }).trim().min(1, "messages.subjectNeeded").max(200),
  body: z.string({ required_error: "messages.bodyNeeded" }).trim().min(1, "messages.bodyNeeded").max(10_000),
});

type Preview = { audience: string; subject: string; body: string; recipients: number };
type Answer = { preview: Preview | null; sent: { recipients: number } | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const [categories, sent] = await Promise.all([listCategories(contest.id), listMessages(contest.id)]);
  return { categories, sent: sent.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), messageSchema);
  if (submission.status !== "success") return invalid<Answer>(submission);
  const audience = parseAudience(submission.value.audience);
  if (!audience) return refuse<Answer>({ key: "errors.badRequest" }, { submission });
  const { intent, subject, body } = submission.value;
  if (intent === "preview") {
    const recipients = (await audienceOf(contest.id, audience)).length;
    return accept<Answer>({ preview: { audience, subject, body, recipients }, sent: null }, { submission });
  }
  const sent = await sendMessage(contest.id, user.id, { audience, subject, body });
  return accept<Answer>({ preview: null, sent }, { submission, reset: true });
}

/** Messages to a group, by email: written, previewed with the number of recipients, then sent. */
export default function Messages() {
  const { categories, sent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "message",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    defaultValue: { audience: "drafts" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseForm(formData, messageSchema),
  });
  const preview = answer?.preview;
  const sentNow = answer?.sent;
  const audienceName = (audience: string) =>
    audience.startsWith("category:")
      ? t("messages.audience.category", { name: categories.find((c) => `category:${c.id}` === audience)?.name ?? "" })
      : t(`messages.audience.${audience}`);
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">{t("messages.title")}</h1>
      {sentNow ? (
        <p role="status" className="notice">
          {t("messages.sent", { count: sentNow.recipients })}
        </p>
      ) : null}
      <Form method="post" className="panel" aria-labelledby="messages-title" {...getFormProps(form)}>
        <FormErrors form={form} />
        <SelectField field={fields.audience} label={t("messages.to")}>
          <option value="drafts">{t("messages.audience.drafts")}</option>
          <option value="all-entrants">{t("messages.audience.all-entrants")}</option>
          {categories.map((c) => (
            <option key={c.id} value={`category:${c.id}`}>
              {t("messages.audience.category", { name: c.name })}
            </option>
          ))}
          <option value="judges-unfinished">{t("messages.audience.judges-unfinished")}</option>
        </SelectField>
        <InputField field={fields.subject} label={t("messages.subject")} />
        <TextareaInputField
          field={fields.body}
          label={t("messages.body")}
          hint={t("messages.bodyHint")}
          textareaProps={{ rows: 8 }}
        />
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
          <TableScroll labelledBy="sent-title">
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
          </TableScroll>
        )}
      </div>
    </section>
  );
}
