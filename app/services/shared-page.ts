/**
 * A page that every visitor who is not signed in sees alike (a contest's page) may be kept by the
 * HTTP server and served again to the next such visitor with the same language and cookies, while
 * nothing in the database has changed and for at most the seconds its loader offers
 * (app/server/page-cache.ts). A loader offers it by returning `sharedPageHeaders(seconds)`, only
 * when its answer depends on nothing but the database, the clock and the request's URL, language
 * and cookies; and the route passes its loader's headers on (`headers = loaderHeadersOnly`).
 */
export const SHARED_PAGE_HEADER = "X-Mosaic-Shared-Page";

/** Headers offering this answer for `seconds` (none when `seconds` is under one). */
export function sharedPageHeaders(seconds: number): Record<string, string> {
  const whole = Math.floor(seconds);
  return whole >= 1 ? { [SHARED_PAGE_HEADER]: String(whole) } : {};
}

/** The seconds from `at` until the first of `moments` still ahead, at most `most`. */
export function secondsUntilNext(at: Date, moments: (Date | string | null | undefined)[], most: number) {
  let seconds = most;
  for (const moment of moments) {
    if (moment == null) continue;
    const ahead = (new Date(moment).getTime() - at.getTime()) / 1000;
    if (ahead > 0 && ahead < seconds) seconds = ahead;
  }
  return seconds;
}
