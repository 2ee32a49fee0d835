import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { contestPhase } from "~/models/contest";
import { listPublicContests } from "~/models/contest.server";
import { readerLocale } from "~/services/auth.server";
import { now } from "~/services/clock.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const at = now();
  const contests = await listPublicContests(await readerLocale(request));
  return { contests: contests.map((contest) => ({ ...contest, phase: contestPhase(contest, at) })) };
}

export default function Index() {
  const { contests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("app.tagline")}</p>
      {contests.length === 0 ? (
        <p>{t("home.none")}</p>
      ) : (
        <ul className="grid">
          {contests.map((contest) => (
            <li key={contest.slug} className="card">
              {contest.phase === "open" ? <p className="eyebrow">{t("home.open")}</p> : null}
              <h2 lang={contest.textLang.title}>{contest.title}</h2>
              <p lang={contest.textLang.summary}>{contest.summary}</p>
              <Link to={`/contests/${contest.slug}`}>{t("home.view", { title: contest.title })}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
