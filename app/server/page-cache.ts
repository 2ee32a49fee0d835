import type { NextFunction, Request, Response } from "express";
import { KEEP_PAGE_HEADER } from "../services/page-cache";

/**
 * The page cache: a page is rendered once and served again, byte for byte, while it still holds.
 * When a contest is announced, hundreds of young people open its page within minutes, most on
 * phones; an entrant comes back to their page to see where their entry stands. Each render costs
 * the server several milliseconds of its one thread.
 *
 * A page is kept only when its loader offered it, for some seconds (services/page-cache.ts), and
 * the answer to a GET is a 200 that sets no cookie. It is served again only to a GET for the same
 * URL with the same Accept-Language and Cookie headers: the cookie holds the session, so a page
 * rendered for one person is only ever served to that session. It holds while:
 * - the database's data version is the one read before the page was rendered: any write, by any
 *   process or server, ends every kept page;
 * - Mosaic's clock is within the seconds offered (a loader never offers past a moment that
 *   changes its page, such as a deadline or the end of the session).
 *
 * The Content-Security-Policy nonce is per answer: a kept page holds a gap where the nonce was,
 * which each answer fills with its own. A kept page is sent with an Age header, as from any
 * cache. Requests for a page that is being rendered on the same data version wait for that
 * render. Only a path that has offered a page pays for reading the data version before it
 * renders; others go straight on.
 */
export type PageCacheHooks = {
  /** A token that changes whenever the database has (db.server.ts's `dataVersion`). */
  dataVersion(): Promise<string>;
  /** Mosaic's clock, in milliseconds: the one pages are rendered by, which tests may move. */
  now(): number;
};

type Kept = {
  version: string;
  storedAt: number;
  expiresAt: number;
  headers: [string, string | number | string[]][];
  /** The page, split where its nonce was. */
  parts: string[];
  bytes: number;
};

/** Headers a kept page does not carry over: each answer sets its own. */
const NOT_KEPT = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "date", "etag"]);

export function pageCache(options: {
  hooks: () => Promise<PageCacheHooks | undefined>;
  /** All kept pages together, at most (UTF-8 bytes). */
  maxBytes?: number;
  /** A page larger than this is not kept. */
  maxPageBytes?: number;
}) {
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const maxPageBytes = options.maxPageBytes ?? 256 * 1024;
  // In the order last used: the first is the next to go.
  const kept = new Map<string, Kept>();
  let keptBytes = 0;
  // Pages being rendered now, by key, with the data version they were started on.
  const rendering = new Map<string, { version: string; page: Promise<Kept | undefined> }>();
  // Paths whose answer has offered to be kept: only these read the data version first.
  const offering = new Set<string>();

  const forget = (key: string) => {
    const page = kept.get(key);
    if (!page) return;
    kept.delete(key);
    keptBytes -= page.bytes;
  };
  const keep = (key: string, page: Kept) => {
    forget(key);
    kept.set(key, page);
    keptBytes += page.bytes;
    for (const oldest of kept.keys()) {
      if (keptBytes <= maxBytes) break;
      forget(oldest);
    }
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET") return next();
    const nonce = String(res.locals.cspNonce ?? "");
    if (!offering.has(req.path)) {
      // A first answer of this path: seen through, to learn whether it offers; not kept, as no
      // data version was read before it.
      watchAnswer(res, 0, (seconds) => {
        if (seconds >= 1 && offering.size < 10_000) offering.add(req.path);
      });
      return next();
    }
    let hooks: PageCacheHooks | undefined;
    let version: string;
    try {
      hooks = await options.hooks();
      if (!hooks) return next();
      version = await hooks.dataVersion();
    } catch {
      // no version, nothing kept or served: the page is rendered as if there were no cache
      return next();
    }
    const at = hooks.now();
    const key = `${req.originalUrl}\n${req.get("accept-language") ?? ""}\n${req.get("cookie") ?? ""}`;

    const holds = (page: Kept | undefined): page is Kept =>
      page !== undefined && page.version === version && at >= page.storedAt && at < page.expiresAt;
    const serve = (page: Kept) => {
      res.status(200);
      for (const [name, value] of page.headers) res.setHeader(name, value);
      // as a shared cache says its answer was kept: seconds since it was rendered
      res.setHeader("Age", String(Math.max(0, Math.floor((at - page.storedAt) / 1000))));
      res.end(page.parts.join(nonce));
    };

    const page = kept.get(key);
    if (holds(page)) {
      kept.delete(key);
      kept.set(key, page);
      return serve(page);
    }
    if (page) forget(key);
    // The same page already being rendered on the same data: wait for it rather than render it
    // again (a burst of visitors right after a write costs one render, not one each).
    const coming = rendering.get(key);
    if (coming && coming.version === version) {
      const rendered = await coming.page;
      if (rendered && holds(rendered)) return serve(rendered);
    }
    let settle: (page: Kept | undefined) => void = () => undefined;
    const mine = { version, page: new Promise<Kept | undefined>((resolve) => (settle = resolve)) };
    rendering.set(key, mine);
    res.once("close", () => {
      if (rendering.get(key) === mine) rendering.delete(key);
      settle(undefined);
    });
    watchAnswer(res, maxPageBytes, (seconds, headers, body) => {
      if (!(seconds >= 1) || body === undefined) return;
      const text = body.toString("utf8");
      const rendered: Kept = {
        version,
        storedAt: at,
        expiresAt: at + seconds * 1000,
        headers,
        parts: nonce ? text.split(nonce) : [text],
        bytes: body.length,
      };
      keep(key, rendered);
      settle(rendered);
    });
    next();
  };
}

