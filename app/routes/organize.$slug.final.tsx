import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { ListFilters, pageLink, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { pageTitle } from "~/i18n/meta";
import { saveShortlist, shortlistTable, startFinalRound } from "~/models/assignment.server";
import { endOfDayIn } from "~/models/contest";
import { requireOrganizerOf } from "~/services/auth.server";
import { now } from "~/services/clock.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "final.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const url = new URL(request.url);
  const query = {
    category: (url.searchParams.get("category") ?? "").slice(0, 80),
    shortlistedOnly: url.searchParams.get("shortlisted") === "1",
    page: Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1)),
  };
  return {
    slug: contest.slug,
    query,
    table: await shortlistTable(contest.id, query),
    timezone: contest.timezone,
    closesAt: contest.finalRoundEndsAt?.toISOString() ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const form = await request.formData();
  await saveShortlist(
    contest.id,
    form.getAll("shown").map((value) => String(value)),
    form.getAll("shortlist").map((value) => String(value)),
  );
  if (form.get("intent") !== "start") return data({ problems: [] as string[], started: null });
  const date = String(form.get("closes") ?? "");
  const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(date) ? endOfDayIn(date, contest.timezone) : null;
  if (!closesAt || closesAt <= now()) return data({ problems: ["final.dateNeeded"], started: null }, { status: 400 });
  return data({ problems: [] as string[], started: await startFinalRound(contest.id, closesAt, user.id) });
}

/** The optional final round: organizers pick a shortlist, and every judge without a conflict scores it. */
export default function FinalRound() {
  const { slug, query, table, timezone, closesAt } = useLoaderData<typeof loader>();
  const entries = table.rows;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(timezone);
  const link = pageLink(`/organize/${slug}/final`, {
    category: query.category,
    shortlisted: query.shortlistedOnly,
  });
  return (
    <section aria-labelledby="final-title">
      <h1 id="final-title">{t("final.title")}</h1>
      <p>{t("final.intro")}</p>
      {closesAt ? <p>{t("final.running", { date: formatDateTime(closesAt, i18n.language, zone) })}</p> : null}
      {result?.started ? (
        <p role="status" className="notice">
          {t("final.started", { created: result.started.created, entries: result.started.entries })}
        </p>
      ) : null}
      <ListFilters label={t("final.filter")}>
        <SelectFilter
          id="final-category"
          name="category"
          label={t("final.category")}
          value={query.category}
          options={table.categories.map((name) => ({ value: name, label: name }))}
        />
        <div className="field field-check">
          <input
            id="final-shortlisted"
            type="checkbox"
            name="shortlisted"
            value="1"
            defaultChecked={query.shortlistedOnly}
          />
          <label htmlFor="final-shortlisted">{t("final.onlyShortlisted")}</label>
        </div>
      </ListFilters>
      <p role="status">{t("final.count", { count: table.shortlisted })}</p>
      <Form method="post" className="panel">
        <ErrorList errors={result?.problems} />
        {entries.length === 0 ? <p>{t("final.none")}</p> : null}
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("final.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("final.shortlist")}</th>
                <th scope="col">{t("judges.entry")}</th>
                <th scope="col">{t("final.category")}</th>
                <th scope="col">{t("final.scored")}</th>
                <th scope="col">{t("final.mean")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="shortlist-row">
                  <td>
                    <input type="hidden" name="shown" value={entry.id} />
                    <input
                      type="checkbox"
                      id={`shortlist-${entry.id}`}
                      name="shortlist"
                      value={entry.id}
                      defaultChecked={entry.shortlisted}
                    />
                  </td>
                  <th scope="row">
                    <label htmlFor={`shortlist-${entry.id}`}>
                      {entry.referenceCode} · {entry.title}
                    </label>
                  </th>
                  <td>{entry.category}</td>
                  <td>{t("judges.progress", { submitted: entry.scored, assigned: entry.assigned })}</td>
                  <td>{entry.mean === null ? "—" : entry.mean.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={query.page} pages={table.pages} link={link} />
        <div className="field">
          <label htmlFor="closes">{t("final.closes")}</label>
          <p id="closes-hint" className="field-hint">
            {t("final.closesHint")}
          </p>
          <input id="closes" name="closes" type="date" aria-describedby="closes-hint" />
        </div>
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button-secondary"
            disabled={navigation.state !== "idle"}
          >
            {t("final.save")}
          </button>
          <button type="submit" name="intent" value="start" className="button" disabled={navigation.state !== "idle"}>
            {t("final.start")}
          </button>
        </div>
      </Form>
    </section>
  );
}
