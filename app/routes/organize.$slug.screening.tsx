import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { pageTitle } from "~/i18n/meta";
import { decideEntry, screeningQueue } from "~/models/screening.server";
import { SCREENABLE_STATUSES } from "~/models/entry";
import { SCREENING_FLAGS, screeningSchema } from "~/schemas/judging";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "screening.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const url = new URL(request.url);
  const query = {
    status: SCREENABLE_STATUSES.includes(url.searchParams.get("status") ?? "") ? url.searchParams.get("status")! : "",
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    page: Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1)),
  };
  const queue = await screeningQueue(contest.id, query);
  return {
    slug: contest.slug,
    query,
    total: queue.total,
    waiting: queue.waiting,
    pages: queue.pages,
    entries: queue.rows.map((e) => ({
      ...e,
      submittedAt: e.submittedAt?.toISOString() ?? null,
      updatedAt: e.updatedAt.toISOString(),
      editableUntil: e.editableUntil?.toISOString() ?? null,
      last: e.screening[0]
        ? { ...e.screening[0], createdAt: e.screening[0].createdAt.toISOString(), by: e.screening[0].actor.email }
        : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: screeningSchema });
  const entryId = String(form.get("entryId") ?? "");
  if (submission.status !== "success") {
    return data({ entryId, problems: Object.values(submission.error ?? {}).flat() as string[] }, { status: 400 });
  }
  const result = await decideEntry(contest.id, user.id, submission.value, await resolveLocale(request, user.locale));
  if (!result.ok && result.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (!result.ok) return data({ entryId, problems: [`screening.${result.reason}`] }, { status: 409 });
  return { entryId, problems: [] as string[] };
}

export default function Screening() {
  const { slug, query, total, waiting, pages, entries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const link = pageLink(`/organize/${slug}/screening`, { status: query.status, q: query.q });
  const yesNo = (value: boolean | null) => (value == null ? "—" : value ? t("entry.yes") : t("entry.no"));
  return (
    <section aria-labelledby="screening-title">
      <h1 id="screening-title">{t("screening.title")}</h1>
      <p>{t("screening.waiting", { count: waiting })}</p>
      <ListFilters label={t("judges.searchEntries")}>
        <SearchFilter id="screening-q" label={t("judges.searchEntries")} value={query.q} />
        <SelectFilter
          id="screening-status"
          name="status"
          label={t("entryList.status")}
          value={query.status}
          options={SCREENABLE_STATUSES.map((s) => ({ value: s, label: t(`entries.status.${s}`) }))}
        />
      </ListFilters>
      <p role="status">{t("entryList.found", { count: total })}</p>
      {entries.length === 0 ? <p>{t("screening.none")}</p> : null}
      <ol className="card-list">
        {entries.map((entry) => {
          const id = `screen-${entry.id}`;
          return (
            <li key={entry.id} className="card" data-testid="screening-entry">
              <h2 id={`${id}-title`}>
                {entry.referenceCode} · {entry.title || t("entries.untitled")}
              </h2>
              <p className="muted">
                {entry.category.name} · {entry.entrant.fullName} ({entry.entrant.country}) ·{" "}
                <strong>{t(`entries.status.${entry.status}`, { defaultValue: entry.status })}</strong>
                {entry.contentWarning ? ` · ${t("screening.contentWarning")}` : ""}
              </p>
              <p>{entry.summary}</p>
              <dl className="answers">
                <dt>{t("entry.identifiablePeople")}</dt>
                <dd>
                  {yesNo(entry.identifiablePeople)}
                  {entry.identifiablePeople ? ` · ${t("screening.releases", { count: entry._count.releases })}` : ""}
                </dd>
                <dt>{t("entry.showsSurvivors")}</dt>
                <dd>{yesNo(entry.showsSurvivors)}</dd>
                <dt>{t("entry.showsExactLocations")}</dt>
                <dd>{yesNo(entry.showsExactLocations)}</dd>
                <dt>{t("entry.graphicContent")}</dt>
                <dd>{yesNo(entry.graphicContent)}</dd>
              </dl>
              {entry.last ? (
                <p className="muted">
                  {t("screening.lastDecision", {
                    decision: t(`screening.decision.${entry.last.decision}`),
                    by: entry.last.by,
                    at: entry.last.createdAt.slice(0, 16).replace("T", " "),
                  })}
                </p>
              ) : null}
              <Form method="post" aria-labelledby={`${id}-title`}>
                <input type="hidden" name="entryId" value={entry.id} />
                <input type="hidden" name="seen" value={entry.updatedAt} />
                <fieldset className="choices inline">
                  <legend>{t("screening.decisionLabel")}</legend>
                  {(["eligible", "ineligible", "returned"] as const).map((decision) => (
                    <div className="choice" key={decision}>
                      <input
                        type="radio"
                        id={`${id}-${decision}`}
                        name="decision"
                        value={decision}
                        defaultChecked={entry.status === decision}
                        required
                      />
                      <label htmlFor={`${id}-${decision}`}>{t(`screening.decision.${decision}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <fieldset className="choices">
                  <legend>{t("screening.flagsLabel")}</legend>
                  {SCREENING_FLAGS.map((flag) => (
                    <div className="choice" key={flag}>
                      <input type="checkbox" id={`${id}-${flag}`} name="flags" value={flag} />
                      <label htmlFor={`${id}-${flag}`}>{t(`screening.flags.${flag}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <div className="field">
                  <label htmlFor={`${id}-message`}>{t("screening.message")}</label>
                  <p id={`${id}-message-hint`} className="field-hint">
                    {t("screening.messageHint")}
                  </p>
                  <textarea id={`${id}-message`} name="message" rows={3} aria-describedby={`${id}-message-hint`} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-until`}>{t("screening.returnUntil")}</label>
                  <p id={`${id}-until-hint`} className="field-hint">
                    {t("screening.returnUntilHint")}
                  </p>
                  <input id={`${id}-until`} name="returnUntil" type="date" aria-describedby={`${id}-until-hint`} />
                </div>
                {result?.entryId === entry.id ? <ErrorList errors={result.problems} /> : null}
                <button type="submit" className="button button-small" disabled={navigation.state !== "idle"}>
                  {t("screening.record")}
                </button>
              </Form>
            </li>
          );
        })}
      </ol>
      <Pager page={query.page} pages={pages} link={link} />
    </section>
  );
}
