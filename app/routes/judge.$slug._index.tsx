import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { pageTitle } from "~/i18n/meta";
import { judgeQueue, roundOpen } from "~/models/scoring.server";
import { entryPath } from "~/models/scoring";
import { requireJudgeOf } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "queue.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest, seat } = await requireJudgeOf(request, params.slug ?? "");
  if (!seat.conflictsDeclaredAt) throw redirect(`/judge/${contest.slug}/conflicts`);
  const [queue, final] = await Promise.all([
    judgeQueue(contest.id, user.id, "scoring"),
    judgeQueue(contest.id, user.id, "final"),
  ]);
  return {
    contest: { slug: contest.slug, title: contest.title, timezone: contest.timezone },
    closesAt: contest.judgingEndsAt.toISOString(),
    open: roundOpen(contest, "scoring"),
    queue,
    final: {
      // a comparative final shows pairs on its own page instead of a sheet per work
      pairwise: contest.finalMethod === "pairwise",
      items: final,
      closesAt: contest.finalRoundEndsAt?.toISOString() ?? null,
      open: roundOpen(contest, "final"),
    },
  };
}

/** A judge's entries for the round, with their progress and the round's deadline. */
export default function JudgeQueue() {
  const { contest, closesAt, open, queue, final } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(contest.timezone);
  const done = queue.filter((q) => q.status === "submitted").length;
  return (
    <section aria-labelledby="queue-title">
      <p className="eyebrow">{contest.title}</p>
      <h1 id="queue-title">{t("queue.title")}</h1>
      <p>
        {open ? t("queue.closes", { date: formatDateTime(closesAt, i18n.language, zone) }) : t("queue.closed")}{" "}
        <Link to={`/judge/${contest.slug}/conflicts`}>{t("queue.conflicts")}</Link>
      </p>
      <p>
        <label htmlFor="progress">{t("queue.progress", { done, total: queue.length })}</label>{" "}
        <progress id="progress" max={Math.max(1, queue.length)} value={done} />
      </p>
      {queue.length === 0 ? <p>{t("queue.empty")}</p> : null}
      {final.items.length ? (
        <section aria-labelledby="final-title" className="panel">
          <h2 id="final-title">{t("queue.finalRound")}</h2>
          <p>
            {final.open && final.closesAt
              ? t("queue.closes", { date: formatDateTime(final.closesAt, i18n.language, zone) })
              : t("queue.closed")}{" "}
            {final.pairwise
              ? null
              : t("queue.progress", {
                  done: final.items.filter((q) => q.status === "submitted").length,
                  total: final.items.length,
                })}
          </p>
          {final.pairwise ? (
            <p>
              {t("compare.invitation", { count: final.items.length })}{" "}
              <Link to={`/judge/${contest.slug}/compare`} className="button">
                {t("compare.title")}
              </Link>
            </p>
          ) : (
            <ol className="card-list">
              {final.items.map((item) => (
                <li key={item.code} className="card" data-testid="final-item">
                  <h3>
                    <Link to={entryPath(contest.slug, item.code, "final")}>{item.title || t("entries.untitled")}</Link>
                  </h3>
                  <p className="muted">
                    {t("queue.code", { code: item.code })} · {item.category} ·{" "}
                    <strong>{t(`queue.status.${item.status}`)}</strong>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
      <ol className="card-list">
        {queue.map((item) => (
          <li key={item.code} className="card" data-testid="queue-item">
            <h2>
              <Link to={`/judge/${contest.slug}/entries/${item.code}`}>{item.title || t("entries.untitled")}</Link>
            </h2>
            <p className="muted">
              {t("queue.code", { code: item.code })} · {item.category} ·{" "}
              <strong>{t(`queue.status.${item.status}`)}</strong>
              {item.contentWarning ? ` · ${t("queue.contentWarning")}` : ""}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
