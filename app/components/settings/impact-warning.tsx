import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import type { Impact } from "~/models/contest-settings.server";

/**
 * The warning a save gets when it would affect entries already made: what and which, and a
 * second button that saves anyway. It carries the fingerprint of the impacts the organizer saw,
 * so a save confirmed on an outdated list is asked again.
 */
export function ImpactWarning({
  impacts,
  fingerprint,
  slug,
}: {
  impacts: Impact[];
  fingerprint: string;
  slug: string;
}) {
  const { t } = useTranslation();
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => {
    warning.current?.focus();
  }, [impacts]);
  return (
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
