import { TIME_ZONE_COOKIE } from "./time";
import { isTimeZone } from "~/schemas/contest";

/**
 * The visitor's own time zone, as the page's client hint (components/time-zone-hint.tsx) stored
 * it in a cookie; null when there is none (a first visit, scripts off, a crawler) or when it is
 * not a zone this server knows, and pages then show the contest's zone.
 */
export function visitorTimeZone(request: Request): string | null {
  for (const pair of (request.headers.get("Cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== TIME_ZONE_COOKIE) continue;
    let zone: string;
    try {
      zone = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return null;
    }
    return isTimeZone(zone) ? zone : null;
  }
  return null;
}

/** The zone a page shows times in: the visitor's when known, otherwise `fallback` (the contest's). */
export function timeZoneFor(request: Request, fallback: string) {
  return visitorTimeZone(request) ?? fallback;
}
