import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { JudgeWork } from "~/components/judge-work";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { parseForm } from "~/forms";
import { pageTitle } from "~/i18n/meta";
import { comparisonView, decideComparison, showNextPair } from "~/models/comparison.server";
import { requireJudgeOf } from "~/services/auth.server";
import { redirectWithNotice } from "~/forms.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "compare.title");

const compareSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("next") }),
  z.object({ intent: z.literal("pick"), comparison: z.string().max(40), side: z.enum(["left", "right"]) }),
]);

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest, seat } = await requireJudgeOf(request, params.slug ?? "");
  if (!seat.conflictsDeclaredAt) throw redirect(`/judge/${contest.slug}/conflicts`);
  const view = await comparisonView(contest.id, user.id);
  if (!view) throw new Response("Not found", { status: 404 });
  return { slug: contest.slug, contestTitle: contest.title, ...view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), compareSchema);
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const here = `/judge/${contest.slug}/compare`;
  if (submission.value.intent === "next") {
    await showNextPair(contest.id, user.id);
    return redirect(here);
  }
  const decided = await decideComparison(contest.id, user.id, submission.value.comparison, submission.value.side);
  if (!decided.ok && decided.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (!decided.ok) throw await redirectWithNotice(here, { key: "scoring.closed" });
  return redirect(here);
}

/**
 * A comparative final, as a judge takes part in it: two shortlisted works of one category side
 * by side (one after the other on a phone), and a choice of the stronger on the rubric's terms.
 * Each choice brings the next pair, until the panel's order is reliable enough or the round closes.
 */
export default function Compare() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(view.timezone);
  const busy = navigation.state !== "idle";
  return (
    <section aria-labelledby="compare-title">
      <p className="eyebrow">
        {view.contestTitle} · <Link to={`/judge/${view.slug}`}>{t("scoring.back")}</Link>
      </p>
      <h1 id="compare-title">{t("compare.title")}</h1>
      <p>
        {t("compare.intro")}{" "}
        {view.open
          ? t("queue.closes", { date: formatDateTime(view.closesAt, i18n.language, zone) })
          : t("queue.closed")}
      </p>
      <p role="status" data-testid="compare-count">
        {t("compare.decided", { count: view.decided })}
      </p>
      {view.pair ? (
        <Form method="post" aria-labelledby="compare-question">
          <input type="hidden" name="intent" value="pick" />
          <input type="hidden" name="comparison" value={view.pair.id} />
          <h2 id="compare-question">{t("compare.question", { category: view.pair.left.category })}</h2>
          <div className="compare">
            {(["left", "right"] as const).map((side) => {
              const work = view.pair![side];
              const heading = `compare-${side}`;
              return (
                <article key={work.code} className="panel" aria-labelledby={heading} data-testid={`work-${side}`}>
                  <p className="eyebrow">{t(side === "left" ? "compare.workA" : "compare.workB")}</p>
                  <h2 id={heading}>{work.title || t("entries.untitled")}</h2>
                  <p className="muted">{t("queue.code", { code: work.code })}</p>
                  <JudgeWork work={work} slug={view.slug} level={3} />
                  <button
                    type="submit"
                    name="side"
                    value={side}
                    className="button compare-pick"
                    disabled={busy}
                    aria-describedby={heading}
                  >
                    {t(side === "left" ? "compare.pickA" : "compare.pickB")}
                  </button>
                </article>
              );
            })}
          </div>
        </Form>
      ) : view.state === "ready" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="next" />
          <button type="submit" className="button" disabled={busy}>
            {t(view.decided ? "compare.continue" : "compare.start")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t(`compare.state.${view.state}`)}</p>
      )}
    </section>
  );
}
