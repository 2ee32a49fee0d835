import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { formProblems, parseForm } from "~/forms";
import { parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { acceptInvitation, findInvitation } from "~/models/judge.server";
import { requireUser } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");

const acceptSchema = z.object({ token: z.string().max(200).default("") });

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/**
 * The page an invitation email links to. The invited person signs in first (with the address
 * the invitation went to); opening the page changes nothing, only the button accepts.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { token } = parseQuery(request, z.object({ token: z.string().catch("") }));
  const found = await findInvitation(token);
  if (!found) return { state: "unknown" as const, token: "", contest: null, email: null, signedInAs: user.email };
  return {
    state: found.state,
    token: found.state === "open" ? token : "",
    contest: found.invitation.contest.title,
    email: found.invitation.email,
    signedInAs: user.email,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), acceptSchema);
  const token = submission.status === "success" ? submission.value.token : "";
  const result = await acceptInvitation(token, user);
  if (result.ok) return redirect(`/judge/${result.slug}/conflicts`);
  // 200: the page reads the invitation again and shows where it now stands
  return refuse({ key: `invitation.${result.reason}` }, { status: 200, submission });
}

export default function AcceptInvitation() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form] = useForm({
    id: "accept-invitation",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, acceptSchema),
  });
  const refused = formProblems(answer)[0]?.key;
  const wrongAddress = data.state === "open" && data.email !== data.signedInAs;
  const problem =
    refused === "invitation.otherAddress" || wrongAddress
      ? t("invitation.otherAddress", { email: data.email, signedInAs: data.signedInAs })
      : refused === "invitation.gone" ||
          data.state === "accepted" ||
          data.state === "expired" ||
          data.state === "unknown"
        ? t(`invitation.${data.state === "open" ? "gone" : data.state}`)
        : null;
  return (
    <section className="panel narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("invitation.title")}</h1>
      {data.contest ? <p>{t("invitation.intro", { contest: data.contest })}</p> : null}
      {problem ? (
        <p className="alert" role="alert">
          {problem}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="token" value={data.token} />
          <p>{t("invitation.what")}</p>
          <button type="submit" className="button">
            {t("invitation.accept")}
          </button>
        </Form>
      )}
    </section>
  );
}
