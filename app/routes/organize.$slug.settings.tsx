import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormSections } from "~/components/form-section";
import { FormErrors } from "~/components/forms";
import { renderMarkdown } from "~/components/markdown.server";
import { BasicsSection } from "~/components/settings/basics";
import { CategoriesSection } from "~/components/settings/categories";
import { EligibilitySection } from "~/components/settings/eligibility";
import { AfterResultsSection } from "~/components/settings/after-results";
import { EmailsSection } from "~/components/settings/emails";
import { LanguagesSection } from "~/components/settings/languages";
import { ImpactWarning } from "~/components/settings/impact-warning";
import { JudgingSection, PrivacySection } from "~/components/settings/judging";
import { Lifecycle } from "~/components/settings/lifecycle";
import { SETTINGS_PARTS, useSettingsForm } from "~/components/settings/settings-form";
import { TimelineSection } from "~/components/settings/timeline";
import { UnsavedGuard } from "~/components/settings/unsaved-guard";
import { formProblems, parseForm } from "~/forms";
import { accept, invalid, redirectWithNotice, refuse } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { saveSettings, settingsValues, settingsVersion, type Impact } from "~/models/contest-settings.server";
import { statusAt, transitionsAt } from "~/models/lifecycle";
import { moveContest, readinessProblems } from "~/models/lifecycle.server";
import { problem, type Problem } from "~/models/problem";
import { settingsSchema } from "~/schemas/contest";
import { moveSchema } from "~/schemas/lifecycle";
import { requireOrganizerOf } from "~/services/auth.server";
import { now } from "~/services/clock.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings.title");

/**
 * Which of the page's forms an answer is for: a lifecycle move, or the settings (with, when the
 * save would affect entries already made, what it would do and the fingerprint that confirms it).
 */
type Answer = { intent: "move" } | { intent: "save"; impacts?: Impact[]; fingerprint?: string };

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
    const move = parseForm(formData, moveSchema);
    const payload = { intent: "move" } as const;
    if (move.status !== "success") return refuse<Answer>(problem("lifecycle.stale"), { submission: move, payload });
    const { transition, seen } = move.value;
    const moved = await moveContest(contest, transition, seen, user.id);
    if (!moved.ok) {
      return refuse<Answer>(
        moved.problems.map((key) => problem(key)),
        { status: 409, submission: move, payload },
      );
    }
    return accept<Answer>(payload, { submission: move });
  }
  const submission = parseForm(formData, settingsSchema);
  const payload = { intent: "save" } as const;
  if (submission.status !== "success") return invalid<Answer>(submission, payload);
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
    const { impacts, fingerprint } = saved;
    return refuse<Answer>([], { status: 409, submission, payload: { ...payload, impacts, fingerprint } });
  }
  if (saved.reason === "stale") return refuse<Answer>(problem("settings.stale"), { status: 409, submission, payload });
  const fields: Record<string, Problem[]> =
    saved.reason === "categorySlugTaken"
      ? { [`categories[${saved.index}].slug`]: [problem("settings.slugArchived")] }
      : saved.reason === "blindLocked"
        ? { blindJudging: [problem("settings.blindLocked")] }
        : saved.reason === "methodLocked"
          ? { normalisation: [problem("settings.methodLocked")] }
          : saved.reason === "finalMethodLocked"
            ? { finalMethod: [problem("settings.methodLocked")] }
            : { slug: [problem(saved.reason === "slugLocked" ? "settings.slugLocked" : "settings.slugTaken")] };
  return refuse<Answer>([], { status: 409, submission, fields, payload });
}

/** A contest's settings and its lifecycle: one page, one save, and a warning before anything invalidates entries. */
export default function ContestSettings() {
  const { status, transitions, readiness, version } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const move = answer?.intent === "move" ? answer : undefined;
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t("settings.title")}</h1>
      <Lifecycle
        status={status}
        transitions={transitions}
        readiness={readiness}
        problems={formProblems(move)}
        moved={move?.result.status === "success"}
      />
      <SettingsEditor key={version} />
    </section>
  );
}

/** The settings form, part by part, with the warning a save that affects entries gets. */
function SettingsEditor() {
  const { slug, values, preview, version, slugLocked, timeZones } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const idle = navigation.state === "idle";
  const saved = idle && answer?.intent === "save" ? answer : undefined;
  const [form, fields] = useSettingsForm(values, saved?.result);
  return (
    <>
      <UnsavedGuard dirty={form.dirty && idle} />
      <nav aria-label={t("settings.parts")} className="in-page">
        <ul className="inline-list">
          {SETTINGS_PARTS.map((part) => (
            <li key={part}>
              <a href={`#settings-${part}`}>{t(`settings.${part}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors form={form} />
        <FormSections>
          <BasicsSection
            fields={fields}
            slug={slug}
            slugLocked={slugLocked}
            saved={{
              rules: { source: values.rules, html: preview.rules },
              faq: { source: values.faq, html: preview.faq },
            }}
          />
          <TimelineSection fields={fields} timeZones={timeZones} />
          <EligibilitySection fields={fields} />
          <CategoriesSection form={form} fields={fields} />
          <JudgingSection fields={fields} />
          <PrivacySection fields={fields} />
          <EmailsSection fields={fields} />
          <AfterResultsSection fields={fields} />
          <LanguagesSection fields={fields} slug={slug} />
        </FormSections>
        <div className="actions">
          <button type="submit" className="button" disabled={!idle}>
            {t("settings.save")}
          </button>
        </div>
        {saved?.impacts ? (
          <ImpactWarning impacts={saved.impacts} fingerprint={saved.fingerprint ?? ""} slug={slug} />
        ) : null}
      </Form>
    </>
  );
}
