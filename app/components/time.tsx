import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { useNumbers } from "~/components/numbers";
import { countdown } from "~/models/contest";
import { formatWhen } from "~/models/time";
import type { loader as rootLoader } from "~/root";

/**
 * The zone to show times in: the visitor's own, which the server knows from the page's client
 * hint (components/time-zone-hint.tsx) and the root loader passes on, so the server and the
 * browser render the same text; `fallback` (the contest's zone) when the server does not know it.
 */
export function useVisitorTimeZone(fallback: string) {
  return useRouteLoaderData<typeof rootLoader>("root")?.timeZone ?? fallback;
}

/** A date and time as people of `locale` write it, in `timeZone`, with the zone named. */
export function formatDateTime(iso: Date | string, locale: string, timeZone: string) {
  return formatWhen(iso, locale, timeZone);
}

export function LocalTime({ iso, zone, locale }: { iso: Date | string; zone: string; locale: string }) {
  return <time dateTime={new Date(iso).toISOString()}>{formatDateTime(iso, locale, zone)}</time>;
}

/** A countdown that is right before hydration (from the server's clock) and ticks after it. */
export function Countdown({ until, serverNow }: { until: string; serverNow: string }) {
  const { t } = useTranslation();
  const { number } = useNumbers();
  const [at, setAt] = useState(() => new Date(serverNow));
  useEffect(() => {
    setAt(new Date());
    const timer = setInterval(() => setAt(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const left = countdown(new Date(until), at);
  return (
    <p className="countdown" role="timer" aria-live="off">
      <span className="countdown-label">{t("contest.countdown")}</span>
      <span className="countdown-value">
        {t("contest.countdownValue", {
          days: number(left.days, 0),
          hours: number(left.hours, 0),
          minutes: number(left.minutes, 0),
        })}
      </span>
    </p>
  );
}
