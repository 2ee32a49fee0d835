import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { GalleryWorkView } from "~/components/gallery-work";
import { pageTitle } from "~/i18n/meta";
import { gallery } from "~/models/gallery.server";
import { voteCounts, votingChanges, votingState } from "~/models/vote.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { getUser, keptPageHeaders } from "~/services/auth.server";
import { now } from "~/services/clock.server";
import { secondsUntilNext } from "~/services/page-cache";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "gallery.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/** The public winners' gallery, from the moment the results are published (and not before). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const found = await gallery(params.slug ?? "", await resolveLocale(request, user?.locale));
  if (!found) throw new Response("Not found", { status: 404 });
  const { contest, page } = found;
  const at = now();
  const state = votingState(contest, at);
  const counts =
    state === "closed"
      ? await voteCounts(
          contest.id,
          (page.winners ?? []).map((w) => w.id),
        )
      : null;
  return data(
    {
      ...page,
      vote: {
        state,
        closesAt: contest.votingClosesAt?.toISOString() ?? null,
        // once the vote has closed: each category's people's choice, with its votes
        chosen: counts
          ? (page.winners ?? [])
              .filter((w) => counts.get(w.id)?.chosen)
              .map((w) => ({
                id: w.id,
                title: w.title,
                name: w.name,
                category: w.category,
                votes: counts.get(w.id)!.votes,
              }))
          : [],
      },
    },
    // Kept half a minute at most (its media's addresses last hours), never across the opening or
    // the close of the people's vote.
    {
      headers: await keptPageHeaders(request, at, secondsUntilNext(at, votingChanges(contest), 30)),
    },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Winners() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(data.timezone);
  if (!data.winners) {
    return (
      <section aria-labelledby="gallery-title">
        <p className="eyebrow">{data.title}</p>
        <h1 id="gallery-title">{t("gallery.title")}</h1>
        <p>{t("gallery.notYet", { date: formatDateTime(data.announcementAt, i18n.language, zone) })}</p>
      </section>
    );
  }
  const categories = [...new Set(data.winners.map((w) => w.category))];
  return (
    <section aria-labelledby="gallery-title">
      <p className="eyebrow">{data.title}</p>
      <h1 id="gallery-title">{t("gallery.title")}</h1>
      {data.winners.length === 0 ? <p>{t("gallery.none")}</p> : null}
      {data.vote.state === "open" ? (
        <p className="notice">
          {t("vote.galleryOpen", {
            date: data.vote.closesAt ? formatDateTime(data.vote.closesAt, i18n.language, zone) : "",
          })}
        </p>
      ) : null}
      {data.vote.chosen.length ? (
        <section className="panel" aria-labelledby="peoples-choice" data-testid="peoples-choice">
          <h2 id="peoples-choice">{t("vote.title")}</h2>
          <p className="muted">{t("vote.apart")}</p>
          <ul>
            {data.vote.chosen.map((w) => (
              <li key={w.id}>
                {w.category}: <Link to={`/contests/${data.slug}/winners/${w.id}`}>{w.title}</Link> · {w.name} ·{" "}
                {t("vote.count", { count: w.votes })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {categories.map((category) => (
        <section key={category} aria-labelledby={`gallery-${category}`}>
          <h2 id={`gallery-${category}`}>{category}</h2>
          <ul className="gallery">
            {data
              .winners!.filter((w) => w.category === category)
              .map((winner) => (
                <li key={winner.id} className="card" data-testid="winner">
                  <GalleryWorkView
                    winner={winner}
                    slug={data.slug}
                    heading={
                      <h3>
                        <Link to={`/contests/${data.slug}/winners/${winner.id}`}>{winner.title}</Link>
                      </h3>
                    }
                  />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
