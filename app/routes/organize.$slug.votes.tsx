import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { parseForm } from "~/forms";
import { accept, invalid } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { publishedWinners } from "~/models/results.server";
import {
  BURST_VOTES,
  BURST_WINDOW_MS,
  discountNetwork,
  voteBursts,
  voteCounts,
  votingState,
} from "~/models/vote.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "votes.title");

const votesSchema = z.object({
  intent: z.enum(["discount", "restore"]),
  network: z.string().regex(/^[\w-]{1,40}$/),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const [found, bursts] = await Promise.all([publishedWinners(contest.slug), voteBursts(contest.id)]);
  const counts = await voteCounts(
    contest.id,
    (found?.winners ?? []).map((w) => w.entry.id),
  );
  return {
    slug: contest.slug,
    timezone: contest.timezone,
    state: votingState(contest),
    closesAt: contest.votingClosesAt?.toISOString() ?? null,
    works: (found?.winners ?? []).map((w) => ({
      id: w.entry.id,
      title: w.entry.title,
      category: w.entry.category.name,
      votes: counts.get(w.entry.id)?.votes ?? 0,
      chosen: Boolean(counts.get(w.entry.id)?.chosen),
    })),
    bursts,
    burst: { votes: BURST_VOTES, minutes: BURST_WINDOW_MS / 60_000 },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), votesSchema);
  if (submission.status !== "success") return invalid(submission);
  const { intent, network } = submission.value;
  const changed = await discountNetwork(contest.id, network, intent === "discount", user.id);
  return accept({ changed });
}

/**
 * The people's choice as organizers watch it: the votes that count for each work of the gallery
 * (visitors see none until the vote closes), and networks whose votes came in a burst, which
 * organizers can discount (and count again), each change in the audit trail.
 */
export default function Votes() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(data.timezone);
  if (data.state === "off") {
    return (
      <section aria-labelledby="votes-title">
        <h1 id="votes-title">{t("votes.title")}</h1>
        <p>{t("votes.off")}</p>
        <p>
          <Link to={`/organize/${data.slug}/settings#settings-after`}>{t("feedbackReview.turnOn")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="votes-title">
      <h1 id="votes-title">{t("votes.title")}</h1>
      <p>
        {t(`votes.state.${data.state}`, {
          date: data.closesAt ? formatDateTime(data.closesAt, i18n.language, zone) : "",
        })}
      </p>
      <TableScroll label={t("votes.counts")}>
        <table>
          <caption>{t("votes.counts")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("votes.category")}</th>
              <th scope="col">{t("votes.work")}</th>
              <th scope="col">{t("votes.votes")}</th>
            </tr>
          </thead>
          <tbody>
            {data.works.map((w) => (
              <tr key={w.id}>
                <td>{w.category}</td>
                <td>
                  {w.title}
                  {w.chosen ? ` · ${t("votes.leading")}` : ""}
                </td>
                <td>{w.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t("votes.bursts")}</h2>
      <p className="muted">{t("votes.burstsIntro", { count: data.burst.votes, minutes: data.burst.minutes })}</p>
      {data.bursts.length === 0 ? <p>{t("votes.noBursts")}</p> : null}
      {data.bursts.map((b) => (
        <div key={b.network} className="card" data-testid="vote-burst">
          <p>
            <strong>{t("votes.network", { network: b.network.slice(0, 8) })}</strong> ·{" "}
            {t("votes.burstCount", { count: b.votes, inWindow: b.inWindow, discounted: b.discounted })}
          </p>
          <p className="muted">
            {formatDateTime(b.first, i18n.language, zone)} – {formatDateTime(b.last, i18n.language, zone)}
          </p>
          <ul>
            {b.works.map((w) => (
              <li key={w.title}>{t("votes.forWork", { title: w.title, count: w.count })}</li>
            ))}
          </ul>
          <Form method="post">
            <input type="hidden" name="network" value={b.network} />
            {b.discounted < b.votes ? (
              <button
                type="submit"
                name="intent"
                value="discount"
                className="button button-secondary"
                disabled={navigation.state !== "idle"}
              >
                {t("votes.discount", { count: b.votes - b.discounted })}
              </button>
            ) : (
              <button
                type="submit"
                name="intent"
                value="restore"
                className="button button-secondary"
                disabled={navigation.state !== "idle"}
              >
                {t("votes.restore", { count: b.discounted })}
              </button>
            )}
          </Form>
        </div>
      ))}
    </section>
  );
}
