import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { GalleryWorkView } from "~/components/gallery-work";
import { pageTitle } from "~/i18n/meta";
import { gallery } from "~/models/gallery.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { getUser } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "gallery.title");

/** The public winners' gallery, from the moment the results are published (and not before). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const found = await gallery(params.slug ?? "", await resolveLocale(request, user?.locale));
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
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
