import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { pageTitle } from "~/i18n/meta";
import { assignmentTable, labelShortfalls, moveAssignment, runAssignment } from "~/models/assignment.server";
import { inviteJudge, listJudges } from "~/models/judge.server";
import { inviteSchema } from "~/schemas/judging";
import { requireOrganizerOf } from "~/services/auth.server";

const JUDGES_PAGE = 50;

/** The filters of the other list on the page, without the empty ones and page 1. */
function keep(filters: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(filters).filter(([name, value]) => value && !(name.endsWith("page") && value === "1")),
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "judges.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const url = new URL(request.url);
  const query = {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    judgeId: (url.searchParams.get("judge") ?? "").slice(0, 40),
    page: Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1)),
  };
  const panelQuery = {
    who: (url.searchParams.get("who") ?? "").trim().slice(0, 100),
    state: ["undeclared", "unfinished"].includes(url.searchParams.get("state") ?? "")
      ? url.searchParams.get("state")!
      : "",
    page: Math.max(1, Math.min(1_000, Number(url.searchParams.get("jpage")) || 1)),
  };
  const [{ judges, invitations }, table] = await Promise.all([
    listJudges(contest.id),
    assignmentTable(contest.id, query),
  ]);
  // A panel is tens of people, a few hundred at most: filtered and paged here.
  const panel = judges.filter(
    (j) =>
      (!panelQuery.who || `${j.email} ${j.name ?? ""}`.toLowerCase().includes(panelQuery.who.toLowerCase())) &&
      (panelQuery.state !== "undeclared" || !j.declared) &&
      (panelQuery.state !== "unfinished" || j.submitted < j.assigned),
  );
  return {
    slug: contest.slug,
    perEntry: contest.judgesPerEntry,
    judges,
    panelQuery,
    panel: {
      total: panel.length,
      pages: Math.max(1, Math.ceil(panel.length / JUDGES_PAGE)),
      rows: panel.slice((panelQuery.page - 1) * JUDGES_PAGE, panelQuery.page * JUDGES_PAGE),
    },
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    query,
    table,
  };
}

