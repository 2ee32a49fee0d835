/**
 * A page whose answer depends on nothing but the request's URL, Accept-Language and Cookie
 * headers, the database and the clock may be kept by the HTTP server and served again, byte for
 * byte, to the next request with the same three, while nothing in the database has changed and
 * for at most the seconds its loader offers (app/server/page-cache.ts). A loader offers it by
 * returning `keepPageHeaders(seconds)` (auth.server.ts's `keptPageHeaders` also ends the offer
 * with the visitor's session), and its route passes its loader's headers on.
 */
export const KEEP_PAGE_HEADER = "X-Mosaic-Keep-Page";

/** Headers offering this answer for `seconds` (none when `seconds` is under one). */
export function keepPageHeaders(seconds: number): Record<string, string> {
  const whole = Math.floor(seconds);
  return whole >= 1 ? { [KEEP_PAGE_HEADER]: String(whole) } : {};
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
