import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAutosave, type SaveState } from "~/components/autosave";
import { ErrorList, TextAreaField } from "~/components/forms";
import { CoCreators } from "~/components/co-creators";
import { Captions } from "~/components/media/captions";
import { GuardianConsent } from "~/components/guardian-consent";
import { Releases } from "~/components/releases";
import { Uploader } from "~/components/media/uploader";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";
import { resolveLocale } from "~/i18n/i18n.server";
import { MediaView } from "~/components/media/media-view";
import { pageTitle } from "~/i18n/meta";
import { splitList } from "~/models/contest";
import { countWords } from "~/models/eligibility";
import {
  entryProblems,
  getOwnEntry,
  guardianState,
  saveDraft,
  submitEntry,
  withdrawEntry,
} from "~/models/entry.server";
import { listCoCreators } from "~/models/co-creator.server";
import { entryClosesAt, entryEditable, isTimed } from "~/models/entry";
import { listReleases } from "~/models/release.server";
import { viewUrls } from "~/models/media-view.server";
import { draftSchema } from "~/schemas/entry";
import { requireUser } from "~/services/auth.server";
import { now } from "~/services/clock.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entry.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const entry = await getOwnEntry(user.id, params.id ?? "");
  if (!entry || entry.status === "withdrawn") throw new Response("Not found", { status: 404 });
  const [urls, coCreators, releases] = await Promise.all([
    viewUrls(entry.media),
    listCoCreators(entry.id),
    listReleases(entry.id),
  ]);
  const guardianRequest = entry.guardianConsents[0];
  return {
    coCreators,
    releases,
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
      rejection: m.rejection ? (JSON.parse(m.rejection) as { key: string; values?: Record<string, unknown> }) : null,
    })),
    category: {
      name: entry.category.name,
      allowedTypes: splitList(entry.category.allowedTypes),
      maxFileBytes: entry.category.maxFileBytes,
      maxFiles: entry.category.maxFiles,
      accessibilityText: entry.category.accessibilityText,
      statementMaxWords: entry.category.statementMaxWords,
    },
    contest: {
      title: entry.contest.title,
      timezone: entry.contest.timezone,
      deadline: entryClosesAt(entry).toISOString(),
      retentionMonths: entry.contest.retentionMonths,
    },
    open: entryEditable(entry, now()),
    organizerMessage: entry.organizerMessage,
    missing: entryProblems(entry, user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const entryId = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "withdraw") {
    if (!(await withdrawEntry(user.id, entryId))) throw new Response("Not found", { status: 404 });
    return redirect("/entries");
  }

  const parsed = draftSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ saved: null, problems: [{ key: "errors.badRequest" }] }, { status: 400 });
  const { revision, ...fields } = parsed.data;
  const saved = await saveDraft(user.id, entryId, revision, fields);
  if (!saved.ok && saved.reason === "notFound") throw new Response("Not found", { status: 404 });

  if (intent === "submit") {
    // A second click or a retried request carries the same values and saves as unchanged;
    // a stale tab with other values is refused rather than submitted over what was saved.
    if (!saved.ok && saved.reason === "conflict") {
      return data({ saved, problems: [{ key: "entry.conflict" }] }, { status: 409 });
    }
    const result = await submitEntry(user.id, entryId, await resolveLocale(request, user.locale));
    if (!result.ok) return data({ saved, problems: result.problems }, { status: 400 });
    return redirect(`/entries/${entryId}/submitted`);
  }
  if (!saved.ok) {
    const key = saved.reason === "closed" ? "missing.late" : "entry.conflict";
    return data({ saved, problems: [{ key }] }, { status: saved.reason === "closed" ? 400 : 409 });
  }
  return { saved, problems: [] };
}

function YesNo({
  name,
  label,
  value,
  disabled,
}: {
  name: string;
  label: string;
  value: boolean | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choices inline">
      <legend>{label}</legend>
      <div className="choice">
        <input
          type="radio"
          id={`${name}-yes`}
          name={name}
          value="yes"
          defaultChecked={value === true}
          disabled={disabled}
        />
        <label htmlFor={`${name}-yes`}>{t("entry.yes")}</label>
      </div>
      <div className="choice">
        <input
          type="radio"
          id={`${name}-no`}
          name={name}
          value="no"
          defaultChecked={value === false}
          disabled={disabled}
        />
        <label htmlFor={`${name}-no`}>{t("entry.no")}</label>
      </div>
    </fieldset>
  );
}

export default function EntryPage() {
  const { entry } = useLoaderData<typeof loader>();
  // One form per entry: nothing typed in one entry's page may carry over to another's.
  return <EntryForm key={entry.id} />;
}

