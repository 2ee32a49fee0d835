import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { contestPhase, phaseChanges } from "~/models/contest";
import { listPublicContests } from "~/models/contest.server";
import { keptPageHeaders, readerLocale } from "~/services/auth.server";
import { secondsUntilNext } from "~/services/page-cache";
import { now } from "~/services/clock.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const at = now();
  const contests = await listPublicContests(await readerLocale(request));
  // kept half a minute at most, and never across a listed contest's opening or closing
  const changes = contests.flatMap(phaseChanges);
  return data(
    { contests: contests.map((contest) => ({ ...contest, phase: contestPhase(contest, at) })) },
    { headers: await keptPageHeaders(request, at, secondsUntilNext(at, changes, 30)) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

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
