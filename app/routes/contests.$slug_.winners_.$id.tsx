import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GalleryWorkView } from "~/components/gallery-work";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { gallery } from "~/models/gallery.server";
import { getUser } from "~/services/auth.server";
import { env } from "~/services/env.server";

/**
 * One winning work on its own page, for its maker to share: social networks read its preview
 * card (the title, the published name, the award and a picture) from the meta tags below.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const found = await gallery(params.slug ?? "", locale);
  const winner = found?.winners?.find((w) => w.id === params.id);
  if (!found || !winner) throw new Response("Not found", { status: 404 });
  const t = serverT(locale);
  const url = `${env().APP_URL}/contests/${found.slug}/winners/${winner.id}`;
  const pictured = !winner.contentWarning && winner.media.some((m) => m.preview ?? m.poster);
  return {
    slug: found.slug,
    contest: found.title,
    winner,
    card: {
      locale,
      url,
      title: winner.title,
      description: t("gallery.cardDescription", {
        name: winner.name,
        place: t(`results.place.${winner.place}`),
        category: winner.category,
        contest: found.title,
      }),
      image: pictured ? `${url}/card` : null,
      imageAlt: pictured ? (winner.media.find((m) => m.preview ?? m.poster)?.altText ?? "") : "",
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Mosaic" }];
  const { card } = data;
  return [
    { title: `${card.title} · ${data.contest} · Mosaic` },
    { name: "description", content: card.description },
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: data.contest },
    { property: "og:locale", content: card.locale },
    { property: "og:url", content: card.url },
    { property: "og:title", content: card.title },
    { property: "og:description", content: card.description },
    ...(card.image
      ? [
          { property: "og:image", content: card.image },
          { property: "og:image:alt", content: card.imageAlt },
        ]
      : []),
    { name: "twitter:card", content: card.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: card.title },
    { name: "twitter:description", content: card.description },
    { tagName: "link", rel: "canonical", href: card.url },
  ];
};

export default function GalleryWorkPage() {
  const { slug, contest, winner } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="work-title" className="card">
      <p className="eyebrow">
        <Link to={`/contests/${slug}/winners`}>{t("gallery.backTo", { contest })}</Link> · {winner.category}
      </p>
      <GalleryWorkView winner={winner} slug={slug} heading={<h1 id="work-title">{winner.title}</h1>} />
    </article>
  );
}
