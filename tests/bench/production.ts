/**
 * What the page benchmarks share: the environment of a production server with nothing but its
 * database, migrated, and the production build served by Mosaic's own HTTP server.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * The settings of a production server whose services are all elsewhere (storage and email at
 * addresses nothing answers, no job worker), on `databaseUrl`, put in this process's environment
 * before Mosaic's modules read it.
 */
export function productionSettings(databaseUrl: string) {
  Object.assign(process.env, {
    NODE_ENV: "production",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    DATABASE_URL: databaseUrl,
    APP_URL: "http://localhost:3000",
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
    S3_ENDPOINT: "http://127.0.0.1:9",
    S3_BUCKET: "bench",
    S3_ACCESS_KEY_ID: "bench",
    S3_SECRET_ACCESS_KEY: "bench",
    RESEND_API_KEY: "re_bench",
    JOBS_ENABLED: "false",
  });
}

/** Applies the migrations to the database DATABASE_URL names in this process's environment. */
export function migrate() {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, stdio: "pipe" });
}

/**
 * Sets this process up as a production server whose only service is the database: `databaseUrl`,
 * or a fresh SQLite file in tests/.tmp/NAME. Applies the migrations and makes the production build.
 */
export function productionEnvironment(name: string, databaseUrl?: string, options: { server?: boolean } = {}) {
  const dir = path.join(root, "tests/.tmp", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  productionSettings(databaseUrl || `file:${path.join(dir, "bench.db")}`);
  migrate();
  // A production build, as `npm start` serves it; with `server`, Mosaic's HTTP server too
  // (build/server/index.js), for benchmarks that run it as its own process.
  if (options.server) execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "pipe" });
  else execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: "pipe" });
}

/** The production build behind Mosaic's HTTP server on a free port: its base URL and a way to stop it. */
export async function startProductionServer() {
  const { createApp } = await import("../../app/server/app");
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const server = createApp({ build, mode: "production", appOrigin: "http://localhost:3000" }).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}
