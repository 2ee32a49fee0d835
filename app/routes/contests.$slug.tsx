import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Markdown } from "~/components/markdown";
import { useNumbers } from "~/components/numbers";
import { renderMarkdown } from "~/components/markdown.server";
import { Countdown, LocalTime, useVisitorTimeZone, formatDateTime } from "~/components/time";
import { contestPhase, phaseChanges } from "~/models/contest";
import { getPublicContest } from "~/models/contest.server";
import { useRootData } from "~/root";
import { keptPageHeaders, readerLocale } from "~/services/auth.server";
import { now } from "~/services/clock.server";
import { secondsUntilNext } from "~/services/page-cache";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.contest.title} · Mosaic` }, { name: "description", content: data.contest.summary }] : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const contest = await getPublicContest(params.slug ?? "", await readerLocale(request));
  if (!contest) throw new Response("Not found", { status: 404 });
  const at = now();
  const { rules, faq, ...shown } = contest;
  // The page may be served again for half a minute, never across the moment the contest opens or
  // closes (its countdown is in whole minutes).
  const kept = await keptPageHeaders(request, at, secondsUntilNext(at, phaseChanges(contest), 30));
  return data(
    {
      contest: shown,
      rules: renderMarkdown(rules, { headingOffset: 2 }),
      faq: faq.trim() ? renderMarkdown(faq, { headingOffset: 3 }) : null,
      phase: contestPhase(contest, at),
      // the grace period is a quiet buffer for slow uploads, not part of the announced deadline
      deadline: contest.deadline.toISOString(),
      serverNow: at.toISOString(),
    },
    { headers: kept },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function ContestPage() {
  const { contest, rules, faq, phase, deadline, serverNow } = useLoaderData<typeof loader>();
  const root = useRootData();
  const { t, i18n } = useTranslation();
  const numbers = useNumbers();
  const zone = useVisitorTimeZone(contest.timezone);
  const locale = i18n.language;
  const enterPath = `/contests/${contest.slug}/enter`;
  const enterHref = root?.user ? enterPath : `/login?${new URLSearchParams({ redirectTo: enterPath })}`;

  const eligibility = [
    contest.minAge != null && contest.maxAge != null
      ? t("contest.age", { min: contest.minAge, max: contest.maxAge })
      : contest.minAge != null
        ? t("contest.ageMin", { min: contest.minAge })
        : contest.maxAge != null
          ? t("contest.ageMax", { max: contest.maxAge })
          : t("contest.ageAny"),
    contest.allowedCountries.length === 0
      ? t("contest.countriesAll")
      : t("contest.countriesSome", {
          countries: contest.allowedCountries
            .map((code) => new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code)
            .join(", "),
        }),
    t("contest.entriesPerPerson", { count: contest.maxEntriesPerUser }),
  ];

  const timeline = [
    { key: "opensAt", iso: contest.opensAt, label: t("contest.opensAt") },
    { key: "deadline", iso: contest.deadline, label: t("contest.deadline"), important: true },
    { key: "judging", iso: contest.judgingStartsAt, label: t("contest.judging") },
    { key: "announcement", iso: contest.announcementAt, label: t("contest.announcement"), important: true },
  ];

  return (
    <article aria-labelledby="contest-title">
      <section className="hero">
        <p className="eyebrow">{t("contest.organizer", { name: contest.organizerName })}</p>
        <h1 id="contest-title" lang={contest.textLang.title}>
          {contest.title}
        </h1>
        <p className="lead">
          <span className="visually-hidden">{t("contest.theme")}: </span>
          <span lang={contest.textLang.theme}>{contest.theme}</span>
        </p>
        {phase === "open" ? (
          <>
            <Countdown until={deadline} serverNow={serverNow} />
            <Link to={enterHref} className="button button-light">
              {root?.user ? t("contest.enter") : t("contest.signInToEnter")}
            </Link>
          </>
        ) : phase === "upcoming" ? (
          <p>{t("contest.notOpenYet", { date: formatDateTime(contest.opensAt, locale, zone) })}</p>
        ) : (
          <p>{t("contest.closed")}</p>
        )}
      </section>

      <div className="two-columns">
        <aside aria-labelledby="timeline">
          <div className="panel">
            <h2 id="timeline">{t("contest.timeline")}</h2>
            <ol className="timeline">
              {timeline.map((step) => (
                <li key={step.key} className={step.important ? "is-key" : undefined}>
                  <strong>{step.label}</strong>
                  <LocalTime iso={step.iso} zone={zone} locale={locale} />
                </li>
              ))}
            </ol>
            <p className="muted">
              {zone === contest.timezone ? t("contest.contestTime", { zone }) : t("contest.localTime", { zone })}
            </p>
          </div>
        </aside>
        <div>
          <p className="prose" lang={contest.textLang.summary}>
            {contest.summary}
          </p>
          {contest.languages.length ? (
            <p className="muted">
              {t("contest.languagesLine", {
                list: contest.languages.map((code) => t(`languages.${code}`, { defaultValue: code })).join(", "),
              })}
            </p>
          ) : null}

          <h2 id="who">{t("contest.whoMayEnter")}</h2>
          <ul>
            {eligibility.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>

          {!contest.blindJudging ? <p className="notice">{t("contest.openJudging")}</p> : null}

          <h2 id="categories">{t("contest.categories")}</h2>
          <ul className="grid" aria-labelledby="categories">
            {contest.categories.map((category) => (
              <li key={category.slug} className="card">
                <h3 lang={category.textLang.name}>{category.name}</h3>
                <p lang={category.textLang.description}>{category.description}</p>
                <ul className="facts">
                  <li>
                    {t("contest.accepts")}:{" "}
                    {category.allowedTypes.map((type) => t(`media.${type}`, { defaultValue: type })).join(", ")}
                  </li>
                  <li>{t("contest.files", { count: category.maxFiles })}</li>
                  <li>{t("contest.maxSize", { size: numbers.bytes(category.maxFileBytes) })}</li>
                  {category.maxDurationSec ? (
                    <li>
                      {t("contest.maxDuration", {
                        duration:
                          category.maxDurationSec >= 60
                            ? t("units.minutes", { count: Math.round(category.maxDurationSec / 60) })
                            : t("units.seconds", { count: category.maxDurationSec }),
                      })}
                    </li>
                  ) : null}
                  {category.accessibilityText === "alt_text" ? <li>{t("contest.needsAltText")}</li> : null}
                  {category.accessibilityText === "captions_or_transcript" ? (
                    <li>{t("contest.needsCaptions")}</li>
                  ) : null}
                </ul>
              </li>
            ))}
          </ul>

          <h2 id="rules">{t("contest.rules")}</h2>
          <Markdown html={rules} lang={contest.textLang.rules} />
          <p>
            <Link to={`/contests/${contest.slug}/how-we-rank`}>{t("contest.howWeRankLink")}</Link>
          </p>
          {faq ? (
            <>
              <h2 id="faq">{t("contest.faq")}</h2>
              <Markdown html={faq} lang={contest.textLang.faq} />
            </>
          ) : null}
        </div>
      </div>
    </article>
  );
}
