import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { CheckboxInputField, FormErrors } from "~/components/forms";
import { parseForm } from "~/forms";
import { refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { eraseAccount, erasurePreview } from "~/models/erasure.server";
import { requireUser } from "~/services/auth.server";
import { signOut } from "~/services/session.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.deleteTitle");

const confirmSchema = z.object({
  confirm: z.literal("on", { errorMap: () => ({ message: "account.confirmNeeded" }) }),
});

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { entries: await erasurePreview(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), confirmSchema);
  // Both refusals keep the 200 they always had; nothing on the page changes with them.
  if (submission.status !== "success") return refuse([], { status: 200, submission });
  const result = await eraseAccount(user.id, user);
  if (!result.ok && result.reason === "lastAdmin") {
    return refuse([], { status: 200, submission, fields: { confirm: [{ key: "account.lastAdmin" }] } });
  }
  if (!result.ok) throw redirect("/");
  return signOut(request, "/account/deleted");
}

/** The confirmation step: what deleting the account deletes, and what the contests keep. */
export default function DeleteAccount() {
  const { entries } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    constraint: getZodConstraint(confirmSchema),
    onValidate: ({ formData }) => parseForm(formData, confirmSchema),
  });
  const kept = entries.filter((e) => e.fate === "anonymise");
  return (
    <section className="panel narrow" aria-labelledby="delete-title">
      <h1 id="delete-title">{t("account.deleteTitle")}</h1>
      <p>{t("account.deleteWhat")}</p>
      {entries.length ? (
        <ul>
          {entries.map((e) => (
            <li key={e.id} data-testid="erased-entry">
              {t(e.fate === "anonymise" ? "account.entryKept" : "account.entryDeleted", {
                title: e.title || t("entries.untitled"),
                contest: e.contest,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {kept.length ? <p>{t("account.keptWhy")}</p> : null}
      <p>{t("account.downloadFirst")}</p>
      <p>
        <a href="/account/data" download>
          {t("account.download")}
        </a>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors form={form} />
        <CheckboxInputField field={fields.confirm} label={t("account.confirm")} inputProps={{ id: "confirm" }} />
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {t("account.deleteNow")}
          </button>
          <Link to="/account">{t("account.keep")}</Link>
        </div>
      </Form>
    </section>
  );
}
