import { base } from "./support";

/**
 * The app under test's database, in this process: Mosaic's own Prisma client and the factories
 * the integration tests use (tests/support), so that rows a browser test needs but does not
 * watch being made are written the way the rest of the suite writes them, and a schema change
 * is made in one place. global-setup.ts passes the URL it gave the server as E2E_DATABASE_URL;
 * with SQLite both processes open the same file.
 *
 * Mosaic's modules read their configuration when first imported, so they are imported here,
 * once the URL is set, and never at the top of a spec file (Playwright also loads spec files in
 * its runner, before global-setup.ts has started the app). Loading them takes seconds the first
 * time, once per test worker: call this from a hook or early in a test.
 */
export async function appDatabase() {
  Object.assign(process.env, {
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    APP_URL: base(),
    LOG_LEVEL: "warn",
  });
  const [{ db }, judging, { demo }] = await Promise.all([
    import("~/services/db.server"),
    import("../support/judging"),
    import("../support/contest"),
  ]);
  return { db, demo, ...judging };
}
