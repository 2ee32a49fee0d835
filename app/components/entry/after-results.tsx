import { useTranslation } from "~/i18n/react";
import { useNumbers } from "~/components/numbers";

type Feedback = {
  notes: string[];
  scores: { average: number; categoryAverage: number | null } | null;
  category: string;
};

/**
 * What an entrant gets once the results are out: their certificate to download, and the judges'
 * notes (never who wrote them) with, where organizers chose, their average and their category's.
 */
export function AfterResults({
  entryId,
  certificate,
  feedback,
}: {
  entryId: string;
  certificate: { place: string | null } | null;
  feedback: Feedback | null;
}) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  if (!certificate && !feedback) return null;
  return (
    <section className="card" aria-labelledby="after-results-title" id="feedback">
      <h2 id="after-results-title">{t("feedback.title")}</h2>
      {certificate ? (
        <p>
          <a className="button" href={`/entries/${entryId}/certificate.pdf`} download>
            {certificate.place
              ? t("certificate.downloadAward", { place: t(`results.place.${certificate.place}`) })
              : t("certificate.downloadParticipation")}
          </a>
        </p>
      ) : null}
      {feedback ? (
        <>
          <h3>{t("feedback.judgesSaid")}</h3>
          <p className="muted">{t("feedback.intro")}</p>
          {feedback.notes.length === 0 ? <p>{t("feedback.noNotes")}</p> : null}
          {feedback.notes.map((note, index) => (
            <figure key={index} className="judge-note" data-testid="judge-note">
              <figcaption>{t("feedback.noteHeading", { number: index + 1 })}</figcaption>
              <blockquote className="prewrap">{note}</blockquote>
            </figure>
          ))}
          {feedback.scores ? (
            <p data-testid="feedback-scores">
              {feedback.scores.categoryAverage !== null
                ? t("feedback.scores", {
                    average: numbers.number(feedback.scores.average, 0),
                    categoryAverage: numbers.number(feedback.scores.categoryAverage, 0),
                    category: feedback.category,
                  })
                : t("feedback.score", { average: numbers.number(feedback.scores.average, 0) })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
