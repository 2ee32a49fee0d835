import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { ErrorList, FormErrors, InputField, SelectField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { Pager } from "~/components/pager";
import { formProblems, parseForm } from "~/forms";
import { accept, invalid, parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { localDateTimeIn } from "~/models/contest";
import { PLACES } from "~/models/results";
import { contestResults, scheduleResults, setAward } from "~/models/results.server";
import { addJudgeTo } from "~/models/assignment.server";
import { roundOpen } from "~/models/scoring.server";
import { useNumbers } from "~/components/numbers";
import { CloseBoundaries, JudgesPanel, MethodNote, ReliabilityPanel } from "~/components/results-panels";
import { pageParam, textParam } from "~/schemas/query";
import { roundQuery } from "~/schemas/scoring";
import { formatWhen } from "~/models/time";
import { resolveLocale } from "~/i18n/i18n.server";
import { requireOrganizerOf } from "~/services/auth.server";
import { timeZoneFor } from "~/models/time-zone.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "results.title");

const resultsQuery = roundQuery.extend({ category: textParam(200), page: pageParam(10_000) });

/** An award given (or taken back: no place), or the publication scheduled. */
const resultsSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("award"),
    entryId: z.string().max(40).default(""),
    place: z.enum(PLACES).nullable().catch(null),
  }),
  // a wall time in the contest's time zone, read by the action, which knows the zone
  z.object({ intent: z.literal("schedule"), announceAt: z.string().max(20).default("") }),
  // one more judge for the entries either side of this category's boundaries too close to call
  z.object({
    intent: z.literal("addJudges"),
    category: z.string().max(200).default(""),
    place: z.coerce.number().int().min(1).max(10),
  }),
]);

type Answer = { intent: string; added?: { added: number; unmatched: number } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const query = parseQuery(request, resultsQuery);
  const round = query.round;
  const results = await contestResults(contest.id, round);
  const { categories: all, judgesAsked } = results;
  // One category and one page at a time: a contest of 10,000 entries stays a light page.
  const current = all.find((c) => c.name === query.category) ?? all[0];
  const pages = Math.max(1, Math.ceil((current?.rows.length ?? 0) / RESULTS_PAGE_SIZE));
  const page = Math.min(pages, query.page);
  const categories = current
    ? [{ ...current, rows: current.rows.slice((page - 1) * RESULTS_PAGE_SIZE, page * RESULTS_PAGE_SIZE) }]
    : [];
  return {
    method: results.method,
    computedAt: results.computedAt.toISOString(),
    fellBack: results.fellBack,
    reliability: current?.reliability ?? null,
    comparative: current?.comparative ?? null,
    criteria: results.criteria,
    judges: results.judges,
    closeBoundaries: results.closeBoundaries.filter((b) => b.category === current?.name),
    canAddJudges: round === "scoring" && roundOpen(contest, "scoring") && !contest.resultsPublishedAt,
    categoryNames: all.map((c) => ({ name: c.name, count: c.rows.length })),
    judgesAsked,
    shortOfJudges: all.reduce((sum, c) => sum + c.rows.filter((r) => r.shortOfJudges).length, 0),
    page,
    pages,
    slug: contest.slug,
    round,
    hasFinal: Boolean(contest.finalRoundEndsAt),
    timezone: contest.timezone,
    announcementAt: contest.announcementAt.toISOString(),
    publishedAt: contest.resultsPublishedAt?.toISOString() ?? null,
    categories,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), resultsSchema);
  if (submission.status !== "success") {
    const intent = submission.payload.intent;
    if (intent !== "award" && intent !== "schedule" && intent !== "addJudges") {
      throw new Response("Bad request", { status: 400 });
    }
    return invalid<Answer>(submission, { intent });
  }
  const { intent } = submission.value;
  if (submission.value.intent === "award") {
    const { entryId, place } = submission.value;
    const result = await setAward(contest.id, entryId, place, user.id);
    if (result.ok) return accept<Answer>({ intent }, { submission });
    if (result.reason === "notFound") throw new Response("Not found", { status: 404 });
    return refuse<Answer>({ key: "results.alreadyPublished" }, { status: 409, submission, payload: { intent } });
  }
  if (submission.value.intent === "addJudges") {
    if (!roundOpen(contest, "scoring") || contest.resultsPublishedAt) {
      return refuse<Answer>({ key: "results.addJudgesClosed" }, { status: 409, submission, payload: { intent } });
    }
    const { closeBoundaries } = await contestResults(contest.id, "scoring");
    const { category, place } = submission.value;
    const boundary = closeBoundaries.find((b) => b.category === category && b.place === place);
    // settled meanwhile (a sheet came in): nothing to add
    const added = boundary ? await addJudgeTo(contest.id, [boundary.upper, boundary.lower], user.id) : null;
    if (!added) return refuse<Answer>({ key: "results.settled" }, { status: 409, submission, payload: { intent } });
    return accept<Answer>({ intent, added }, { submission });
  }
  const at = localDateTimeIn(submission.value.announceAt, contest.timezone);
  if (!at) return refuse<Answer>({ key: "errors.dateInvalid" }, { submission, payload: { intent } });
  const result = await scheduleResults(contest.id, at, user.id);
  if (result.ok) return accept<Answer>({ intent }, { submission });
  const locale = await resolveLocale(request, user.locale);
  const problem =
    result.reason === "published"
      ? { key: "results.alreadyPublished" }
      : {
          key: `results.${result.reason}`,
          values: { date: formatWhen(result.at, locale, timeZoneFor(request, contest.timezone)) },
        };
  return refuse<Answer>(problem, { status: 409, submission, payload: { intent } });
}

