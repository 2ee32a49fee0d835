import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useBeforeUnload, useBlocker, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, ErrorList, Field, InputField, TextAreaField } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { renderMarkdown } from "~/components/markdown.server";
import { redirectWithNotice } from "~/forms.server";
import { locales } from "~/i18n";
import { pageTitle } from "~/i18n/meta";
import { saveSettings, settingsValues, settingsVersion, type Impact } from "~/models/contest-settings.server";
import { statusAt, TRANSITIONS, transitionsAt } from "~/models/lifecycle";
import { moveContest, readinessProblems } from "~/models/lifecycle.server";
import { ACCESSIBILITY_TEXTS, MAX_CATEGORIES, MEDIA_TYPES, NORMALISATIONS, settingsSchema } from "~/schemas/contest";
import { requireOrganizerOf } from "~/services/auth.server";
import { now } from "~/services/clock.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const at = now();
  const status = statusAt(contest, at);
  const values = await settingsValues(contest);
  return {
    slug: contest.slug,
    status,
    transitions: transitionsAt(contest, at),
    readiness: status === "draft" ? await readinessProblems(contest) : [],
    values,
    preview: {
      rules: renderMarkdown(values.rules, { headingOffset: 3 }),
      faq: renderMarkdown(values.faq, { headingOffset: 3 }),
    },
    // the settings as the form starts from them: it starts afresh when they change
    version: settingsVersion(values),
    slugLocked: contest.status !== "draft",
    timeZones: Intl.supportedValuesOf("timeZone"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const formData = await request.formData();
  if (formData.get("intent") === "move") {
    const transition = TRANSITIONS.find((t) => t === formData.get("transition"));
    if (!transition) return data({ moved: false, problems: ["lifecycle.stale"] }, { status: 400 });
    const result = await moveContest(contest, transition, String(formData.get("seen") ?? ""), user.id);
    if (!result.ok) return data({ moved: false, problems: result.problems }, { status: 409 });
    return data({ moved: true, problems: [] as string[] });
  }
  const submission = parseWithZod(formData, { schema: settingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const confirm = formData.get("confirm");
  const saved = await saveSettings(
    contest,
    submission.value,
    user.id,
    typeof confirm === "string" ? confirm : undefined,
    String(formData.get("version") ?? ""),
  );
  if (saved.ok) throw await redirectWithNotice(`/organize/${saved.slug}/settings`, { key: "settings.saved" });
  if (saved.reason === "confirm") {
    return data(
      { result: submission.reply(), impacts: saved.impacts, fingerprint: saved.fingerprint },
      { status: 409 },
    );
  }
  if (saved.reason === "stale") {
    return data({ result: submission.reply({ formErrors: ["settings.stale"] }) }, { status: 409 });
  }
  const fieldErrors: Record<string, string[]> =
    saved.reason === "categorySlugTaken"
      ? { [`categories[${saved.index}].slug`]: ["settings.slugArchived"] }
      : saved.reason === "blindLocked"
        ? { blindJudging: ["settings.blindLocked"] }
        : { slug: [saved.reason === "slugLocked" ? "settings.slugLocked" : "settings.slugTaken"] };
  return data({ result: submission.reply({ fieldErrors }) }, { status: 409 });
}

function useSettingsForm(
  values: ReturnType<typeof useLoaderData<typeof loader>>["values"],
  lastResult: SubmissionResult<string[]> | undefined,
) {
  return useForm({
    id: "settings",
    lastResult,
    defaultValue: values,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
  });
}

/** A contest's settings and its lifecycle: one page, one save, and a warning before anything invalidates entries. */
export default function ContestSettings() {
  const { status, transitions, readiness, version } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      <Lifecycle status={status} transitions={transitions} readiness={readiness} />
      <SettingsEditor key={version} />
    </section>
  );
}

/** Asks before leaving the page (or closing the tab) with changes that are not saved. */
function useUnsavedGuard(dirty: boolean) {
  const { t } = useTranslation();
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
        event.returnValue = ""; // what older browsers need to ask
      },
      [dirty],
    ),
  );
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  if (blocker.state !== "blocked") return null;
  return (
    <div role="alertdialog" aria-labelledby="unsaved-title" aria-describedby="unsaved-text" className="alert">
      <h2 id="unsaved-title">{t("settings.unsavedTitle")}</h2>
      <p id="unsaved-text">{t("settings.unsavedText")}</p>
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>
          {t("settings.stay")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => blocker.proceed()}>
          {t("settings.leave")}
        </button>
      </div>
    </div>
  );
}

