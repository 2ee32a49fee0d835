import { useTranslation } from "~/i18n/react";
import { formatBytes, formatDuration, formatNumber, formatPercent, formatRange } from "~/i18n/numbers";

/**
 * Numbers, shares, file sizes and durations in the reader's language ("62.5" in English, "62,5"
 * in French, "2,5 Mo"), with a dash for a value that does not exist: `~/i18n/numbers` bound to
 * the page's language.
 */
export function useNumbers() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    number: (value: number | null | undefined, digits = 1) => formatNumber(language, value, digits),
    range: (from: number, to: number) => formatRange(language, from, to),
    percent: (share: number | null | undefined) => formatPercent(language, share),
    bytes: (bytes: number, options?: { perSecond?: boolean }) => formatBytes(language, bytes, options),
    duration: (seconds: number) => formatDuration(language, seconds),
  };
}
