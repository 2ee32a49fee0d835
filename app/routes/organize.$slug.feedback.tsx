import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { CheckboxField, TextAreaField } from "~/components/forms";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { parseForm } from "~/forms";
import { accept, invalid, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { feedbackOut, feedbackReview, releaseFeedback, reviewNote, type ReviewNote } from "~/models/feedback.server";
import { judgingOverAt } from "~/models/lifecycle";
import { MAX_NOTE_LENGTH } from "~/models/scoring";
import { now } from "~/services/clock.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "feedbackReview.title");

const feedbackSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("review"),
    note: z.string().min(1).max(40),
    text: z.string().max(MAX_NOTE_LENGTH, "feedbackReview.tooLong").default(""),
    held: z.boolean().default(false),
  }),
  z.object({ intent: z.literal("release") }),
]);

type Answer = { note?: string; released?: boolean };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const review = await feedbackReview(contest.id);
  return {
    slug: contest.slug,
    enabled: review.feedback,
    withScores: review.feedbackScores,
    released: Boolean(review.feedbackReleasedAt),
    out: feedbackOut(review),
    published: Boolean(review.resultsPublishedAt),
    // notes may still change until judging is over: they are released after it
    judgingOver: now() >= judgingOverAt(contest),
    judgingOverAt: judgingOverAt(contest).toISOString(),
    timezone: contest.timezone,
    noteCount: review.noteCount,
    heldCount: review.heldCount,
    entries: review.entries,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const submission = parseForm(await request.formData(), feedbackSchema);
  if (submission.status !== "success") return invalid<Answer>(submission);
  if (!contest.feedback) return refuse<Answer>({ key: "feedbackReview.off" }, { submission });
  if (submission.value.intent === "release") {
    const released = await releaseFeedback(contest.id, user.id);
    if (!released.ok) return refuse<Answer>({ key: "feedbackReview.judgingOpen" }, { submission });
    return accept<Answer>({ released: true });
  }
  const { note, text, held } = submission.value;
  const saved = await reviewNote(contest.id, note, { text, held }, user.id);
  if (!saved.ok && saved.reason === "notFound") throw new Response("Not found", { status: 404 });
  if (!saved.ok) return refuse<Answer>({ key: "feedbackReview.alreadyOut" }, { submission, payload: { note } });
  return accept<Answer>({ note });
}

/**
 * Organizers read every judge's note to an entrant before entrants do: they may edit a note (a
 * name, a harsh phrase) or hold it back, then release them all. Entrants read them from the
 * results (at once if the results are out), without the judges' names.
 */
export default function FeedbackReview() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(data.timezone);
  if (!data.enabled) {
    return (
      <section aria-labelledby="feedback-title">
        <h1 id="feedback-title">{t("feedbackReview.title")}</h1>
        <p>{t("feedbackReview.offIntro")}</p>
        <p>
          <Link to={`/organize/${data.slug}/settings#settings-after`}>{t("feedbackReview.turnOn")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="feedback-title">
      <h1 id="feedback-title">{t("feedbackReview.title")}</h1>
      <p>{t("feedbackReview.intro")}</p>
      <p className="muted">
        {t("feedbackReview.counts", { count: data.noteCount, held: data.heldCount })}
        {data.withScores ? ` ${t("feedbackReview.withScores")}` : ""}
      </p>
      <section className="card" aria-live="polite" aria-label={t("feedbackReview.release")}>
        {data.out ? (
          <p>{t("feedbackReview.out")}</p>
        ) : data.released ? (
          <p>{t("feedbackReview.withResults")}</p>
        ) : !data.judgingOver ? (
          <p>
            {t("feedbackReview.afterJudging", {
              date: formatDateTime(data.judgingOverAt, i18n.language, zone),
            })}
          </p>
        ) : (
          <Form method="post">
            <p>{data.published ? t("feedbackReview.releaseNow") : t("feedbackReview.releaseLater")}</p>
            <button
              type="submit"
              name="intent"
              value="release"
              className="button"
              disabled={navigation.state !== "idle"}
            >
              {t("feedbackReview.release")}
            </button>
          </Form>
        )}
        {answer && "released" in answer && answer.released ? <p>{t("feedbackReview.released")}</p> : null}
        {answer && !("note" in answer) && answer.result?.error?.[""]?.length ? (
          <p className="alert" role="alert">
            {answer.result.error[""].map((p) => t(p.key, p.values)).join(" ")}
          </p>
        ) : null}
      </section>
      {data.entries.length === 0 ? <p>{t("feedbackReview.none")}</p> : null}
      {data.entries.map((entry) => (
        <section key={entry.entryId} className="card" aria-labelledby={`feedback-${entry.entryId}`}>
          <h2 id={`feedback-${entry.entryId}`}>
            {entry.referenceCode} · {entry.title || t("entries.untitled")}
          </h2>
          <p className="eyebrow">{entry.category}</p>
          {entry.notes.map((note, index) => (
            <NoteReview key={note.id} note={note} number={index + 1} entry={entry.referenceCode} locked={data.out} />
          ))}
        </section>
      ))}
    </section>
  );
}

/** One note: the judge's words, what entrants will read (editable until released), and "hold". */
function NoteReview({
  note,
  number,
  entry,
  locked,
}: {
  note: ReviewNote;
  number: number;
  entry: string;
  locked: boolean;
}) {
  const fetcher = useFetcher<typeof action>();
  const { t } = useTranslation();
  const id = `note-${note.id}`;
  const problems = fetcher.data?.result?.error?.[""] ?? [];
  const saved = fetcher.state === "idle" && fetcher.data?.result?.status === "success";
  return (
    <fetcher.Form
      method="post"
      className="judge-note"
      aria-label={`${entry} · ${t("feedback.noteHeading", { number })}`}
      data-testid="note-review"
    >
      <h3 id={`${id}-title`}>{t("feedback.noteHeading", { number })}</h3>
      {note.edited !== null ? (
        <details>
          <summary>{t("feedbackReview.judgeWrote")}</summary>
          <blockquote className="prewrap">{note.written}</blockquote>
        </details>
      ) : null}
      <input type="hidden" name="note" value={note.id} />
      <TextAreaField
        label={t("feedbackReview.entrantReads")}
        textareaProps={{
          id: `${id}-text`,
          name: "text",
          rows: 4,
          maxLength: MAX_NOTE_LENGTH,
          defaultValue: note.edited ?? note.written,
          readOnly: locked,
        }}
      />
      <CheckboxField
        label={t("feedbackReview.hold")}
        inputProps={{
          id: `${id}-held`,
          type: "checkbox",
          name: "held",
          value: "on",
          defaultChecked: note.held,
          disabled: locked,
        }}
      />
      {problems.length ? (
        <p className="alert" role="alert">
          {problems.map((p) => t(p.key, p.values)).join(" ")}
        </p>
      ) : null}
      {locked ? null : (
        <p>
          <button
            type="submit"
            name="intent"
            value="review"
            className="button button-secondary"
            disabled={fetcher.state !== "idle"}
          >
            {t("feedbackReview.save")}
          </button>{" "}
          <span role="status" className="muted">
            {saved ? t("feedbackReview.saved") : ""}
          </span>
        </p>
      )}
    </fetcher.Form>
  );
}
