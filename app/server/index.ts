import "./v8-settings";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { env, EnvError, reloadEnv } from "../services/env.server";
import { log } from "../services/log.server";
import { storageConfigFromEnv, storageOrigin as storageOriginOf } from "../services/storage.server";
import { createApp } from "./app";

/**
 * Starts Mosaic: `npm run dev` (under remix dev) and `npm start` both run this file.
 * The configuration is checked first; outside production, services that are not configured
 * then start inside this process and announce themselves through the same variables.
 */
const mode = process.env.NODE_ENV ?? "development";
process.env.NODE_ENV = mode;

// A promise nobody awaited (a database call that failed, say) is logged; it does not end the
// process, which keeps serving and whose job worker tries again.
process.on("unhandledRejection", (reason) => {
  log.error({ err: reason }, "unhandled rejection");
});

function checkedEnv(read: () => ReturnType<typeof env>) {
  try {
    return read();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const initial = checkedEnv(env);
// Imported only outside production: the embedded storage server is a development dependency.
const embedded =
  mode === "production"
    ? undefined
    : await (
        await import("./embedded")
      ).startEmbeddedServices({
        appOrigin: new URL(initial.APP_URL).origin,
        dataDir: path.resolve(initial.DATA_DIR),
        bucket: initial.S3_BUCKET,
        storagePort: initial.EMBEDDED_S3_PORT,
        mailboxPort: initial.EMBEDDED_MAIL_PORT,
      });
const settings = checkedEnv(reloadEnv);
// Browsers talk to storage directly; the Content-Security-Policy must allow exactly the origin
// that presigned URLs point at (path-style or virtual-hosted alike).
const storageOrigin = storageOriginOf(storageConfigFromEnv());

/**
 * To list the exports of a CommonJS package that an ES module imports, Node reads its source, and
 * follows `module.exports = require(…)` into both branches of a package that picks its build by
 * NODE_ENV: React's development builds (react-dom's is 2 MiB once in memory) are read, never run,
 * and kept with their source in require's cache for the life of the process. Once the build has
 * loaded, the entries of modules that never ran are let go; a later require() would read its
 * file again, as for any module not yet loaded.
 */
function forgetModulesNeverRun() {
  const cache = createRequire(import.meta.url).cache;
  for (const [file, module] of Object.entries(cache)) if (module && !module.loaded) delete cache[file];
}

const BUILD_PATH = path.resolve("build/index.js");
const importBuild = async (): Promise<ServerBuild> => {
  const loaded = (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
  forgetModulesNeverRun();
  return loaded;
};

let build = await importBuild();
const startWorker = (b: ServerBuild) =>
  (b.entry.module as { startBackgroundWork?: () => void }).startBackgroundWork?.();
startWorker(build);

const app = createApp({
  build: mode === "development" ? async () => build : build,
  mode,
  appOrigin: settings.APP_URL,
  storageOrigin,
  trustProxy: settings.TRUST_PROXY,
});

const server = app.listen(settings.PORT, () => {
  log.info({ url: settings.APP_URL, mode, embedded: embedded?.started ?? [] }, "Mosaic is listening");
  if (embedded?.started.length) {
    console.log(
      `\nMosaic is running at ${settings.APP_URL}\n${embedded.started.map((s) => `  embedded ${s}`).join("\n")}\n`,
    );
  }
  if (mode === "development") void broadcastDevReady(build);
});
// An idle connection stays open longer than a load balancer's (60 s on the common ones) or a
// client's keeps it, so the client or balancer always closes it first: were this server to close
// first, a request sent at that moment on the closing connection would fail.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

if (mode === "development") {
  const chokidar = await import("chokidar");
  chokidar.watch(path.resolve("build/version.txt"), { ignoreInitial: true }).on("all", async () => {
    build = await importBuild();
    startWorker(build);
    await broadcastDevReady(build);
  });
}

const shutdown = () => {
  server.close();
  void embedded?.close();
  setTimeout(() => process.exit(0), 500).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
