import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback } from "react";
import { useTranslation } from "~/i18n/react";

/**
 * Asks before leaving the page (or closing the tab) with changes that are not saved: the
 * browser's own question for a tab closed or reloaded, this dialog for a link followed in the app.
 */
export function UnsavedGuard({ dirty }: { dirty: boolean }) {
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
