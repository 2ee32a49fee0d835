import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { MediaView } from "~/components/media/media-view";
import { pageTitle } from "~/i18n/meta";
import { countryOptions } from "~/models/countries";
import { viewableMedia } from "~/models/media-view.server";
import { publishedWinners } from "~/models/results.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { getUser } from "~/services/auth.server";

const GALLERY_URL_SECONDS = 6 * 60 * 60;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "gallery.title");

/** The public winners' gallery, from the moment the results are published (and not before). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await publishedWinners(params.slug ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const { contest, winners } = found;
  const base = { slug: contest.slug, title: contest.title, timezone: contest.timezone };
  if (!winners) return { ...base, announcementAt: contest.announcementAt.toISOString(), winners: null };
  const user = await getUser(request);
  const names = new Map(countryOptions(await resolveLocale(request, user?.locale)).map((c) => [c.code, c.name]));
  // Public works, read at leisure: links that outlast a long visit (images load as one scrolls).
  const media = await Promise.all(
    winners.map((w) => viewableMedia(w.entry.media, { expiresInSec: GALLERY_URL_SECONDS })),
  );
  return {
    ...base,
    announcementAt: contest.announcementAt.toISOString(),
    winners: winners.map(({ place, entry }, index) => ({
      id: entry.id,
      place,
      category: entry.category.name,
      title: entry.title,
      statement: entry.statement,
      name: entry.entrant.displayName ?? "",
      country:
        entry.entrant.publishCountry && entry.entrant.country ? (names.get(entry.entrant.country) ?? null) : null,
      contentWarning: entry.contentWarning,
      transcript: entry.transcript,
      media: media[index]!,
    })),
  };
}

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
      {categories.map((category) => (
        <section key={category} aria-labelledby={`gallery-${category}`}>
          <h2 id={`gallery-${category}`}>{category}</h2>
          <ul className="gallery">
            {data
              .winners!.filter((w) => w.category === category)
              .map((winner) => (
                <li key={winner.id} className="card" data-testid="winner">
                  <p className="eyebrow">{t(`results.place.${winner.place}`)}</p>
                  <h3>{winner.title}</h3>
                  <p className="muted">
                    {winner.name}
                    {winner.country ? ` · ${winner.country}` : ""}
                  </p>
                  {winner.contentWarning ? (
                    <details>
                      <summary>{t("gallery.contentWarning")}</summary>
                      <WinnerMedia winner={winner} slug={data.slug} />
                    </details>
                  ) : (
                    <WinnerMedia winner={winner} slug={data.slug} />
                  )}
                  <p className="prewrap">{winner.statement}</p>
                  {winner.transcript ? (
                    <details>
                      <summary>{t("entry.transcript")}</summary>
                      <p className="prewrap">{winner.transcript}</p>
                    </details>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

type Winner = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["winners"]>[number];

function WinnerMedia({ winner, slug }: { winner: Winner; slug: string }) {
  return (
    <>
      {winner.media.map((m) => (
        <MediaView
          key={m.id}
          media={m}
          captionsUrl={`/contests/${slug}/winners/captions/${m.id}.vtt`}
          preload="none"
          workTitle={winner.title}
        />
      ))}
    </>
  );
}
