import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ErrorList, InputField, SelectField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { resolveLocale } from "~/i18n/i18n.server";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { formProblems, parseForm } from "~/forms";
import { accept, invalid, parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { assignmentTable, labelShortfalls, moveAssignment, runAssignment } from "~/models/assignment.server";
import { inviteJudge, listJudges } from "~/models/judge.server";
import { inviteSchema } from "~/schemas/judging";
import { choiceParam, pageParam, textParam } from "~/schemas/query";
import { requireOrganizerOf } from "~/services/auth.server";

const JUDGES_PAGE = 50;

/** The filters of the other list on the page, without the empty ones and page 1. */
function keep(filters: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(filters).filter(([name, value]) => value && !(name.endsWith("page") && value === "1")),
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "judges.title");

/** The page's two lists: the entries with their judges (q, judge, page), and the panel (who, state, jpage). */
const judgesQuery = z.object({
  q: textParam(100),
  judge: textParam(40),
  page: pageParam(10_000),
  who: z
    .string()
    .catch("")
    .transform((value) => value.trim().slice(0, 100)),
  state: choiceParam(["undeclared", "unfinished"]),
  jpage: pageParam(1_000),
});

/** The page's forms: invite a judge, run the assignment, move one assignment to another judge. */
const judgesSchema = z.discriminatedUnion("intent", [
  inviteSchema.extend({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("assign") }),
  z.object({
    intent: z.literal("move"),
    assignmentId: z.string().max(40).default(""),
    judgeId: z.string().max(40).default(""),
  }),
]);

type Answer = {
  intent: string;
  run?: {
    created: number;
    removed: number;
    shortfalls: { entryId: string; code: string; assigned: number; needed: number }[];
  };
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const { q, judge, page, who, state, jpage } = parseQuery(request, judgesQuery);
  const query = { q, judgeId: judge, page };
  const panelQuery = { who, state, page: jpage };
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), judgesSchema);
  if (submission.status !== "success") {
    const intent = submission.payload.intent;
    if (intent !== "invite" && intent !== "move") throw new Response("Bad request", { status: 400 });
    return invalid<Answer>(submission, { intent });
  }
  const { intent } = submission.value;
  if (submission.value.intent === "invite") {
    await inviteJudge(contest.id, user.id, submission.value.email, await resolveLocale(request, user.locale));
    return accept<Answer>({ intent }, { submission });
  }
  if (submission.value.intent === "assign") {
    const run = await runAssignment(contest.id, user.id);
    return accept<Answer>({ intent, run: { ...run, shortfalls: await labelShortfalls(contest.id, run.shortfalls) } });
  }
  const { assignmentId, judgeId } = submission.value;
  const moved = await moveAssignment(contest.id, assignmentId, judgeId, user.id);
  if (moved.ok) return accept<Answer>({ intent }, { submission });
  if (moved.reason === "notFound") throw new Response("Not found", { status: 404 });
  return refuse<Answer>({ key: `judges.move.${moved.reason}` }, { status: 409, submission, payload: { intent } });
}

export default function Judges() {
  const { slug, judges, panelQuery, panel, invitations, query, table, perEntry } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";
  const [inviteForm, inviteFields] = useForm({
    id: "invite",
    lastResult: !busy && answer?.intent === "invite" ? answer.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseForm(formData, judgesSchema),
  });
  const [assignForm] = useForm({ id: "assign", onValidate: ({ formData }) => parseForm(formData, judgesSchema) });
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
        <Form method="post" aria-labelledby="invite-title" {...getFormProps(inviteForm)}>
          <input type="hidden" name="intent" value="invite" />
          <ErrorList id={inviteForm.errorId} errors={inviteForm.errors} />
          <InputField
            field={inviteFields.email}
            type="email"
            label={t("judges.email")}
            inputProps={{ required: true, autoComplete: "off" }}
          />
          <button type="submit" className="button button-small" disabled={busy}>
            {t("judges.send")}
          </button>
          {answer?.intent === "invite" && answer.result.status === "success" ? (
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
          <TableScroll labelledBy="panel-title">
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
          </TableScroll>
        )}
        <Pager page={panelQuery.page} pages={panel.pages} link={panelLink} />
      </div>

      <div className="panel">
        <h2 id="assign-title">{t("judges.assignment")}</h2>
        <p>{t("judges.assignmentIntro", { count: perEntry })}</p>
        <Form method="post" {...getFormProps(assignForm)}>
          <input type="hidden" name="intent" value="assign" />
          <button type="submit" className="button" disabled={busy}>
            {t("judges.assign")}
          </button>
        </Form>
        {answer?.run ? (
          <div role="status" className={answer.run.shortfalls.length ? "alert" : "notice"}>
            <p>{t("judges.assigned", { created: answer.run.created, removed: answer.run.removed })}</p>
            {answer.run.shortfalls.length ? (
              <>
                <p>{t("judges.shortfalls", { count: answer.run.shortfalls.length })}</p>
                <ul>
                  {answer.run.shortfalls.map((s) => (
                    <li key={s.entryId}>
                      {t("judges.shortfall", { code: s.code, assigned: s.assigned, needed: s.needed })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {answer?.intent === "move" ? <ErrorList errors={formProblems(answer)} /> : null}
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
          <TableScroll labelledBy="assign-title">
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
                            <MoveForm
                              entry={entry}
                              assigned={j}
                              judges={judges.filter((other) => !entry.judges.some((x) => x.judgeId === other.id))}
                            />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        <Pager page={query.page} pages={table.pages} link={link} />
      </div>
    </section>
  );
}

type LoadedJudges = ReturnType<typeof useLoaderData<typeof loader>>;
type AssignmentRow = LoadedJudges["table"]["rows"][number];

/** One judge's assignment to an entry, and (until it is scored) the form that gives it to another judge. */
function MoveForm({
  entry,
  assigned,
  judges,
}: {
  entry: AssignmentRow;
  assigned: AssignmentRow["judges"][number];
  judges: LoadedJudges["judges"];
}) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `move-${assigned.assignmentId}`,
    defaultValue: { judgeId: "" },
    onValidate: ({ formData }) => parseForm(formData, judgesSchema),
  });
  return (
    <Form method="post" className="inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="assignmentId" value={assigned.assignmentId} />
      <span>
        {assigned.email}
        {assigned.status === "submitted" ? ` · ${t("judges.scored")}` : ""}
      </span>
      {assigned.status !== "submitted" ? (
        <>
          <SelectField
            field={fields.judgeId}
            hideLabel
            label={t("judges.moveTo", { code: entry.referenceCode, email: assigned.email })}
          >
            <option value="" disabled>
              {t("judges.chooseJudge")}
            </option>
            {judges.map((other) => (
              <option key={other.id} value={other.id}>
                {other.email}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button-secondary button-small" disabled={navigation.state !== "idle"}>
            {t("judges.move.button")}
          </button>
        </>
      ) : null}
    </Form>
  );
}
