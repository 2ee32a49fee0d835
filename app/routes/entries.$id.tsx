import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useAutosave } from "~/components/autosave";
import { CoCreators } from "~/components/co-creators";
import { AfterResults } from "~/components/entry/after-results";
import { EntryForm } from "~/components/entry/entry-form";
import { EntryHeader } from "~/components/entry/entry-header";
import { EntryMedia } from "~/components/entry/entry-media";
import { fixAt, WithdrawEntry } from "~/components/entry/submit";
import { FormSections } from "~/components/form-section";
import { GuardianConsent } from "~/components/guardian-consent";
import { Releases } from "~/components/releases";
import { parseForm } from "~/forms";
import { refuse } from "~/forms.server";
import { draftSaveAnswer } from "~/http.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { certificateOf } from "~/models/certificate.server";
import { listCoCreators } from "~/models/co-creator.server";
import { splitList } from "~/models/contest";
import { announcedDeadline, entryEditable } from "~/models/entry";
import {
  entryProblems,
  getOwnEntry,
  guardianState,
  saveDraft,
  submitEntry,
  withdrawEntry,
} from "~/models/entry.server";
import { entryFeedback } from "~/models/feedback.server";
import { storedRejection } from "~/models/media";
import { viewUrls } from "~/models/media-view.server";
import type { Problem } from "~/models/problem";
import { listReleases } from "~/models/release.server";
import { categoryNameIn, titleIn } from "~/models/contest-texts";
import { entryFormSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";
import { now } from "~/services/clock.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entry.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const entry = await getOwnEntry(user.id, params.id ?? "");
  if (!entry || entry.status === "withdrawn") throw new Response("Not found", { status: 404 });
  const [urls, coCreators, releases, feedback, certificate] = await Promise.all([
    viewUrls(entry.media),
    listCoCreators(entry.id),
    listReleases(entry.id),
    entryFeedback(entry.id),
    certificateOf(entry.id),
  ]);
  const guardianRequest = entry.guardianConsents[0];
  const locale = await resolveLocale(request, user.locale);
  const categoryName = categoryNameIn(entry.category, entry.contest, locale);
  return {
    coCreators,
    releases,
    feedback: feedback ? { ...feedback, category: categoryName } : null,
    certificate,
    guardian: {
      state: guardianState(entry, user),
      name: guardianRequest?.guardianName ?? null,
      email: guardianRequest?.guardianEmail ?? null,
      expired: Boolean(guardianRequest && !guardianRequest.decision && guardianRequest.expiresAt <= now()),
    },
    entry: {
      id: entry.id,
      status: entry.status,
      referenceCode: entry.referenceCode,
      revision: entry.revision,
      submitWhenReady: Boolean(entry.submitWhenReadyAt),
      title: entry.title,
      summary: entry.summary,
      statement: entry.statement,
      language: entry.language,
      aiUse: entry.aiUse,
      aiUseDetails: entry.aiUseDetails,
      transcript: entry.transcript,
      originalWork: Boolean(entry.originalWorkAt),
      licence: Boolean(entry.licenceAt),
      identifiablePeople: entry.identifiablePeople,
      releases: Boolean(entry.releasesAt),
      showsSurvivors: entry.showsSurvivors,
      showsExactLocations: entry.showsExactLocations,
      graphicContent: entry.graphicContent,
    },
    media: entry.media.map((m) => ({
      id: m.id,
      state: m.state,
      originalName: m.originalName,
      type: m.detectedType ?? m.declaredType,
      altText: m.altText,
      captions: m.captionsKey ? { lang: m.captionsLang ?? "" } : null,
      url: urls[m.id]?.url ?? null,
      poster: urls[m.id]?.poster ?? null,
      rejection: m.rejection ? storedRejection(m.rejection) : null,
    })),
    category: {
      name: categoryName,
      allowedTypes: splitList(entry.category.allowedTypes),
      maxFileBytes: entry.category.maxFileBytes,
      maxFiles: entry.category.maxFiles,
      accessibilityText: entry.category.accessibilityText,
      statementMaxWords: entry.category.statementMaxWords,
    },
    contest: {
      title: titleIn(entry.contest, locale),
      timezone: entry.contest.timezone,
      deadline: announcedDeadline(entry).toISOString(),
      retentionMonths: entry.contest.retentionMonths,
    },
    open: entryEditable(entry, now()),
    organizerMessage: entry.organizerMessage,
    missing: entryProblems(entry, user),
  };
}

