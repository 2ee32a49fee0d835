import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { listOwnEntries } from "~/models/entry.server";
import { listPublicContests } from "~/models/contest.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { requireUser } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entries.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user.locale);
  const [entries, contests] = await Promise.all([listOwnEntries(user.id, locale), listPublicContests(locale)]);
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      title: entry.title,
      status: entry.status,
      referenceCode: entry.referenceCode,
      organizerMessage: entry.organizerMessage,
      category: entry.category.name,
      contest: entry.contest.title,
      slug: entry.contest.slug,
      // once results are out: the award, or that this entry was not among the winners
      final:
        entry.contest.resultsPublishedAt && entry.submittedAt && entry.status !== "withdrawn"
          ? (entry.award?.place ?? "none")
          : null,
    })),
    contests: contests.filter((c) => c.status === "open").map(({ slug, title }) => ({ slug, title })),
  };
}

export default function MyEntries() {
  const { entries, contests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="entries-title">
      <h1 id="entries-title">{t("entries.title")}</h1>
      {entries.length === 0 ? <p>{t("entries.none")}</p> : null}
      <ul className="grid">
        {entries.map((entry) => (
          <li key={entry.id} className="card" data-testid="entry-card">
            <p className="eyebrow">
              {entry.contest} · {entry.category}
            </p>
            <h2>
              <Link to={`/entries/${entry.id}`}>{entry.title || t("entries.untitled")}</Link>
            </h2>
            <p className={`status status-${entry.status}`}>
              {t(`entries.status.${entry.status}`, { defaultValue: entry.status })}
            </p>
            {entry.referenceCode ? <p>{t("entries.reference", { code: entry.referenceCode })}</p> : null}
            {entry.final ? (
              <p className="notice" data-testid="final-status">
                {entry.final === "none"
                  ? t("entries.notAwarded")
                  : t("entries.awarded", { place: t(`results.place.${entry.final}`) })}{" "}
                <Link to={`/contests/${entry.slug}/winners`}>{t("results.gallery")}</Link>
              </p>
            ) : null}
            {entry.organizerMessage ? (
              <div className="notice" data-testid="organizer-message">
                <p>
                  <strong>{t("entry.organizerMessage")}</strong>
                </p>
                <p className="prewrap">{entry.organizerMessage}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {contests.map((contest) => (
        <p key={contest.slug}>
          <Link to={`/contests/${contest.slug}/enter`} className="button">
            {t("entries.start")} — {contest.title}
          </Link>
        </p>
      ))}
    </section>
  );
}
