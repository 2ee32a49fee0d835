import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { useNumbers } from "~/components/numbers";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { pageTitle } from "~/i18n/meta";
import { resolveLocale } from "~/i18n/i18n.server";
import { countryOptions } from "~/models/countries";
import { contestDashboard } from "~/models/dashboard.server";
import { retentionPlan } from "~/models/retention.server";
import { requireOrganizerOf } from "~/services/auth.server";
import { env } from "~/services/env.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const names = new Map(countryOptions(await resolveLocale(request, user.locale)).map((c) => [c.code, c.name]));
  const { left, ...dashboard } = await contestDashboard(contest.id);
  const retention = await retentionPlan(contest.id, left);
  return {
    retention,
    timezone: contest.timezone,
    slug: contest.slug,
    refreshMs: env().DASHBOARD_REFRESH_SECONDS * 1000,
    ...dashboard,
    countries: dashboard.countries.map((c) => ({ ...c, name: names.get(c.code) ?? c.code })),
  };
}

/** Fetches the page's data again every `ms` while the tab is visible, so numbers move as entries arrive. */
function useLiveData(ms: number) {
  const revalidator = useRevalidator();
  const { revalidate } = revalidator;
  const idle = revalidator.state === "idle";
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && idle) revalidate();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, idle, revalidate]);
}

/** A panel whose table says how many of each there are: a row for each, its name and its count. */
function CountPanel({
  id,
  title,
  rows,
  children,
}: {
  id: string;
  title: string;
  rows: { key: string | number; label: string; count: number }[];
  children?: ReactNode;
}) {
  return (
    <div className="panel">
      <h2 id={id}>{title}</h2>
      <table aria-labelledby={id}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}

/** The contest at a glance: what came in, from whom, and where screening and judging stand. */
export default function Dashboard() {
  const { slug, refreshMs, totals, statuses, categories, days, countries, ages, judging, retention, timezone } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const numbers = useNumbers();
  const zone = useVisitorTimeZone(timezone);
  useLiveData(refreshMs);
  const most = Math.max(1, ...days.map((d) => d.count));
  const width = Math.max(days.length, 1) * 6;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t("dashboard.title")}</h1>
      <ul className="tiles">
        <li>
          <strong>{totals.entries}</strong> {t("dashboard.entries")}
        </li>
        <li>
          <strong>{totals.entrants}</strong> {t("dashboard.entrants")}
        </li>
        <li>
          <strong>{totals.drafts}</strong> {t("dashboard.drafts")}
        </li>
        <li>
          <Link to={`/organize/${slug}/screening`}>
            <strong>{totals.toScreen}</strong> {t("dashboard.toScreen")}
          </Link>
        </li>
        <li>
          <strong>{totals.eligible}</strong> {t("dashboard.eligible")}
        </li>
      </ul>

      <div className="panel">
        <h2 id="per-day-title">{t("dashboard.perDay")}</h2>
        <svg
          viewBox={`0 0 ${width} 100`}
          preserveAspectRatio="none"
          className="chart"
          role="img"
          aria-labelledby="per-day-title"
          aria-describedby="per-day-table"
        >
          {days.map((d, i) => (
            <rect key={d.day} x={i * 6 + 1} width={4} y={100 - (d.count / most) * 100} height={(d.count / most) * 100}>
              <title>{`${d.day}: ${d.count}`}</title>
            </rect>
          ))}
        </svg>
        <details>
          <summary>{t("dashboard.asTable")}</summary>
          <TableScroll label={t("dashboard.asTable")}>
            <table id="per-day-table">
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.day")}</th>
                  <th scope="col">{t("dashboard.submissions")}</th>
                </tr>
              </thead>
              <tbody>
                {days
                  .filter((d) => d.count > 0)
                  .map((d) => (
                    <tr key={d.day}>
                      <td>{d.day}</td>
                      <td>{d.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </div>

      <div className="panel">
        <h2 id="by-category-title">{t("dashboard.byCategory")}</h2>
        <TableScroll labelledBy="by-category-title">
          <table aria-labelledby="by-category-title">
            <thead>
              <tr>
                <th scope="col">{t("final.category")}</th>
                {statuses.map((s) => (
                  <th scope="col" key={s}>
                    {t(`entries.status.${s}`, { defaultValue: s })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.name} data-testid="category-row">
                  <th scope="row">{c.name}</th>
                  {statuses.map((s) => (
                    <td key={s}>{c.byStatus[s]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>

      <div className="columns">
        <CountPanel
          id="countries-title"
          title={t("dashboard.byCountry")}
          rows={countries.slice(0, 20).map((c) => ({ key: c.code, label: c.name, count: c.count }))}
        >
          {countries.length > 20 ? (
            <p className="muted">{t("dashboard.moreCountries", { count: countries.length - 20 })}</p>
          ) : null}
        </CountPanel>
        <CountPanel
          id="ages-title"
          title={t("dashboard.byAge")}
          rows={ages.map((band) => ({
            key: band.from,
            label:
              band.to >= 200
                ? t("dashboard.ageOver", { from: numbers.number(band.from, 0) })
                : t("dashboard.ageBand", { range: numbers.range(band.from, band.to) }),
            count: band.count,
          }))}
        />
      </div>

      <div className="panel">
        <h2 id="judging-title">{t("dashboard.judging")}</h2>
        {judging.length === 0 ? (
          <p>{t("dashboard.noJudging")}</p>
        ) : (
          <TableScroll labelledBy="judging-title">
            <table aria-labelledby="judging-title">
              <thead>
                <tr>
                  <th scope="col">{t("results.judge")}</th>
                  <th scope="col">{t("results.roundScoring")}</th>
                  <th scope="col">{t("queue.finalRound")}</th>
                </tr>
              </thead>
              <tbody>
                {judging.map((j) => (
                  <tr key={j.email}>
                    <th scope="row">{j.email}</th>
                    <td>{t("judges.progress", { submitted: j.scoring.done, assigned: j.scoring.total })}</td>
                    <td>
                      {j.final.compared !== null
                        ? t("compare.decidedBy", { count: j.final.compared })
                        : j.final.total
                          ? t("judges.progress", { submitted: j.final.done, assigned: j.final.total })
                          : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>

      <div className="panel">
        <h2 id="retention-title">{t("dashboard.retention.title")}</h2>
        <p data-testid="retention">
          {retention.doneAt
            ? t("dashboard.retention.done", { date: formatDateTime(retention.doneAt, i18n.language, zone) })
            : retention.endsAt
              ? t("dashboard.retention.scheduled", {
                  date: formatDateTime(retention.endsAt, i18n.language, zone),
                  entries: t("dashboard.retention.entries", { count: retention.entries }),
                  files: t("dashboard.retention.files", { count: retention.files }),
                })
              : t("dashboard.retention.afterResults", { count: retention.months })}
        </p>
        <p className="muted">
          {t("dashboard.retention.rule")}{" "}
          <Link to={`/organize/${slug}/settings#retention`}>{t("dashboard.retention.change")}</Link>
        </p>
      </div>
    </section>
  );
}
