import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { DoNoHarmAnswers, useYesNo } from "~/components/entry/answers";
import { ChoicesField, FormErrors, InputField, TextareaInputField } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { parseForm } from "~/forms";
import { accept, invalid, parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { decideEntry, screeningQueue } from "~/models/screening.server";
import { SCREENABLE_STATUSES } from "~/models/entry";
import { SCREENING_FLAGS, screeningSchema } from "~/schemas/judging";
import { choiceParam, pageParam, textParam } from "~/schemas/query";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "screening.title");

const screeningQuery = z.object({
  status: choiceParam(SCREENABLE_STATUSES),
  q: textParam(100),
  page: pageParam(10_000),
});

/** Which entry's form the answer is for: the page holds one form per entry. */
type Answer = { entryId: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const query = parseQuery(request, screeningQuery);
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
  const submission = parseForm(form, screeningSchema);
  const entryId = String(form.get("entryId") ?? "");
  if (submission.status !== "success") return invalid<Answer>(submission, { entryId });
  const result = await decideEntry(contest.id, user.id, submission.value, await resolveLocale(request, user.locale));
  if (!result.ok && result.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (!result.ok) {
    return refuse<Answer>({ key: `screening.${result.reason}` }, { status: 409, submission, payload: { entryId } });
  }
  return accept<Answer>({ entryId }, { submission });
}

export default function Screening() {
  const { slug, query, total, waiting, pages, entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const link = pageLink(`/organize/${slug}/screening`, { status: query.status, q: query.q });
  const yesNo = useYesNo();
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
                <DoNoHarmAnswers entry={entry} />
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
              <DecisionForm entry={entry} />
            </li>
          );
        })}
      </ol>
      <Pager page={query.page} pages={pages} link={link} />
    </section>
  );
}

type ScreenedEntry = ReturnType<typeof useLoaderData<typeof loader>>["entries"][number];

/** An entry's decision: its own form, answered by the action with the entry's id. */
function DecisionForm({ entry }: { entry: ScreenedEntry }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const id = `screen-${entry.id}`;
  const [form, fields] = useForm({
    id,
    lastResult: navigation.state === "idle" && answer?.entryId === entry.id ? answer.result : undefined,
    defaultValue: { decision: entry.status },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseForm(formData, screeningSchema),
  });
  return (
    <Form method="post" aria-labelledby={`${id}-title`} {...getFormProps(form)}>
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="seen" value={entry.updatedAt} />
      <ChoicesField
        field={fields.decision}
        type="radio"
        legend={t("screening.decisionLabel")}
        className="choices inline"
        required
        options={(["eligible", "ineligible", "returned"] as const).map((decision) => ({
          value: decision,
          label: t(`screening.decision.${decision}`),
        }))}
      />
      <ChoicesField
        field={fields.flags}
        type="checkbox"
        legend={t("screening.flagsLabel")}
        options={SCREENING_FLAGS.map((flag) => ({ value: flag, label: t(`screening.flags.${flag}`) }))}
      />
      <TextareaInputField
        field={fields.message}
        label={t("screening.message")}
        hint={t("screening.messageHint")}
        textareaProps={{ rows: 3 }}
      />
      <InputField
        field={fields.returnUntil}
        type="date"
        label={t("screening.returnUntil")}
        hint={t("screening.returnUntilHint")}
      />
      <FormErrors form={form} />
      <button type="submit" className="button button-small" disabled={navigation.state !== "idle"}>
        {t("screening.record")}
      </button>
    </Form>
  );
}
