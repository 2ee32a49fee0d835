import type { NextFunction, Request, Response } from "express";
import { randomBytes } from "node:crypto";

/**
 * Headers on every response: a nonce-based Content-Security-Policy (the nonce reaches Remix's
 * <Scripts> through the load context), no sniffing, no framing, a strict referrer policy, and
 * HSTS in production.
 */
export function securityHeaders(options: { production: boolean; storageOrigin?: string }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const storage = options.storageOrigin ? ` ${options.storageOrigin}` : "";
    // remix dev's hot-reload socket, development only
    const devSocket = options.production ? "" : " ws://localhost:* ws://127.0.0.1:*";
    const directives = [
      "default-src 'self'",
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self'",
      `img-src 'self' data: blob:${storage}`,
      `media-src 'self' blob:${storage}`,
      `connect-src 'self'${storage}${devSocket}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(options.production ? ["upgrade-insecure-requests"] : []),
    ];
    res.setHeader("Content-Security-Policy", directives.join("; "));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (options.production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * State changes come only from Mosaic's own pages: a request that changes something must come
 * from APP_URL's origin. Browsers send Origin (and Sec-Fetch-Site) with every such request; a
 * client that sends neither is not a browser a forged page could drive. The request's own Host
 * is not trusted: a page on another name that resolves here (DNS rebinding) sends its own.
 */
export function sameOriginWrites(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    const originOk = origin === undefined || allowed.has(origin);
    const siteOk = !site || site === "same-origin" || site === "none";
    if (originOk && siteOk) return next();
    // Loaded by the first refusal: this server's bundle would otherwise hold a second copy of
    // every language's messages beside the one the pages use, for this one message.
    import("../i18n").then(
      ({ createI18n, defaultLocale, localeFromAcceptLanguage }) => {
        const t = createI18n(localeFromAcceptLanguage(req.get("accept-language") ?? null) ?? defaultLocale).t;
        res.status(403).type("text/plain").send(t("errors.crossSite"));
      },
      (error: unknown) => next(error),
    );
  };
}