type ActionResult = {
  intent: string;
  problems: string[];
  run?: {
    created: number;
    removed: number;
    shortfalls: { entryId: string; code: string; assigned: number; needed: number }[];
  };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "invite") {
    const submission = parseWithZod(form, { schema: inviteSchema });
    if (submission.status !== "success") {
      return data<ActionResult>(
        { intent, problems: submission.error?.email ?? ["errors.badRequest"] },
        { status: 400 },
      );
    }
    await inviteJudge(contest.id, user.id, submission.value.email, await resolveLocale(request, user.locale));
    return data<ActionResult>({ intent, problems: [] });
  }
  if (intent === "assign") {
    const run = await runAssignment(contest.id, user.id);
    return data<ActionResult>({
      intent,
      problems: [],
      run: { ...run, shortfalls: await labelShortfalls(contest.id, run.shortfalls) },
    });
  }
  if (intent === "move") {
    const moved = await moveAssignment(
      contest.id,
      String(form.get("assignmentId") ?? ""),
      String(form.get("judgeId") ?? ""),
      user.id,
    );
    if (!moved.ok && moved.reason === "notFound") throw new Response("Not found", { status: 404 });
    return data<ActionResult>(
      { intent, problems: moved.ok ? [] : [`judges.move.${moved.reason}`] },
      { status: moved.ok ? 200 : 409 },
    );
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Judges() {
  const { slug, judges, panelQuery, panel, invitations, query, table, perEntry } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";
  // The page holds two lists; each keeps the other's filters and page.
  const assignmentFilters = { q: query.q, judge: query.judgeId, page: String(query.page) };
  const panelFilters = { who: panelQuery.who, state: panelQuery.state, jpage: String(panelQuery.page) };
  const link = pageLink(`/organize/${slug}/judges`, { q: query.q, judge: query.judgeId, ...keep(panelFilters) });
  const panelLink = pageLink(
    `/organize/${slug}/judges`,
    { who: panelQuery.who, state: panelQuery.state, ...keep(assignmentFilters) },
    "jpage",
  );
  return (
    <section aria-labelledby="judges-title">
      <h1 id="judges-title">{t("judges.title")}</h1>

      <div className="panel">
        <h2 id="invite-title">{t("judges.invite")}</h2>
        <Form method="post" aria-labelledby="invite-title">
          <input type="hidden" name="intent" value="invite" />
          <div className="field">
            <label htmlFor="invite-email">{t("judges.email")}</label>
            <input id="invite-email" name="email" type="email" required autoComplete="off" />
            {result?.intent === "invite" ? <ErrorList errors={result.problems} /> : null}
          </div>
          <button type="submit" className="button button-small" disabled={busy}>
            {t("judges.send")}
          </button>
          {result?.intent === "invite" && result.problems.length === 0 ? (
            <p role="status" className="notice">
              {t("judges.sent")}
            </p>
          ) : null}
        </Form>
        {invitations.length ? (
          <>
            <h3>{t("judges.pending")}</h3>
            <ul>
              {invitations.map((i) => (
                <li key={i.id}>
                  {i.email} · {i.expired ? t("judges.expired") : t("judges.waiting")}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>

      <div className="panel">
        <h2 id="panel-title">{t("judges.panel")}</h2>
        {judges.length > 0 ? (
          <>
            <ListFilters label={t("judges.searchJudges")} keep={keep(assignmentFilters)}>
              <SearchFilter id="panel-who" name="who" label={t("judges.searchJudges")} value={panelQuery.who} />
              <SelectFilter
                id="panel-state"
                name="state"
                label={t("judges.stateFilter")}
                value={panelQuery.state}
                options={[
                  { value: "undeclared", label: t("judges.undeclaredFilter") },
                  { value: "unfinished", label: t("judges.unfinished") },
                ]}
              />
            </ListFilters>
            <p role="status">{t("judges.found", { count: panel.total })}</p>
          </>
        ) : null}
        {judges.length === 0 ? (
          <p>{t("judges.none")}</p>
        ) : (
          <div className="table-scroll">
            <table aria-labelledby="panel-title">
              <thead>
                <tr>
                  <th scope="col">{t("judges.email")}</th>
                  <th scope="col">{t("judges.conflicts")}</th>
                  <th scope="col">{t("judges.load")}</th>
                </tr>
              </thead>
              <tbody>
                {panel.rows.map((judge) => (
                  <tr key={judge.id} data-testid="judge-row">
                    <td>
                      {judge.email}
                      {judge.country ? ` (${judge.country})` : ""}
                    </td>
                    <td>
                      {judge.declared
                        ? [
                            ...judge.conflicts.people,
                            ...judge.conflicts.organisations,
                            ...judge.conflicts.countries,
                          ].join(", ") || t("judges.noConflicts")
                        : t("judges.notDeclared")}
                    </td>
                    <td>{t("judges.progress", { submitted: judge.submitted, assigned: judge.assigned })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={panelQuery.page} pages={panel.pages} link={panelLink} />
      </div>

      <div className="panel">
        <h2 id="assign-title">{t("judges.assignment")}</h2>
        <p>{t("judges.assignmentIntro", { count: perEntry })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="assign" />
          <button type="submit" className="button" disabled={busy}>
            {t("judges.assign")}
          </button>
        </Form>
        {result?.run ? (
          <div role="status" className={result.run.shortfalls.length ? "alert" : "notice"}>
            <p>{t("judges.assigned", { created: result.run.created, removed: result.run.removed })}</p>
            {result.run.shortfalls.length ? (
              <>
                <p>{t("judges.shortfalls", { count: result.run.shortfalls.length })}</p>
                <ul>
                  {result.run.shortfalls.map((s) => (
                    <li key={s.entryId}>
                      {t("judges.shortfall", { code: s.code, assigned: s.assigned, needed: s.needed })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {result?.intent === "move" ? <ErrorList errors={result.problems} /> : null}
        <ListFilters label={t("judges.searchEntries")} keep={keep(panelFilters)}>
          <SearchFilter id="assignment-q" label={t("judges.searchEntries")} value={query.q} />
          <SelectFilter
            id="assignment-judge"
            name="judge"
            label={t("judges.ofJudge")}
            value={query.judgeId}
            options={judges.map((j) => ({ value: j.id, label: j.email }))}
          />
        </ListFilters>
        <p role="status">{t("entryList.found", { count: table.total })}</p>
        {table.rows.length ? (
          <div className="table-scroll">
            <table aria-labelledby="assign-title">
              <thead>
                <tr>
                  <th scope="col">{t("judges.entry")}</th>
                  <th scope="col">{t("judges.judgesOfEntry")}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((entry) => (
                  <tr key={entry.id} data-testid="assignment-row">
                    <th scope="row">
                      {entry.referenceCode} · {entry.title}
                    </th>
                    <td>
                      <ul className="plain">
                        {entry.judges.map((j) => (
                          <li key={j.assignmentId}>
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="intent" value="move" />
                              <input type="hidden" name="assignmentId" value={j.assignmentId} />
                              <span>
                                {j.email}
                                {j.status === "submitted" ? ` · ${t("judges.scored")}` : ""}
                              </span>
                              {j.status !== "submitted" ? (
                                <>
                                  <label className="visually-hidden" htmlFor={`move-${j.assignmentId}`}>
                                    {t("judges.moveTo", { code: entry.referenceCode, email: j.email })}
                                  </label>
                                  <select id={`move-${j.assignmentId}`} name="judgeId" defaultValue="">
                                    <option value="" disabled>
                                      {t("judges.chooseJudge")}
                                    </option>
                                    {judges
                                      .filter((other) => !entry.judges.some((x) => x.judgeId === other.id))
                                      .map((other) => (
                                        <option key={other.id} value={other.id}>
                                          {other.email}
                                        </option>
                                      ))}
                                  </select>
                                  <button
                                    type="submit"
                                    className="button button-secondary button-small"
                                    disabled={busy}
                                  >
                                    {t("judges.move.button")}
                                  </button>
                                </>
                              ) : null}
                            </Form>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <Pager page={query.page} pages={table.pages} link={link} />
      </div>
    </section>
  );
}
