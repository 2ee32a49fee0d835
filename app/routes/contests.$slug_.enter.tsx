import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ChoicesField, ErrorList, FormErrors } from "~/components/forms";
import { parseForm } from "~/forms";
import { refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { getContestToEnter } from "~/models/contest.server";
import { startEntry, startState } from "~/models/entry.server";
import { hasAcceptedTerms, profileComplete } from "~/models/profile.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { requireUser } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entries.start");

// An unknown or missing category is the model's to refuse, with the page's other refusals.
const startSchema = z.object({ categoryId: z.string().max(100).default("") });

async function contestFor(slug: string | undefined, locale: string) {
  const contest = await getContestToEnter(slug ?? "", locale);
  if (!contest) throw new Response("Not found", { status: 404 });
  return contest;
}

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const contest = await contestFor(params.slug, await resolveLocale(request, user.locale));
  if (!profileComplete(user) || !(await hasAcceptedTerms(user.id))) {
    throw redirect(`/profile?${new URLSearchParams({ redirectTo: `/contests/${contest.slug}/enter` })}`);
  }
  const state = await startState(user.id, contest.id);
  return {
    contest: { title: contest.title },
    problems: state.problems,
    categories: contest.categories.map((category) => ({
      id: category.id,
      name: category.name,
      description: category.description,
      lang: category.textLang.name,
      problems: state.inCategory(category.id),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const contest = await contestFor(params.slug, await resolveLocale(request, user.locale));
  const submission = parseForm(await request.formData(), startSchema);
  const categoryId = submission.status === "success" ? submission.value.categoryId : "";
  const result = await startEntry(user.id, contest.id, categoryId);
  // 200: the page reads again which categories are still open to this entrant
  if (!result.ok) return refuse(result.problems, { status: 200, submission });
  return redirect(`/entries/${result.entryId}`);
}

export default function StartEntry() {
  const { contest, problems, categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";
  const open = categories.filter((c) => c.problems.length === 0);
  const [form, fields] = useForm({
    id: "start-entry",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, startSchema),
  });
  return (
    <section className="panel narrow" aria-labelledby="start-title">
      <p className="eyebrow">{contest.title}</p>
      <h1 id="start-title">{t("entries.start")}</h1>
      {problems.length ? (
        <div className="alert" role="alert">
          <ErrorList errors={problems} />
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors form={form} />
          <ChoicesField
            field={fields.categoryId}
            type="radio"
            legend={t("entries.chooseCategory")}
            idPrefix="category"
            required
            options={categories.map((category) => ({
              value: category.id,
              label: <strong lang={category.lang}>{category.name}</strong>,
              note: {
                text: category.problems.length
                  ? category.problems.map((problem) => t(problem.key, problem.values)).join(" ")
                  : category.description,
                className: category.problems.length ? "error-text" : "muted",
              },
              disabled: category.problems.length > 0,
              defaultChecked: category.id === open[0]?.id,
            }))}
          />
          <button type="submit" className="button" disabled={busy || open.length === 0}>
            {t("entries.create")}
          </button>
        </Form>
      )}
    </section>
  );
}
