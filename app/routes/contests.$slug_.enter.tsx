import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { pageTitle } from "~/i18n/meta";
import { getContestToEnter } from "~/models/contest.server";
import { startEntry, startState } from "~/models/entry.server";
import { hasAcceptedTerms, profileComplete } from "~/models/profile.server";
import { requireUser } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entries.start");

async function contestFor(slug: string | undefined) {
  const contest = await getContestToEnter(slug ?? "");
  if (!contest) throw new Response("Not found", { status: 404 });
  return contest;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const contest = await contestFor(params.slug);
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
      problems: state.inCategory(category.id),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const contest = await contestFor(params.slug);
  const categoryId = String((await request.formData()).get("categoryId") ?? "");
  const result = await startEntry(user.id, contest.id, categoryId);
  if (!result.ok) return { problems: result.problems };
  return redirect(`/entries/${result.entryId}`);
}

export default function StartEntry() {
  const { contest, problems, categories } = useLoaderData<typeof loader>();
  const actionProblems = useActionData<typeof action>()?.problems;
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const open = categories.filter((c) => c.problems.length === 0);
  return (
    <section className="panel narrow" aria-labelledby="start-title">
      <p className="eyebrow">{contest.title}</p>
      <h1 id="start-title">{t("entries.start")}</h1>
      {problems.length ? (
        <div className="alert" role="alert">
          <ErrorList errors={problems} />
        </div>
      ) : (
        <Form method="post">
          {actionProblems?.length ? (
            <div className="alert" role="alert">
              <ErrorList errors={actionProblems} />
            </div>
          ) : null}
          <fieldset className="choices">
            <legend>{t("entries.chooseCategory")}</legend>
            {categories.map((category) => (
              <div key={category.id} className="choice">
                <input
                  type="radio"
                  name="categoryId"
                  id={`category-${category.id}`}
                  value={category.id}
                  disabled={category.problems.length > 0}
                  defaultChecked={category.id === open[0]?.id}
                  aria-describedby={`category-${category.id}-note`}
                  required
                />
                <label htmlFor={`category-${category.id}`}>
                  <strong>{category.name}</strong>
                  <span
                    id={`category-${category.id}-note`}
                    className={category.problems.length ? "error-text" : "muted"}
                  >
                    {category.problems.length
                      ? category.problems.map((problem) => t(problem.key, problem.values)).join(" ")
                      : category.description}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={busy || open.length === 0}>
            {t("entries.create")}
          </button>
        </Form>
      )}
    </section>
  );
}
