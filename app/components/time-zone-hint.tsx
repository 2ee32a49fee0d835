import { TIME_ZONE_COOKIE } from "~/models/time";
import { useNonce } from "./nonce";

/**
 * Runs before anything else on the page, in its <head>: when the browser's time zone is not
 * the one in the cookie, it stores it and reloads once, so that the server renders every time in
 * the visitor's zone from the first byte (and the page never changes its times after its
 * scripts load). With cookies refused the cookie does not stick, and the page is not reloaded:
 * it keeps the contest's zone rather than reloading for ever.
 */
const script = `(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    var stored = function () {
      var found = document.cookie.match(/(?:^|;\\s*)${TIME_ZONE_COOKIE}=([^;]*)/);
      return found ? decodeURIComponent(found[1]) : null;
    };
    if (stored() === zone) return;
    document.cookie = "${TIME_ZONE_COOKIE}=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    if (navigator.cookieEnabled && stored() === zone) window.location.reload();
  } catch (error) {}
})();`;

export function TimeZoneHint() {
  const nonce = useNonce();
  // the browser hides a nonce from the page once it has used it, so the client renders it empty
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}
