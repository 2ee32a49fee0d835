import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { FormErrors, InputField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { CheckFilter, ListFilters, pageLink, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { useNumbers } from "~/components/numbers";
import { parseForm } from "~/forms";
import { accept, invalid, parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { saveShortlist, shortlistTable, startFinalRound } from "~/models/assignment.server";
import { endOfDayIn } from "~/models/contest";
import { pageParam, textParam } from "~/schemas/query";
import { requireOrganizerOf } from "~/services/auth.server";
import { now } from "~/services/clock.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "final.title");

const shortlistQuery = z.object({
  category: textParam(80),
  shortlisted: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
  page: pageParam(10_000),
});

/**
 * The shortlist as the page shows it: `shown` lists the entries of this page, `shortlist` those
 * ticked among them. "start" also starts the final round, closing at the end of `closes`.
 */
const shortlistSchema = z.object({
  intent: z.enum(["save", "start"]),
  shown: z.array(z.string().max(40)).default([]),
  shortlist: z.array(z.string().max(40)).default([]),
  closes: z.string().max(10).default(""),
});

type Answer = { started: { created: number; entries: number } | null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const { category, shortlisted, page } = parseQuery(request, shortlistQuery);
  const query = { category, shortlistedOnly: shortlisted, page };
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
  const submission = parseForm(await request.formData(), shortlistSchema);
  if (submission.status !== "success") return invalid<Answer>(submission);
  const { intent, shown, shortlist, closes } = submission.value;
  // the ticks are kept even when the round cannot start yet
  await saveShortlist(contest.id, shown, shortlist);
  if (intent !== "start") return accept<Answer>({ started: null }, { submission });
  const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(closes) ? endOfDayIn(closes, contest.timezone) : null;
  if (!closesAt || closesAt <= now()) {
    return refuse<Answer>({ key: "final.dateNeeded" }, { submission, payload: { started: null } });
  }
  return accept<Answer>({ started: await startFinalRound(contest.id, closesAt, user.id) }, { submission });
}

/** The optional final round: organizers pick a shortlist, and every judge without a conflict scores it. */
export default function FinalRound() {
  const { slug, query, table, timezone, closesAt } = useLoaderData<typeof loader>();
  const entries = table.rows;
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const numbers = useNumbers();
  const [form, fields] = useForm({
    id: "shortlist",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, shortlistSchema),
  });
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
      {answer?.started ? (
        <p role="status" className="notice">
          {t("final.started", { created: answer.started.created, entries: answer.started.entries })}
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
        <CheckFilter
          id="final-shortlisted"
          name="shortlisted"
          label={t("final.onlyShortlisted")}
          checked={query.shortlistedOnly}
        />
      </ListFilters>
      <p role="status">{t("final.count", { count: table.shortlisted })}</p>
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormErrors form={form} />
        {entries.length === 0 ? <p>{t("final.none")}</p> : null}
        <TableScroll label={t("final.table")}>
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
                  <td>{numbers.number(entry.mean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pager page={query.page} pages={table.pages} link={link} />
        <InputField field={fields.closes} type="date" label={t("final.closes")} hint={t("final.closesHint")} />
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
