import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { MediaList } from "~/components/media/media-view";
import { TableScroll } from "~/components/table-scroll";
import { useNumbers } from "~/components/numbers";
import { pageTitle } from "~/i18n/meta";
import { getContestEntry } from "~/models/entry-list.server";
import { viewableMedia } from "~/models/media-view.server";
import { rubricOf } from "~/models/rubric.server";
import { parseSheet, sheetTotal } from "~/models/scoring";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "results.entryTitle");

/** One entry as organizers see it: the work, who made it, and every judge's scores and comments. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const entry = await getContestEntry(contest.id, params.id ?? "");
  if (!entry) throw new Response("Not found", { status: 404 });
  const [criteria, media] = await Promise.all([rubricOf(contest.id), viewableMedia(entry.media, { originals: true })]);
  return {
    slug: contest.slug,
    entry: {
      referenceCode: entry.referenceCode,
      title: entry.title,
      category: entry.category.name,
      status: entry.status,
      summary: entry.summary,
      statement: entry.statement,
      entrant: entry.entrant,
      award: entry.award?.place ?? null,
      id: entry.id,
      media,
    },
    criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
    sheets: entry.assignments.map((a) => {
      const sheet = parseSheet(a.scores, a.comments);
      return {
        id: a.id,
        round: a.round,
        judge: a.judge.email,
        status: a.status,
        total: sheetTotal(criteria, sheet.scores),
        ...sheet,
      };
    }),
  };
}

export default function OrganizerEntry() {
  const { slug, entry, criteria, sheets } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const numbers = useNumbers();
  return (
    <section aria-labelledby="entry-title">
      <h1 id="entry-title">
        {entry.referenceCode ? `${entry.referenceCode} · ` : ""}
        {entry.title || t("entries.untitled")}
      </h1>
      <p className="muted">
        {entry.category} · {entry.entrant.fullName} ({entry.entrant.country}) · {entry.entrant.email} ·{" "}
        {t(`entries.status.${entry.status}`, { defaultValue: entry.status })}
        {entry.award ? ` · ${t(`results.place.${entry.award}`)}` : ""}
      </p>
      <MediaList
        media={entry.media}
        captionsUrl={(m) => `/organize/${slug}/entries/${entry.id}/captions/${m.id}.vtt`}
        zoomable
      />
      <h2>{t("entry.summary")}</h2>
      <p className="prewrap">{entry.summary}</p>
      <h2>{t("entry.statement")}</h2>
      <p className="prewrap">{entry.statement}</p>
      <h2 id="sheets-title">{t("results.sheets")}</h2>
      <TableScroll labelledBy="sheets-title">
        <table aria-labelledby="sheets-title">
          <thead>
            <tr>
              <th scope="col">{t("results.judge")}</th>
              {criteria.map((c) => (
                <th scope="col" key={c.id}>
                  {c.name}
                </th>
              ))}
              <th scope="col">{t("results.total")}</th>
              <th scope="col">{t("results.comments")}</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((sheet) => (
              <tr key={sheet.id} data-testid="sheet-row">
                <th scope="row">
                  {sheet.judge}
                  <span className="muted">
                    {" "}
                    · {sheet.round === "final" ? t("queue.finalRound") : t("results.roundScoring")} ·{" "}
                    {t(`queue.status.${sheet.status}`)}
                  </span>
                </th>
                {criteria.map((c) => (
                  <td key={c.id}>
                    {sheet.scores[c.id] ?? "—"}
                    {sheet.comments[c.id] ? <p className="muted prewrap">{sheet.comments[c.id]}</p> : null}
                  </td>
                ))}
                <td>{numbers.number(sheet.total)}</td>
                <td className="prewrap">{sheet.comments.overall ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
