import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import { MediaList } from "~/components/media/media-view";
import type { judgeWork } from "~/models/scoring.server";

type Work = Awaited<ReturnType<typeof judgeWork>>;

/**
 * An entry's work as a judge reads it: its files (behind the content warning, when it has one),
 * summary, statement, transcript, language and use of AI. Headings start at `level`, so the same
 * work reads right alone on the scoring page (h2) or beside another in a comparison (h3).
 */
export function JudgeWork({ work, slug, level = 2 }: { work: Work; slug: string; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(!work.contentWarning);
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      {work.contentWarning && !shown ? (
        <div className="panel alert">
          <p>{t("scoring.contentWarning")}</p>
          <button type="button" className="button button-secondary" onClick={() => setShown(true)}>
            {t("scoring.showWork")}
          </button>
        </div>
      ) : (
        <MediaList
          media={work.media}
          captionsUrl={(m) => `/judge/${slug}/captions/${work.code}/${m.id}.vtt`}
          zoomable
        />
      )}
      <Heading>{t("entry.summary")}</Heading>
      <p className="prewrap">{work.summary}</p>
      <Heading>{t("entry.statement")}</Heading>
      <p className="prewrap">{work.statement}</p>
      {work.transcript ? (
        <details>
          <summary>{t("entry.transcript")}</summary>
          <p className="prewrap">{work.transcript}</p>
        </details>
      ) : null}
      <p className="muted">
        {t("entry.language")}: {work.language} ·{" "}
        {t("scoring.aiUse", {
          answer: work.aiUse ? t(`entry.ai${work.aiUse[0]!.toUpperCase()}${work.aiUse.slice(1)}`) : "—",
        })}
        {work.aiUseDetails ? ` (${work.aiUseDetails})` : ""}
      </p>
    </>
  );
}
