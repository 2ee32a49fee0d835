import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { GalleryWorkView } from "~/components/gallery-work";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { gallery } from "~/models/gallery.server";
import { accept, refuse } from "~/forms.server";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { castVote, myVotes, voteCounts, votingState } from "~/models/vote.server";
import { getUser, requireUser } from "~/services/auth.server";
import { env } from "~/services/env.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/**
 * One winning work on its own page, for its maker to share: social networks read its preview
 * card (the title, the published name, the award and a picture) from the meta tags below.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const found = await gallery(params.slug ?? "", locale);
  const winner = found?.page.winners?.find((w) => w.id === params.id);
  if (!found || !winner) throw new Response("Not found", { status: 404 });
  const { contest, page } = found;
  const t = serverT(locale);
  const state = votingState(contest);
  const voted = user && state !== "off" ? (await myVotes(contest.id, user.id)).get(winner.categoryId) : undefined;
  const counts =
    state === "closed"
      ? await voteCounts(
          contest.id,
          page.winners!.map((w) => w.id),
        )
      : null;
  const url = `${env().APP_URL}/contests/${page.slug}/winners/${winner.id}`;
  const pictured = !winner.contentWarning && winner.media.some((m) => m.preview ?? m.poster);
  return {
    slug: page.slug,
    contest: page.title,
    timezone: page.timezone,
    winner,
    vote: {
      state,
      opensAt: contest.votingOpensAt?.toISOString() ?? null,
      closesAt: contest.votingClosesAt?.toISOString() ?? null,
      signedIn: Boolean(user),
      // the work this visitor chose in this category, when they voted
      votedFor: voted ? { id: voted, title: page.winners!.find((w) => w.id === voted)?.title ?? "" } : null,
      votes: counts ? (counts.get(winner.id)?.votes ?? 0) : null,
      chosen: counts ? Boolean(counts.get(winner.id)?.chosen) : false,
    },
    card: {
      locale,
      url,
      title: winner.title,
      description: t("gallery.cardDescription", {
        name: winner.name,
        place: t(`results.place.${winner.place}`),
        category: winner.category,
        contest: page.title,
      }),
      image: pictured ? `${url}/card` : null,
      imageAlt: pictured ? (winner.media.find((m) => m.preview ?? m.poster)?.altText ?? "") : "",
    },
  };
}

type Answer = { voted?: boolean };

/** A visitor's vote for this work (signed in: one vote per person and category). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const cast = await castVote(params.slug ?? "", params.id ?? "", user.id, context.ip);
  if (cast.ok) return accept<Answer>({ voted: true });
  if (cast.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (cast.reason === "already") return refuse<Answer>({ key: "vote.already" }, { status: 409 });
  if (cast.reason === "rateLimited") return refuse<Answer>({ key: "vote.rateLimited" }, { status: 429 });
  return refuse<Answer>({ key: "vote.closed" });
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
      <PeoplesChoice />
    </article>
  );
}

/**
 * The people's choice for this work: a vote button while the vote is open (signing in first,
 * so each person votes once per category), and the count once it has closed.
 */
function PeoplesChoice() {
  const { vote, winner, slug, timezone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(timezone);
  if (vote.state === "off") return null;
  if (vote.state === "notYet") {
    return vote.opensAt ? (
      <p className="notice">{t("vote.opens", { date: formatDateTime(vote.opensAt, i18n.language, zone) })}</p>
    ) : null;
  }
  const problems = answer?.result?.error?.[""] ?? [];
  return (
    <section className="panel" aria-labelledby="vote-title">
      <h2 id="vote-title">{t("vote.title")}</h2>
      {vote.state === "closed" ? (
        <p data-testid="vote-count">
          {vote.chosen ? `${t("vote.chosen", { category: winner.category })} ` : ""}
          {vote.votes === null ? null : t("vote.count", { count: vote.votes })}
        </p>
      ) : vote.votedFor ? (
        <p role="status" className="notice">
          {vote.votedFor.id === winner.id
            ? t("vote.votedThis", { category: winner.category })
            : t("vote.votedOther", { title: vote.votedFor.title, category: winner.category })}
        </p>
      ) : vote.signedIn ? (
        <Form method="post">
          <p>
            {t("vote.intro", {
              category: winner.category,
              date: vote.closesAt ? formatDateTime(vote.closesAt, i18n.language, zone) : "",
            })}
          </p>
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {t("vote.cast", { title: winner.title })}
          </button>
        </Form>
      ) : (
        <>
          <p>
            {t("vote.intro", {
              category: winner.category,
              date: vote.closesAt ? formatDateTime(vote.closesAt, i18n.language, zone) : "",
            })}
          </p>
          <p>
            <Link
              className="button"
              to={`/login?${new URLSearchParams({ redirectTo: `/contests/${slug}/winners/${winner.id}` })}`}
            >
              {t("vote.signIn")}
            </Link>
          </p>
          <p className="muted">{t("vote.why")}</p>
        </>
      )}
      {problems.length ? (
        <p className="alert" role="alert">
          {problems.map((p) => t(p.key, p.values)).join(" ")}
        </p>
      ) : null}
    </section>
  );
}
