import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { useNumbers } from "~/components/numbers";
import { pageTitle } from "~/i18n/meta";
import { getRankingRules } from "~/models/contest.server";
import { readerLocale } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "howWeRank.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const contest = await getRankingRules(params.slug ?? "", await readerLocale(request));
  if (!contest) throw new Response("Not found", { status: 404 });
  return contest;
}

/**
 * How a contest judges and ranks, in plain words, for entrants and judges alike: who judges and
 * what they see, the rubric, and how each round's method turns scores (or comparisons) into an
 * order. The methods are the ones the organizers set, fixed once judging of a round begins.
 */
export default function HowWeRank() {
  const contest = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { percent } = useNumbers();
  return (
    <article aria-labelledby="how-title" className="prose">
      <p className="eyebrow">
        <Link to={`/contests/${contest.slug}`}>{contest.title}</Link>
      </p>
      <h1 id="how-title">{t("howWeRank.title")}</h1>
      <p>{t("howWeRank.intro")}</p>

      <h2>{t("howWeRank.whoTitle")}</h2>
      <ul>
        <li>
          {t(contest.blindJudging ? "howWeRank.blind" : "howWeRank.open")}
          {contest.hideCountry ? ` ${t("howWeRank.noCountry")}` : ""}
        </li>
        <li>{t("howWeRank.judgesPerWork", { count: contest.judgesPerEntry })}</li>
        <li>{t(contest.avoidSameCountry ? "howWeRank.conflictsCountry" : "howWeRank.conflicts")}</li>
      </ul>

      <h2>{t("howWeRank.rubricTitle")}</h2>
      <p>{t("howWeRank.rubric")}</p>
      <ul data-testid="rubric">
        {contest.criteria.map((c) => (
          <li key={c.name}>
            <strong>{c.name}</strong> ({percent(c.weight / 100)}): {c.guidance}
          </li>
        ))}
      </ul>

      <h2>{t("howWeRank.rankingTitle")}</h2>
      <p data-testid="scoring-method">{t(`howWeRank.method.${contest.normalisation}`)}</p>
      {contest.normalisation === "calibrated" ? <p>{t("howWeRank.close")}</p> : null}
      <p>{t("howWeRank.short")}</p>

      <h2>{t("howWeRank.finalTitle")}</h2>
      <p data-testid="final-method">
        {contest.finalMethod === "pairwise"
          ? t("howWeRank.pairwise", { target: percent(contest.pairwiseTarget) })
          : t("howWeRank.finalScores")}
      </p>

      <h2>{t("howWeRank.awardsTitle")}</h2>
      <p>{t("howWeRank.awards")}</p>
    </article>
  );
}
