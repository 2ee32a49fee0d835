import { useTranslation } from "~/i18n/react";
import type { SaveState } from "~/components/autosave";
import type { EntryPage } from "~/components/entry/entry-page";
import { formatDateTime, useVisitorTimeZone } from "~/components/time";

/**
 * The top of the entry page: contest and category, the entry's title, status, reference and
 * deadline, the organizers' message when there is one, and where the autosave stands.
 */
export function EntryHeader({
  entry,
  category,
  contest,
  organizerMessage,
  saveState,
}: Pick<EntryPage, "entry" | "category" | "contest" | "organizerMessage"> & { saveState: SaveState }) {
  const { t, i18n } = useTranslation();
  const zone = useVisitorTimeZone(contest.timezone);
  const saveLabel: Record<SaveState, string> = {
    idle: "",
    saving: t("entry.saving"),
    saved: t("entry.savedAt"),
    offline: t("entry.offline"),
    conflict: t("entry.conflict"),
  };
  return (
    <>
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
      {entry.status === "eligible" ? <p className="notice">{t("entry.frozenForJudging")}</p> : null}
      {entry.submitWhenReady ? <p className="notice">{t("entry.submitWhenReady")}</p> : null}
      {organizerMessage ? (
        <div className="notice" role="note" aria-labelledby="organizer-message-title">
          <h2 id="organizer-message-title">{t("entry.organizerMessage")}</h2>
          <p className="prewrap">{organizerMessage}</p>
        </div>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        className={saveState === "conflict" || saveState === "offline" ? "alert" : "muted"}
      >
        {saveLabel[saveState]}
      </p>
    </>
  );
}