type Answer = { revision: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = params.id ?? "";
  const submission = parseForm(await request.formData(), entryFormSchema);
  if (submission.status !== "success") return refuse<Answer>({ key: "errors.badRequest" }, { submission });
  const form = submission.value;

  if (form.intent === "withdraw") {
    if (!(await withdrawEntry(user.id, entryId))) throw new Response("Not found", { status: 404 });
    return redirect("/entries");
  }

  const { intent, revision, ...fields } = form;
  const saved = await saveDraft(user.id, entryId, revision, fields);
  if (intent === "submit" && (saved.ok || saved.reason === "closed")) {
    // A second click or a retried request carries the same values and saves as unchanged;
    // a stale tab with other values is refused (below) rather than submitted over what was saved.
    const result = await submitEntry(user.id, entryId, await resolveLocale(request, user.locale));
    // to be submitted once its files are ready: the page says so at its top
    if (!result.ok && result.problems[0]?.key === "entry.submitWhenReady") return redirect(`/entries/${entryId}`);
    if (!result.ok) return refuse<Answer>(result.problems, { submission });
    return redirect(`/entries/${entryId}/submitted`);
  }
  return draftSaveAnswer(saved, submission);
}

/**
 * An entrant's entry: its files, co-creators, releases and guardian's consent (each saved on its
 * own), then the details form, saved as they type, which submits the whole.
 */
export default function EntryPage() {
  const { entry } = useLoaderData<typeof loader>();
  // One page per entry: nothing typed in one entry's page may carry over to another's.
  return <EntryPageSections key={entry.id} />;
}

function EntryPageSections() {
  const {
    entry,
    media,
    coCreators,
    releases,
    guardian,
    category,
    contest,
    open,
    missing,
    organizerMessage,
    feedback,
    certificate,
  } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const autosave = useAutosave<{ missing?: Problem[] }>(
    `/entries/${entry.id}/draft`,
    `mosaic-entry-${entry.id}`,
    entry.revision,
  );
  // What is missing: as the page loaded (or was revalidated after an upload), then as each
  // autosave reports it, whichever came last.
  const [stillMissing, setStillMissing] = useState<Problem[]>(missing);
  useEffect(() => setStillMissing(missing), [missing]);
  const saidBySave = autosave.latest?.missing;
  useEffect(() => {
    if (saidBySave) setStillMissing(saidBySave);
  }, [saidBySave]);
  const lastResult = navigation.state === "idle" ? answer?.result : undefined;

  return (
    <section aria-labelledby="entry-title">
      <EntryHeader
        entry={entry}
        category={category}
        contest={contest}
        organizerMessage={organizerMessage}
        saveState={autosave.state}
      />
      <AfterResults entryId={entry.id} certificate={certificate} feedback={feedback} />
      <FormSections
        needs={stillMissing.map((problem) => fixAt(problem.key)).filter((id): id is string => id !== undefined)}
        refused={lastResult?.status === "error"}
      >
        <EntryMedia
          entryId={entry.id}
          media={media}
          category={category}
          open={open}
          onChange={revalidator.revalidate}
        />
        <CoCreators entryId={entry.id} people={coCreators} open={open} />
        <Releases entryId={entry.id} releases={releases} open={open} />
        {guardian.state !== "notNeeded" ? <GuardianConsent entryId={entry.id} guardian={guardian} open={open} /> : null}
        <EntryForm
          entry={entry}
          category={category}
          contest={contest}
          open={open}
          missing={stillMissing}
          lastResult={lastResult}
          autosave={autosave}
        />
      </FormSections>
      {open ? <WithdrawEntry /> : null}
    </section>
  );
}
