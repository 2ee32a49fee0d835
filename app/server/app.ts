import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { log } from "../services/log.server";
import { pageCache, type PageCacheHooks } from "./page-cache";
import { sameOriginWrites, securityHeaders } from "./security";

/** Mosaic's HTTP server: static files, security headers, request logs, then Remix. */
export function createApp(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  appOrigin: string;
  storageOrigin?: string;
  trustProxy?: string | number | boolean;
}) {
  const production = options.mode === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? "loopback");
  app.use(compression());

  // One structured line per request, with its timing. Query strings are left out: sign-in
  // links carry tokens there.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  });

  app.use(securityHeaders({ production, storageOrigin: options.storageOrigin }));
  app.use(sameOriginWrites([options.appOrigin]));

  // Remix fingerprints everything under /build, so it may be cached for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only a path that names a file (favicon.svg) can be one of public/'s: pages skip the disk.
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));

  // Pages rendered once and served again while they hold (page-cache.ts); not in development,
  // where the pages' own code changes under them.
  if (options.mode !== "development") {
    const build = options.build;
    app.use(
      pageCache({
        hooks: async () =>
          ((typeof build === "function" ? await build() : build).entry.module as { pageCacheHooks?: PageCacheHooks })
            .pageCacheHooks,
      }),
    );
  }

  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: options.mode,
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce ?? ""), ip: req.ip ?? "unknown" }),
    }),
  );
  return app;
}