function EntryForm() {
  const { entry, media, coCreators, releases, guardian, category, contest, open, missing, organizerMessage } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(contest.timezone);
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const autosave = useAutosave(`/entries/${entry.id}/draft`, `mosaic-entry-${entry.id}`, entry.revision);
  const [words, setWords] = useState(countWords(entry.statement));
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";

  const saveLabel: Record<SaveState, string> = {
    idle: "",
    saving: t("entry.saving"),
    saved: t("entry.savedAt"),
    offline: t("entry.offline"),
    conflict: t("entry.conflict"),
  };

  return (
    <section aria-labelledby="entry-title">
      <p className="eyebrow">
        {contest.title} · {t("entry.category", { name: category.name })}
      </p>
      <h1 id="entry-title">{entry.title || t("entries.untitled")}</h1>
      <p>
        {t(`entries.status.${entry.status}`, { defaultValue: entry.status })}
        {entry.referenceCode ? ` · ${t("entries.reference", { code: entry.referenceCode })}` : ""} ·{" "}
        {t("entry.deadline", { date: formatDateTime(contest.deadline, i18n.language, zone) })}
      </p>
      {entry.status === "submitted" ? <p className="notice">{t("entry.submittedEdit")}</p> : null}
      {organizerMessage ? (
        <div className="notice" role="note" aria-labelledby="organizer-message-title">
          <h2 id="organizer-message-title">{t("entry.organizerMessage")}</h2>
          <p className="prewrap">{organizerMessage}</p>
        </div>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        className={autosave.state === "conflict" || autosave.state === "offline" ? "alert" : "muted"}
      >
        {saveLabel[autosave.state]}
      </p>

      <div className="panel">
        <h2 id="media-title">{t("entry.media")}</h2>
        <ul className="media-list" aria-labelledby="media-title">
          {media.map((m) => (
            <li key={m.id} className="card" data-testid="media-item" data-state={m.state}>
              <p className="muted">{t("upload.original", { name: m.originalName })}</p>
              {m.state === "verified" ? (
                <MediaView media={m} captionsUrl={`/entries/${entry.id}/captions/${m.id}.vtt`} />
              ) : null}
              <p className={m.state === "rejected" ? "alert" : undefined}>
                {m.state === "verified"
                  ? t("upload.verified")
                  : m.state === "rejected"
                    ? t("upload.rejected")
                    : m.state === "pending"
                      ? t("upload.incomplete")
                      : t("upload.checking")}
                {m.rejection ? `: ${t(m.rejection.key, m.rejection.values)}` : ""}
              </p>
              {m.state === "verified" && m.type.startsWith("image/") ? (
                <AltTextForm entryId={entry.id} assetId={m.id} altText={m.altText} disabled={!open} />
              ) : null}
              {m.state === "verified" && isTimed(m.type) ? (
                <Captions
                  entryId={entry.id}
                  assetId={m.id}
                  name={m.originalName}
                  captions={m.captions}
                  open={open}
                  onDone={revalidator.revalidate}
                />
              ) : null}
              {open ? (
                <RemoveButton entryId={entry.id} assetId={m.id} name={m.originalName} onDone={revalidator.revalidate} />
              ) : null}
            </li>
          ))}
        </ul>
        {open && media.filter((m) => m.state !== "rejected" && m.state !== "pending").length < category.maxFiles ? (
          <Uploader
            endpoint={`/entries/${entry.id}/media`}
            accept={category.allowedTypes}
            label={media.length ? t("upload.chooseMore") : t("upload.choose")}
            hint={t("upload.accepts", {
              types: category.allowedTypes.map((type) => t(`media.${type}`, { defaultValue: type })).join(", "),
              size: t("units.MB", { value: Math.round(category.maxFileBytes / (1024 * 1024)) }),
            })}
            onDone={revalidator.revalidate}
          />
        ) : null}
      </div>

      <CoCreators entryId={entry.id} people={coCreators} open={open} />
      <Releases entryId={entry.id} releases={releases} open={open} />
      {guardian.state !== "notNeeded" ? <GuardianConsent entryId={entry.id} guardian={guardian} open={open} /> : null}

      <Form
        method="post"
        ref={autosave.formRef}
        onChange={autosave.onChange}
        onSubmit={autosave.onSubmit}
        className="panel entry-form"
      >
        <input type="hidden" name="revision" defaultValue={entry.revision} />
        <div className="field">
          <label htmlFor="title">{t("entry.workTitle")}</label>
          <input id="title" name="title" defaultValue={entry.title} maxLength={200} disabled={!open} />
        </div>
        <TextAreaField
          label={t("entry.summary")}
          hint={t("entry.summaryHint")}
          textareaProps={{ id: "summary", name: "summary", rows: 2, defaultValue: entry.summary, disabled: !open }}
        />
        <TextAreaField
          label={t("entry.statement")}
          hint={t("entry.statementHint", { max: category.statementMaxWords })}
          afterId="statement-count"
          after={
            <p id="statement-count" className={words > category.statementMaxWords ? "error-list" : "field-hint"}>
              {t("entry.words", { count: words, max: category.statementMaxWords })}
            </p>
          }
          textareaProps={{
            id: "statement",
            name: "statement",
            rows: 8,
            defaultValue: entry.statement,
            onInput: (event) => setWords(countWords(event.currentTarget.value)),
            disabled: !open,
          }}
        />
        <div className="field">
          <label htmlFor="language">{t("entry.language")}</label>
          <input id="language" name="language" defaultValue={entry.language} maxLength={60} disabled={!open} />
        </div>
        {category.accessibilityText === "captions_or_transcript" ? (
          <TextAreaField
            label={t("entry.transcript")}
            hint={t("entry.transcriptHint")}
            textareaProps={{
              id: "transcript",
              name: "transcript",
              rows: 6,
              defaultValue: entry.transcript,
              disabled: !open,
            }}
          />
        ) : null}

        <h2>{t("entry.declarations")}</h2>
        <div className="field field-check">
          <input
            type="checkbox"
            id="originalWork"
            name="originalWork"
            defaultChecked={entry.originalWork}
            disabled={!open}
          />
          <label htmlFor="originalWork">{t("entry.originalWork")}</label>
        </div>
        <fieldset className="choices">
          <legend>{t("entry.aiUse")}</legend>
          {(["none", "assisted", "generated"] as const).map((value) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`aiUse-${value}`}
                name="aiUse"
                value={value}
                defaultChecked={entry.aiUse === value}
                disabled={!open}
              />
              <label htmlFor={`aiUse-${value}`}>{t(`entry.ai${value[0]!.toUpperCase()}${value.slice(1)}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          label={t("entry.aiDetails")}
          textareaProps={{
            id: "aiUseDetails",
            name: "aiUseDetails",
            rows: 2,
            defaultValue: entry.aiUseDetails,
            disabled: !open,
          }}
        />
        <div className="field field-check">
          <input type="checkbox" id="licence" name="licence" defaultChecked={entry.licence} disabled={!open} />
          <label htmlFor="licence">{t("entry.licence")}</label>
        </div>
        <YesNo
          name="identifiablePeople"
          label={t("entry.identifiablePeople")}
          value={entry.identifiablePeople}
          disabled={!open}
        />
        <div className="field field-check">
          <input type="checkbox" id="releases" name="releases" defaultChecked={entry.releases} disabled={!open} />
          <label htmlFor="releases">{t("entry.releases")}</label>
        </div>

        <h2>{t("entry.doNoHarm")}</h2>
        <YesNo name="showsSurvivors" label={t("entry.showsSurvivors")} value={entry.showsSurvivors} disabled={!open} />
        <YesNo
          name="showsExactLocations"
          label={t("entry.showsExactLocations")}
          value={entry.showsExactLocations}
          disabled={!open}
        />
        <YesNo name="graphicContent" label={t("entry.graphicContent")} value={entry.graphicContent} disabled={!open} />

        {missing.length || result?.problems?.length ? (
          <div className="alert" role="alert" aria-labelledby="missing-title">
            <h2 id="missing-title">{t("entry.missingTitle")}</h2>
            <ErrorList errors={result?.problems?.length ? result.problems : missing} />
          </div>
        ) : null}
        {open ? <p className="field-hint">{t("entry.retention", { count: contest.retentionMonths })}</p> : null}
        {open ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="button button-secondary">
              {t("entry.save")}
            </button>
            <button type="submit" name="intent" value="submit" className="button" disabled={submitting}>
              {submitting
                ? t("entry.submitting")
                : entry.status === "submitted"
                  ? t("entry.submitAgain")
                  : t("entry.submit")}
            </button>
          </div>
        ) : null}
      </Form>

      {open ? (
        <details className="panel">
          <summary>{t("entry.withdraw")}</summary>
          <Form method="post">
            <button type="submit" name="intent" value="withdraw" className="button button-secondary">
              {t("entry.withdrawConfirm")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

function AltTextForm({
  entryId,
  assetId,
  altText,
  disabled,
}: {
  entryId: string;
  assetId: string;
  altText: string;
  disabled: boolean;
}) {
  const fetcher = useFetcher();
  const { t } = useTranslation();
  const id = `alt-${assetId}`;
  return (
    <fetcher.Form method="post" action={`/entries/${entryId}/media`} className="field">
      <input type="hidden" name="intent" value="alt" />
      <input type="hidden" name="assetId" value={assetId} />
      <label htmlFor={id}>{t("upload.altText")}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t("upload.altTextHint")}
      </p>
      <textarea
        id={id}
        name="altText"
        rows={2}
        defaultValue={altText}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
      />
      <button
        type="submit"
        className="button button-secondary button-small"
        disabled={disabled || fetcher.state !== "idle"}
      >
        {t("upload.saveAltText")}
      </button>
    </fetcher.Form>
  );
}

function RemoveButton({
  entryId,
  assetId,
  name,
  onDone,
}: {
  entryId: string;
  assetId: string;
  name: string;
  onDone: () => void;
}) {
  const fetcher = useFetcher();
  const { t } = useTranslation();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) onDone();
  }, [fetcher.state, fetcher.data, onDone]);
  return (
    <fetcher.Form method="post" action={`/entries/${entryId}/media`}>
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="assetId" value={assetId} />
      <button type="submit" className="link-button" aria-label={t("upload.removeNamed", { name })}>
        {t("upload.remove")}
      </button>
    </fetcher.Form>
  );
}