/**
 * Watches what the rest of the chain sends on `res`. The offer header is taken off before the
 * headers leave. Once an answer that offered has ended, `done` gets the seconds offered, the
 * headers the chain set after this point, and the body as sent (before compression); no body
 * when the answer cannot be kept (not a 200, a cookie set, over `maxPageBytes`, cut short).
 */
function watchAnswer(
  res: Response,
  maxPageBytes: number,
  done: (seconds: number, headers: [string, string | number | string[]][], body: Buffer | undefined) => void,
) {
  const setBefore = new Set(res.getHeaderNames());
  const headers: [string, string | number | string[]][] = [];
  let seconds = 0;
  let keepable = true;
  const chunks: Buffer[] = [];
  let size = 0;

  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    // A page's first write can come before its headers are written: until then, all is kept.
    if (!res.hasHeader(KEEP_PAGE_HEADER)) {
      keepable = false;
      chunks.length = 0;
    } else {
      seconds = Number(res.getHeader(KEEP_PAGE_HEADER)) || 0;
      res.removeHeader(KEEP_PAGE_HEADER);
      // Headers passed to writeHead itself, or a cookie, make it not worth keeping.
      if (args.some((arg) => typeof arg === "object" && arg !== null) || res.hasHeader("set-cookie")) keepable = false;
      for (const name of res.getHeaderNames())
        if (!setBefore.has(name) && !NOT_KEPT.has(name)) headers.push([name, res.getHeader(name)!]);
    }
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;

  const collect = (chunk: unknown, encoding?: unknown) => {
    if (!keepable || chunk == null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxPageBytes) {
      keepable = false;
      chunks.length = 0;
    } else chunks.push(buffer);
  };

  const write = res.write;
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;

  const end = res.end;
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    const result = (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
    if (seconds) done(seconds, headers, keepable && res.statusCode === 200 ? Buffer.concat(chunks) : undefined);
    return result;
  } as typeof res.end;

  // A reader that went away leaves the page incomplete: nothing is kept.
  res.once("close", () => {
    if (!res.writableFinished) keepable = false;
  });
}
