import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { useAutosave, type SaveState } from "~/components/autosave";
import { Choice, FormErrors, TextAreaField } from "~/components/forms";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { JudgeWork } from "~/components/judge-work";
import { useNumbers } from "~/components/numbers";
import { parseForm } from "~/forms";
import { invalid, parseQuery, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { recuse } from "~/models/assignment.server";
import { judgeEntryView, saveSheet, sheetProblems } from "~/models/scoring.server";
import { ENTRANT_NOTE, MAX_NOTE_LENGTH, entryPath } from "~/models/scoring";
import { roundQuery, sheetSchema } from "~/schemas/scoring";
import { requireJudgeOf } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "scoring.title");

/** The page's two forms: the sheet's final submission, and stepping aside from this entry. */
const scoringSchema = z.discriminatedUnion("intent", [
  sheetSchema.extend({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("recuse") }),
]);

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const { round } = parseQuery(request, roundQuery);
  const view = await judgeEntryView(contest.id, user.id, params.code ?? "", round);
  if (!view) throw new Response("Not found", { status: 404 });
  return { slug: contest.slug, contestTitle: contest.title, ...view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireJudgeOf(request, params.slug ?? "");
  const code = params.code ?? "";
  const { round } = parseQuery(request, roundQuery);
  const submission = parseForm(await request.formData(), scoringSchema);
  if (submission.status !== "success") return invalid(submission);
  if (submission.value.intent === "recuse") {
    const view = await judgeEntryView(contest.id, user.id, code, round);
    if (!view || round !== "scoring" || !view.open || !(await recuse(contest.id, user.id, view.assignment.id))) {
      throw new Response("Not found", { status: 404 });
    }
    return redirect(`/judge/${contest.slug}`);
  }
  const { revision, score, comment, next } = submission.value;
  const saved = await saveSheet(
    contest.id,
    user.id,
    code,
    { revision, scores: score, comments: comment, submit: true },
    round,
  );
  if (saved.ok) return redirect(next ? entryPath(contest.slug, next, round) : `/judge/${contest.slug}`);
  if (saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  return refuse(sheetProblems(saved), { submission, status: saved.reason === "conflict" ? 409 : 400 });
}

/**
 * The scoring workspace: the work and its texts on one side, the rubric with its level
 * descriptors beside the score controls on the other. The sheet saves as the judge goes; a
 * second tab's stale save is refused. Keys: "n" and "p" move to the next and previous entry,
 * "j" and "k" between criteria, when no text field has the focus.
 */
export default function ScoringPage() {
  const view = useLoaderData<typeof loader>();
  // A fresh workspace per entry: nothing typed for one entry (scores, the content warning's
  // "show", the saved revision) may carry over to the next.
  return <Workspace key={view.entry.code} view={view} />;
}

function Workspace({ view }: { view: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form] = useForm({
    id: "sheet",
    lastResult: navigation.state === "idle" ? answer?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, scoringSchema),
  });
  const [recuseForm] = useForm({
    id: "recuse",
    onValidate: ({ formData }) => parseForm(formData, scoringSchema),
  });
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const numbers = useNumbers();
  const zone = useVisitorTimeZone(view.timezone);
  const { entry, criteria, sheet, assignment, open } = view;
  const autosave = useAutosave(
    `/judge/${view.slug}/entries/${entry.code}/sheet${view.round === "final" ? "?round=final" : ""}`,
    `mosaic-sheet-${assignment.id}`,
    assignment.revision,
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.altKey || event.ctrlKey || event.metaKey || /^(TEXTAREA|INPUT|SELECT)$/.test(target.tagName)) {
        if (!(target instanceof HTMLInputElement && target.type === "radio")) return;
      }
      const go = (code: string | null) => code && navigate(entryPath(view.slug, code, view.round));
      if (event.key === "n") go(view.next);
      else if (event.key === "p") go(view.previous);
      else if (event.key === "j" || event.key === "k") {
        const groups = Array.from(document.querySelectorAll<HTMLFieldSetElement>("fieldset[data-criterion]"));
        const current = groups.findIndex((g) => g.contains(document.activeElement));
        const nextIndex = event.key === "j" ? current + 1 : Math.max(0, current - 1);
        const group = groups[Math.min(groups.length - 1, nextIndex)];
        (group?.querySelector<HTMLInputElement>("input:checked") ?? group?.querySelector("input"))?.focus();
      } else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [navigate, view.slug, view.next, view.previous, view.round]);

  const saveLabel: Record<SaveState, string> = {
    idle: "",
    saving: t("entry.saving"),
    saved: t("entry.savedAt"),
    offline: t("scoring.offline"),
    conflict: t("scoring.conflict"),
  };

  return (
    <section aria-labelledby="scoring-title">
      <p className="eyebrow">
        {view.contestTitle} · <Link to={`/judge/${view.slug}`}>{t("scoring.back")}</Link>
      </p>
      <h1 id="scoring-title">{entry.title || t("entries.untitled")}</h1>
      <p className="muted">
        {t("queue.code", { code: entry.code })} · {entry.category}
        {entry.maker ? ` · ${t("scoring.by", { name: entry.maker })}` : ""}
        {entry.country ? ` · ${entry.country}` : ""} ·{" "}
        {t("scoring.position", { position: view.position, total: view.total })} ·{" "}
        {view.round === "final" ? `${t("queue.finalRound")} · ` : ""}
        {open && view.closesAt
          ? t("queue.closes", { date: formatDateTime(view.closesAt, i18n.language, zone) })
          : t("queue.closed")}
      </p>
      <nav aria-label={t("scoring.entries")} className="pager">
        {view.previous ? (
          <Link to={entryPath(view.slug, view.previous, view.round)} aria-keyshortcuts="p" rel="prev">
            {t("scoring.previous")}
          </Link>
        ) : null}
        {view.next ? (
          <Link to={entryPath(view.slug, view.next, view.round)} aria-keyshortcuts="n" rel="next">
            {t("scoring.next")}
          </Link>
        ) : null}
        <span className="muted">{t("scoring.keys")}</span>
      </nav>

      <div className="workspace">
        <div className="workspace-work">
          <JudgeWork work={entry} slug={view.slug} />
        </div>

        <Form
          method="post"
          {...getFormProps(form)}
          ref={autosave.formRef}
          onChange={autosave.onChange}
          onSubmit={(event) => {
            autosave.onSubmit(event);
            if (!event.defaultPrevented) form.onSubmit(event);
          }}
          className="workspace-rubric panel"
          aria-labelledby="rubric-title"
        >
          <h2 id="rubric-title">{t("scoring.rubric")}</h2>
          <p role="status" aria-live="polite" className={autosave.state === "conflict" ? "alert" : "muted"}>
            {assignment.status === "submitted" ? `${t("scoring.submitted")} ` : ""}
            {saveLabel[autosave.state]}
          </p>
          <input type="hidden" name="revision" defaultValue={assignment.revision} />
          <input type="hidden" name="next" value={view.next ?? ""} />
          {criteria.map((criterion) => (
            <fieldset key={criterion.id} data-criterion={criterion.id} className="criterion" disabled={!open}>
              <legend>
                {criterion.name} <span className="muted">({numbers.percent(criterion.weight / 100)})</span>
              </legend>
              <p className="field-hint">{criterion.guidance}</p>
              <div className="levels">
                {criterion.levels.map((descriptor, index) => {
                  const score = index + 1;
                  return (
                    <Choice
                      key={score}
                      className="level"
                      label={
                        <>
                          <strong>{score}</strong> {descriptor}
                        </>
                      }
                      inputProps={{
                        type: "radio",
                        id: `score-${criterion.id}-${score}`,
                        name: `score.${criterion.id}`,
                        value: score,
                        defaultChecked: sheet.scores[criterion.id] === score,
                      }}
                    />
                  );
                })}
              </div>
              <TextAreaField
                label={t("scoring.comment", { criterion: criterion.name })}
                textareaProps={{
                  id: `comment-${criterion.id}`,
                  name: `comment.${criterion.id}`,
                  rows: 2,
                  defaultValue: sheet.comments[criterion.id] ?? "",
                }}
              />
            </fieldset>
          ))}
          <TextAreaField
            label={t("scoring.overall")}
            textareaProps={{
              id: "comment-overall",
              name: "comment.overall",
              rows: 4,
              defaultValue: sheet.comments.overall ?? "",
              disabled: !open,
            }}
          />
          {view.entrantNote ? (
            <TextAreaField
              label={t("scoring.entrantNote")}
              hint={t("scoring.entrantNoteHint")}
              textareaProps={{
                id: "comment-entrant",
                name: `comment.${ENTRANT_NOTE}`,
                rows: 4,
                maxLength: MAX_NOTE_LENGTH,
                defaultValue: sheet.comments[ENTRANT_NOTE] ?? "",
                disabled: !open,
              }}
            />
          ) : null}
          <FormErrors form={form} />
          {open ? (
            <button
              type="submit"
              name="intent"
              value="submit"
              className="button"
              disabled={navigation.state !== "idle"}
            >
              {assignment.status === "submitted" ? t("scoring.resubmit") : t("scoring.submit")}
            </button>
          ) : null}
        </Form>
      </div>

      {open && view.round === "scoring" ? (
        <details className="panel">
          <summary>{t("scoring.recuse")}</summary>
          <p>{t("scoring.recuseIntro")}</p>
          <Form method="post" {...getFormProps(recuseForm)}>
            <button type="submit" name="intent" value="recuse" className="button button-secondary">
              {t("scoring.recuseConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
