import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { jobHandlers, jobLanes } from "./jobs.server";
import { now } from "./services/clock.server";
import { dataVersion } from "./services/db.server";
import { log } from "./services/log.server";
import { startBackgroundWorkers } from "./services/worker.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/** Called once by app/server/index.ts after it loads this build. */
export function startBackgroundWork() {
  startBackgroundWorkers(jobHandlers, jobLanes());
}

/** What the HTTP server's page cache (app/server/page-cache.ts) asks of Mosaic. */
export const pageCacheHooks = {
  dataVersion,
  now: () => now().getTime(),
};

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  log.error({ err: error, path: new URL(request.url).pathname }, "unhandled error");
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // Crawlers get the whole page at once; people get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          // "close" follows the end of the page, and a reader that went away, alike
          body.once("close", () => clearTimeout(timer));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error({ err: error }, "render error");
        },
      },
    );
    // A page still streaming after ABORT_DELAY is cut short; one that has finished clears its
    // timer (React calls back only after this line), which would otherwise keep the whole
    // rendered page in memory for ABORT_DELAY.
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
