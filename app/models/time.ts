/**
 * How Mosaic writes a moment for a reader: the date, the time and the time zone it is in, in the
 * reader's language ("14 January 2028 at 23:59 CET", "14 janvier 2028 à 23:59 UTC+1"). Pages and
 * emails all use it, so a deadline reads the same everywhere. One formatter per language and zone:
 * they are costly to make.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatWhen(at: Date | string, locale: string, timeZone: string) {
  const key = `${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone,
    });
    formats.set(key, format);
  }
  return format.format(new Date(at));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A day as the reader's language writes it ("1 December 2026"), as it was in `timeZone`. */
export function formatDay(at: Date | string, locale: string, timeZone: string) {
  const key = `${locale} ${timeZone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone });
    dayFormats.set(key, format);
  }
  return format.format(new Date(at));
}

/** The cookie in which the browser tells the server its time zone (see components/time-zone-hint.tsx). */
export const TIME_ZONE_COOKIE = "mosaic_tz";