function SettingsEditor() {
  const { slug, values, preview, version, slugLocked, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const idle = navigation.state === "idle";
  const [form, fields] = useSettingsForm(
    values,
    idle && actionData && "result" in actionData ? actionData.result : undefined,
  );
  const confirm = idle ? (actionData as { impacts?: Impact[]; fingerprint?: string } | undefined) : undefined;
  const impacts = confirm?.impacts ?? null;
  const fingerprint = confirm?.fingerprint ?? "";
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (impacts) warning.current?.focus();
  }, [impacts]);
  const categories = fields.categories.getFieldList();
  const leaving = useUnsavedGuard(form.dirty && navigation.state === "idle");

  return (
    <>
      {leaving}
      <nav aria-label={t("settings.parts")} className="in-page">
        <ul className="inline-list">
          {(["basics", "timeline", "eligibility", "categories", "judging", "emails"] as const).map((part) => (
            <li key={part}>
              <a href={`#settings-${part}`}>{t(`settings.${part}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset className="card" id="settings-basics">
          <legend>{t("settings.basics")}</legend>
          <InputField field={fields.title} type="text" label={t("settings.contestTitle")} />
          <Field
            label={t("settings.slug")}
            hint={slugLocked ? t("settings.slugLockedHint") : t("settings.slugHint")}
            errors={fields.slug.errors}
            inputProps={{
              ...getInputProps(fields.slug, { type: "text", ariaAttributes: false }),
              readOnly: slugLocked,
            }}
          />
          <InputField field={fields.theme} type="text" label={t("settings.theme")} />
          <TextAreaField
            label={t("settings.summary")}
            errors={fields.summary.errors}
            textareaProps={{ ...getTextareaProps(fields.summary, { ariaAttributes: false }), rows: 3 }}
          />
          <InputField field={fields.organizerName} type="text" label={t("settings.organizerName")} />
          <MarkdownField
            field={fields.rules}
            label={t("settings.rules")}
            endpoint={`/organize/${slug}/markdown`}
            saved={{ source: values.rules, html: preview.rules }}
          />
          <MarkdownField
            field={fields.faq}
            label={t("settings.faq")}
            endpoint={`/organize/${slug}/markdown`}
            saved={{ source: values.faq, html: preview.faq }}
          />
          <fieldset className="plain-fieldset field">
            <legend>{t("settings.languages")}</legend>
            {getCollectionProps(fields.languages, { type: "checkbox", options: [...locales] }).map(
              ({ key, ...props }) => (
                <CheckboxField key={key} label={t(`languages.${props.value}`)} inputProps={props} />
              ),
            )}
            <ErrorList errors={fields.languages.errors} />
          </fieldset>
        </fieldset>

        <fieldset className="card" id="settings-timeline">
          <legend>{t("settings.timeline")}</legend>
          <Field
            label={t("settings.timezone")}
            hint={t("settings.timezoneHint")}
            errors={fields.timezone.errors}
            inputProps={{
              ...getInputProps(fields.timezone, { type: "text", ariaAttributes: false }),
              list: "time-zones",
            }}
          />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {(["opensAt", "deadline", "judgingStartsAt", "judgingEndsAt", "announcementAt"] as const).map((key) => (
            <InputField key={key} field={fields[key]} type="datetime-local" label={t(`settings.${key}`)} />
          ))}
          <InputField
            field={fields.graceMinutes}
            type="number"
            label={t("settings.graceMinutes")}
            hint={t("settings.graceHint")}
          />
        </fieldset>

        <fieldset className="card" id="settings-eligibility">
          <legend>{t("settings.eligibility")}</legend>
          <div className="field-row">
            <InputField field={fields.minAge} type="number" label={t("settings.minAge")} />
            <InputField field={fields.maxAge} type="number" label={t("settings.maxAge")} />
          </div>
          <InputField
            field={fields.allowedCountries}
            type="text"
            label={t("settings.allowedCountries")}
            hint={t("settings.allowedCountriesHint")}
          />
          <div className="field-row">
            <InputField field={fields.maxEntriesPerUser} type="number" label={t("settings.maxEntriesPerUser")} />
            <InputField
              field={fields.maxEntriesPerCategory}
              type="number"
              label={t("settings.maxEntriesPerCategory")}
            />
          </div>
          <InputField
            field={fields.guardianConsentUnder}
            type="number"
            label={t("settings.guardianConsentUnder")}
            hint={t("settings.guardianHint")}
          />
        </fieldset>

        <fieldset className="card" id="settings-categories">
          <legend>{t("settings.categories")}</legend>
          <ol className="card-list">
            {categories.map((item, index) => (
              <li key={item.key} className="card">
                <CategoryFields item={item} index={index} />
                {categories.length > 1 ? (
                  <button
                    className="link-button"
                    {...form.remove.getButtonProps({ name: fields.categories.name, index })}
                    aria-label={t("settings.removeCategoryNamed", { name: item.getFieldset().name.value || index + 1 })}
                  >
                    {t("settings.removeCategory")}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          <ErrorList id={fields.categories.errorId} errors={fields.categories.errors} />
          {categories.length < MAX_CATEGORIES ? (
            <button
              className="button button-secondary"
              {...form.insert.getButtonProps({
                name: fields.categories.name,
                defaultValue: {
                  slug: "",
                  name: "",
                  description: "",
                  allowedTypes: [],
                  maxFileMb: 25,
                  maxFiles: 1,
                  accessibilityText: "alt_text",
                  statementMaxWords: 300,
                },
              })}
            >
              {t("settings.addCategory")}
            </button>
          ) : null}
        </fieldset>

        <fieldset className="card" id="settings-judging">
          <legend>{t("settings.judging")}</legend>
          <InputField field={fields.judgesPerEntry} type="number" label={t("settings.judgesPerEntry")} />
          <CheckboxField
            label={t("settings.blindJudging")}
            errors={fields.blindJudging.errors}
            inputProps={getInputProps(fields.blindJudging, { type: "checkbox", value: "on", ariaAttributes: false })}
          />
          <CheckboxField
            label={t("settings.avoidSameCountry")}
            inputProps={getInputProps(fields.avoidSameCountry, {
              type: "checkbox",
              value: "on",
              ariaAttributes: false,
            })}
          />
          <CheckboxField
            label={t("settings.hideCountry")}
            inputProps={getInputProps(fields.hideCountry, { type: "checkbox", value: "on", ariaAttributes: false })}
          />
          <div className="field">
            <label htmlFor={fields.normalisation.id}>{t("settings.normalisation")}</label>
            <select {...getSelectProps(fields.normalisation, { ariaAttributes: false })}>
              {NORMALISATIONS.map((n) => (
                <option key={n} value={n}>
                  {t(`settings.normalisations.${n}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className="card" id="retention">
          <legend>{t("settings.privacy")}</legend>
          <InputField
            field={fields.retentionMonths}
            type="number"
            label={t("settings.retentionMonths")}
            hint={t("settings.retentionHint")}
          />
        </fieldset>

        <fieldset className="card" id="settings-emails">
          <legend>{t("settings.emails")}</legend>
          <p className="field-hint">{t("settings.emailsHint")}</p>
          {(["emailReceipt", "emailScreened", "emailDraftReminder", "emailResults"] as const).map((key) => (
            <TextAreaField
              key={key}
              label={t(`settings.${key}`)}
              errors={fields[key].errors}
              textareaProps={{ ...getTextareaProps(fields[key], { ariaAttributes: false }), rows: 3 }}
            />
          ))}
        </fieldset>

        <div className="actions">
          <button type="submit" className="button" disabled={!idle}>
            {t("settings.save")}
          </button>
        </div>
        {impacts ? (
          <div ref={warning} tabIndex={-1} role="alert" className="alert" aria-labelledby="impact-title">
            <h2 id="impact-title">{t("settings.impactTitle")}</h2>
            <p>{t("settings.impactIntro")}</p>
            <ImpactList impacts={impacts} slug={slug} />
            <div className="actions">
              <button type="submit" name="confirm" value={fingerprint} className="button button-danger">
                {t("settings.saveAnyway")}
              </button>
            </div>
            <p className="muted">{t("settings.impactCancel")}</p>
          </div>
        ) : null}
      </Form>
    </>
  );
}

function Lifecycle({ status, transitions, readiness }: { status: string; transitions: string[]; readiness: string[] }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const problems = actionData && "problems" in actionData ? actionData.problems : [];
  return (
    <section className="card" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t("lifecycle.title")}</h2>
      <p>
        {t("lifecycle.now")} <strong className={`status status-${status}`}>{t(`contest.status.${status}`)}</strong>
      </p>
      <p className="muted">{t("lifecycle.intro")}</p>
      {readiness.length > 0 ? (
        <>
          <p>{t("lifecycle.notReady")}</p>
          <ErrorList errors={readiness} />
        </>
      ) : null}
      <ErrorList errors={problems} />
      {actionData && "moved" in actionData && actionData.moved ? (
        <p role="status" className="notice">
          {t("lifecycle.moved")}
        </p>
      ) : null}
      <div className="actions">
        {transitions.map((transition) => (
          <Form method="post" key={transition}>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="seen" value={status} />
            <button
              type="submit"
              name="transition"
              value={transition}
              className={transition === "open" || transition === "reopen" ? "button" : "button button-secondary"}
              disabled={navigation.state !== "idle"}
            >
              {t(`lifecycle.action.${transition}`)}
            </button>
          </Form>
        ))}
      </div>
    </section>
  );
}

function ImpactList({ impacts, slug }: { impacts: Impact[]; slug: string }) {
  const { t } = useTranslation();
  return (
    <ul>
      {impacts.map((impact) => (
        <li key={`${impact.reason}-${impact.category ?? ""}`}>
          <strong>
            {t(`settings.impact.${impact.reason}`, { count: impact.total, category: impact.category ?? "" })}
          </strong>
          <ul className="inline-list">
            {impact.entries.map((entry) => (
              <li key={entry.id}>
                <a href={`/organize/${slug}/entries/${entry.id}`}>
                  {entry.referenceCode ?? (entry.title || t("settings.untitled"))}
                </a>{" "}
                <span className="muted">({t(`entries.status.${entry.status}`, { defaultValue: entry.status })})</span>
              </li>
            ))}
          </ul>
          {impact.total > impact.entries.length ? (
            <p className="muted">{t("settings.impactMore", { count: impact.total - impact.entries.length })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type Rendered = { source: string; html: string };

/**
 * What an organizer is typing, rendered by the server (which alone has the Markdown library) a
 * moment after they pause, and only while the preview is open.
 */
function useMarkdownPreview(endpoint: string, source: string, saved: Rendered, open: boolean) {
  const [rendered, setRendered] = useState(saved);
  useEffect(() => {
    if (!open || source === rendered.source) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(endpoint, {
        method: "POST",
        body: new URLSearchParams({ source }),
        headers: { Accept: "application/json" },
        signal: controller.signal,
      })
        .then((response) => (response.ok ? (response.json() as Promise<{ html: string }>) : null))
        .then((answer) => answer && setRendered({ source, html: answer.html }))
        // cut short by the next keystroke, or offline: the preview catches up on the next change
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, source, open, rendered.source]);
  return rendered.html;
}

function MarkdownField({
  field,
  label,
  endpoint,
  saved,
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  endpoint: string;
  saved: Rendered;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState(field.initialValue ?? "");
  const [open, setOpen] = useState(false);
  const html = useMarkdownPreview(endpoint, source, saved, open);
  return (
    <div>
      <TextAreaField
        label={label}
        hint={t("settings.markdownHint")}
        errors={field.errors}
        textareaProps={{
          ...getTextareaProps(field, { ariaAttributes: false }),
          rows: 8,
          onInput: (event) => setSource(event.currentTarget.value),
        }}
      />
      <details className="markdown-preview" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t("settings.preview", { name: label })}</summary>
        <Markdown html={html} />
      </details>
    </div>
  );
}

type CategoryField = ReturnType<ReturnType<typeof useSettingsForm>[1]["categories"]["getFieldList"]>[number];

function CategoryFields({ item, index }: { item: CategoryField; index: number }) {
  const { t } = useTranslation();
  const f = item.getFieldset();
  return (
    <>
      <h3>{t("settings.category", { number: index + 1 })}</h3>
      <input {...getInputProps(f.id, { type: "hidden" })} />
      <div className="field-row">
        <InputField field={f.name} type="text" label={t("settings.categoryName")} />
        <InputField field={f.slug} type="text" label={t("settings.slug")} />
      </div>
      <TextAreaField
        label={t("settings.categoryDescription")}
        errors={f.description.errors}
        textareaProps={{ ...getTextareaProps(f.description, { ariaAttributes: false }), rows: 2 }}
      />
      <fieldset className="plain-fieldset field">
        <legend>{t("settings.allowedTypes")}</legend>
        <div className="check-grid">
          {getCollectionProps(f.allowedTypes, { type: "checkbox", options: [...MEDIA_TYPES] }).map(
            ({ key, ...props }) => (
              <CheckboxField
                key={key}
                label={t(`media.${props.value}`, { defaultValue: props.value })}
                inputProps={props}
              />
            ),
          )}
        </div>
        <ErrorList errors={f.allowedTypes.errors} />
      </fieldset>
      <div className="field-row">
        <InputField field={f.maxFileMb} type="number" label={t("settings.maxFileMb")} />
        <InputField
          field={f.maxDurationMin}
          type="number"
          label={t("settings.maxDurationMin")}
          hint={t("settings.maxDurationHint")}
        />
        <InputField field={f.maxFiles} type="number" label={t("settings.maxFiles")} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.accessibilityText.id}>{t("settings.accessibilityText")}</label>
          <select {...getSelectProps(f.accessibilityText, { ariaAttributes: false })}>
            {ACCESSIBILITY_TEXTS.map((a) => (
              <option key={a} value={a}>
                {t(`settings.accessibility.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <InputField field={f.statementMaxWords} type="number" label={t("settings.statementMaxWords")} />
      </div>
    </>
  );
}