const RESULTS_PAGE_SIZE = 50;

/**
 * The results per category: each judge's weighted score, the raw mean, the normalised score
 * that removes each judge's leniency or severity, the spread, and the ranking on the normalised
 * score (ties shown as ties). Awards are given here; publication is scheduled here.
 */
export default function Results() {
  const {
    slug,
    round,
    hasFinal,
    timezone,
    announcementAt,
    publishedAt,
    categories,
    categoryNames,
    page,
    pages,
    judgesAsked,
    shortOfJudges,
    method,
    fellBack,
    reliability,
    comparative,
    criteria,
    judges,
    closeBoundaries,
    canAddJudges,
    computedAt,
  } = useLoaderData<typeof loader>();
  const link = (params: Record<string, string>) =>
    `/organize/${slug}/results?${new URLSearchParams({ ...(round === "final" ? { round } : {}), ...params })}`;
  const current = categories[0]?.name;
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const { number, percent } = useNumbers();
  const zone = useVisitorTimeZone(timezone);
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(announcementAt))
    .replace(" ", "T");
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t("results.title")}</h1>
      <MethodNote slug={slug} method={method} fellBack={fellBack} />
      {hasFinal ? (
        <nav aria-label={t("results.rounds")} className="tabs">
          <Link to={`/organize/${slug}/results`} aria-current={round === "scoring" ? "page" : undefined}>
            {t("results.roundScoring")}
          </Link>
          <Link to={`/organize/${slug}/results?round=final`} aria-current={round === "final" ? "page" : undefined}>
            {t("queue.finalRound")}
          </Link>
        </nav>
      ) : null}
      <p>
        <a href={`/organize/${slug}/export/${round === "final" ? "results-final.csv" : "results.csv"}`}>
          {t("results.exportResults")}
        </a>{" "}
        · <a href={`/organize/${slug}/export/scores.csv`}>{t("results.exportScores")}</a> ·{" "}
        <a href={`/organize/${slug}/export/entries.csv`}>{t("results.exportEntries")}</a>
      </p>
      <p className="muted" data-testid="computed-at">
        {t("results.computedAt", { date: formatDateTime(computedAt, i18n.language, zone) })}
      </p>

      {shortOfJudges > 0 ? (
        <p className="notice" data-testid="short-of-judges">
          {t("results.shortOfJudges", { count: shortOfJudges, asked: judgesAsked })}{" "}
          <Link to={`/organize/${slug}/judges`}>{t("results.assignMore")}</Link>
        </p>
      ) : null}
      <nav aria-label={t("results.categories")} className="tabs">
        {categoryNames.map((c) => (
          <Link key={c.name} to={link({ category: c.name })} aria-current={c.name === current ? "page" : undefined}>
            {c.name} ({c.count})
          </Link>
        ))}
      </nav>
      {categories.map((category) => (
        <div key={category.name} className="panel">
          <h2 id={`category-${category.name}`}>{category.name}</h2>
          <ReliabilityPanel reliability={reliability} comparative={comparative} />
          <CloseBoundaries boundaries={closeBoundaries} category={category.name} canAddJudges={canAddJudges} />
          {answer?.intent === "addJudges" ? (
            answer.added ? (
              <p role="status" className="notice">
                {t("results.added", { count: answer.added.added })}
                {answer.added.unmatched ? ` ${t("results.unmatched")}` : ""}
              </p>
            ) : (
              <ErrorList errors={formProblems(answer)} />
            )
          ) : null}
          <TableScroll labelledBy={`category-${category.name}`}>
            <table aria-labelledby={`category-${category.name}`}>
              <thead>
                <tr>
                  <th scope="col">{t("results.rank")}</th>
                  <th scope="col">{t("judges.entry")}</th>
                  {method === "pairwise" ? (
                    <>
                      <th scope="col">{t("results.ability")}</th>
                      <th scope="col">{t("results.wins")}</th>
                    </>
                  ) : (
                    <>
                      <th scope="col">{t("results.judgeScores")}</th>
                      <th scope="col">{t("results.raw")}</th>
                      {method === "calibrated" && !fellBack ? (
                        <>
                          <th scope="col">{t("results.calibrated")}</th>
                          <th scope="col">{t("results.topChance")}</th>
                        </>
                      ) : (
                        <th scope="col">{t("results.normalised")}</th>
                      )}
                      <th scope="col">{t("results.judges")}</th>
                      <th scope="col">{t("results.spread")}</th>
                    </>
                  )}
                  <th scope="col">{t("results.award")}</th>
                </tr>
              </thead>
              <tbody>
                {category.rows.map((row) => (
                  <tr key={row.entryId} data-testid="result-row">
                    <td>
                      {row.rank ?? "—"}
                      {row.tied ? ` ${t("results.tied")}` : ""}
                      {row.close ? <strong className="error-text"> {t("results.close")}</strong> : null}
                    </td>
                    <th scope="row">
                      <Link to={`/organize/${slug}/entries/${row.entryId}`}>
                        {row.referenceCode} · {row.title}
                      </Link>
                    </th>
                    {method === "pairwise" ? (
                      <>
                        <td>
                          {row.pairwise
                            ? t("results.abilityValue", {
                                ability: number(row.pairwise.ability, 2),
                                se: number(row.pairwise.se, 2),
                              })
                            : "—"}
                        </td>
                        <td>
                          {row.pairwise
                            ? t("results.winsValue", { wins: row.pairwise.wins, count: row.pairwise.comparisons })
                            : "—"}
                        </td>
                      </>
                    ) : (
                      <>
                        <td>{row.judgeScores.map((j) => number(j.weighted)).join(" · ") || "—"}</td>
                        <td>{number(row.rawMean)}</td>
                        {method === "calibrated" && !fellBack ? (
                          <>
                            <td data-testid="calibrated">
                              {row.calibrated?.score == null
                                ? "—"
                                : t("results.interval", {
                                    score: number(row.calibrated.score),
                                    low: number(row.calibrated.low),
                                    high: number(row.calibrated.high),
                                  })}
                            </td>
                            <td>
                              {row.calibrated?.topProbability == null ? "—" : percent(row.calibrated.topProbability)}
                            </td>
                          </>
                        ) : (
                          <td>
                            {number(row.normalisedMean)}
                            {row.usedRawFallback ? <span className="muted"> {t("results.fallback")}</span> : null}
                          </td>
                        )}
                        <td>
                          {row.judgesAsked === null
                            ? row.judgeCount
                            : t("results.judgesOf", { count: row.judgeCount, asked: row.judgesAsked })}
                          {row.shortOfJudges ? <strong className="error-text"> {t("results.short")}</strong> : null}
                        </td>
                        <td>
                          {t("results.spreadValue", {
                            range: number(row.spread.range),
                            sd: number(row.spread.stdDev),
                          })}
                          {row.disagreement ? (
                            <strong className="error-text"> {t("results.disagreement")}</strong>
                          ) : null}
                        </td>
                      </>
                    )}
                    <td>{publishedAt ? row.award ? t(`results.place.${row.award}`) : "—" : <AwardForm row={row} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ))}
      {current ? (
        <Pager page={page} pages={pages} link={(to) => link({ category: current, page: String(to) })} />
      ) : null}
      {answer?.intent === "award" ? <ErrorList errors={formProblems(answer)} /> : null}
      {method === "pairwise" ? null : <JudgesPanel judges={judges} criteria={criteria} />}

      <div className="panel">
        <h2 id="publish-title">{t("results.publish")}</h2>
        {publishedAt ? (
          <p role="status" className="notice">
            {t("results.published", { date: formatDateTime(publishedAt, i18n.language, zone) })}{" "}
            <Link to={`/contests/${slug}/winners`}>{t("results.gallery")}</Link>
          </p>
        ) : (
          <ScheduleForm local={local} timezone={timezone} />
        )}
      </div>
    </section>
  );
}

type ResultRow = ReturnType<typeof useLoaderData<typeof loader>>["categories"][number]["rows"][number];

/** The award of one entry, until the results are published. */
function AwardForm({ row }: { row: ResultRow }) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `award-${row.entryId}`,
    defaultValue: { place: row.award ?? "" },
    onValidate: ({ formData }) => parseForm(formData, resultsSchema),
  });
  return (
    <Form method="post" className="inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="award" />
      <input type="hidden" name="entryId" value={row.entryId} />
      <SelectField field={fields.place} hideLabel label={t("results.awardFor", { code: row.referenceCode })}>
        <option value="">{t("results.noAward")}</option>
        {PLACES.map((place) => (
          <option key={place} value={place}>
            {t(`results.place.${place}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button-secondary button-small" disabled={navigation.state !== "idle"}>
        {t("results.saveAward")}
      </button>
    </Form>
  );
}

/** When the results are published: a wall time in the contest's time zone (`local`, until changed). */
function ScheduleForm({ local, timezone }: { local: string; timezone: string }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const idle = navigation.state === "idle";
  const [form, fields] = useForm({
    id: "schedule",
    lastResult: idle && answer?.intent === "schedule" ? answer.result : undefined,
    defaultValue: { announceAt: local },
    onValidate: ({ formData }) => parseForm(formData, resultsSchema),
  });
  return (
    <Form method="post" aria-labelledby="publish-title" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="schedule" />
      <p>{t("results.publishIntro")}</p>
      <InputField
        field={fields.announceAt}
        type="datetime-local"
        label={t("results.announceAt")}
        hint={t("results.announceAtHint", { zone: timezone })}
        inputProps={{ required: true }}
      />
      <FormErrors form={form} />
      {answer?.intent === "schedule" && answer.result.status === "success" ? (
        <p role="status" className="notice">
          {t("results.scheduled")}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={!idle}>
        {t("results.schedule")}
      </button>
    </Form>
  );
}
