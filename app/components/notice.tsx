import { useLocation } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "~/i18n/react";
import type { Problem } from "~/models/problem";

/**
 * What the last action did ("Settings saved"), sent by `redirectWithNotice` and shown on the page
 * it led to, until the next navigation. (The layout's data is not read again on every
 * navigation, so the notice remembers the page it arrived with.)
 */
export function Notice({ notice }: { notice: Problem | null | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const arrived = useRef<{ notice: Problem | null | undefined; at: string }>({ notice, at: location.key });
  if (arrived.current.notice !== notice) arrived.current = { notice, at: location.key };
  if (!notice || arrived.current.at !== location.key) return null;
  return (
    <p role="status" className="notice" data-testid="notice">
      {t(notice.key, notice.values)}
    </p>
  );
}
