import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startEmbeddedServices } from "./embedded";

/**
 * Starts Mosaic: `npm run dev` (under remix dev) and `npm start` both run this file.
 * Order matters: embedded services first, because they fill in the variables that the
 * configuration check below, and the app build, read.
 */
const mode = process.env.NODE_ENV ?? "development";
process.env.NODE_ENV = mode;
const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;

const embedded =
  mode === "production"
    ? undefined
    : await startEmbeddedServices({
        appOrigin: new URL(process.env.APP_URL).origin,
        dataDir: path.resolve(process.env.DATA_DIR ?? "data"),
      });

const { env, EnvError } = await import("../services/env.server");
const { log } = await import("../services/log.server");
try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { createApp } = await import("./app");

const BUILD_PATH = path.resolve("build/index.js");
const importBuild = async (): Promise<ServerBuild> =>
  (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;

let build = await importBuild();
const startWorker = (b: ServerBuild) =>
  (b.entry.module as { startBackgroundWork?: () => void }).startBackgroundWork?.();
startWorker(build);

const app = createApp({
  build: mode === "development" ? async () => build : build,
  mode,
  appOrigin: env().APP_URL,
  storageOrigin: env().S3_ENDPOINT ? new URL(env().S3_ENDPOINT!).origin : undefined,
  trustProxy: process.env.TRUST_PROXY,
});

const server = app.listen(port, () => {
  log.info({ url: env().APP_URL, mode, embedded: embedded?.started ?? [] }, "Mosaic is listening");
  if (embedded?.started.length) {
    console.log(
      `\nMosaic is running at ${env().APP_URL}\n${embedded.started.map((s) => `  embedded ${s}`).join("\n")}\n`,
    );
  }
  if (mode === "development") void broadcastDevReady(build);
});

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
