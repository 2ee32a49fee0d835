import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/sqlite/client";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFailed, onTestFinished } from "vitest";
import { TMP } from "../support/databases";
import { freePort, until } from "../support/processes";

// Mosaic's real server process (app/server/index.ts, as `npm start` runs it), with its job
// worker on, over a database that fails and comes back. SQLite on either test run: a missing
// folder and a lock held by another process are how it fails here.
type Line = { level?: number; msg?: string; err?: { message?: string } };

describe("the server process", () => {
  it("keeps running when the database fails at start-up and during a tick, and carries on once it is back", async () => {
    // a migrated SQLite database made aside, to be put in place once the server is running
    const migrated = path.join(TMP, `worker-${randomUUID()}.db`);
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${migrated}` },
      stdio: "pipe",
    });
    const dir = path.join(TMP, `worker-${randomUUID()}`); // does not exist yet: the database cannot open
    const file = path.join(dir, "mosaic.db");
    const port = await freePort();
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["app/server/index.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "test",
        PORT: String(port),
        APP_URL: `http://localhost:${port}`,
        DATABASE_URL: `file:${file}`,
        JOBS_ENABLED: "true",
        JOBS_POLL_MS: "50",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: Line[] = [];
    createInterface({ input: child.stdout }).on("line", (text) => {
      try {
        lines.push(JSON.parse(text) as Line);
      } catch {
        // plain text from start-up
      }
    });
    let exited = false;
    child.on("exit", () => (exited = true));
    // Which step a failed (or timed-out) run stopped at, with the server's last words; and the
    // server stopped even then, since a timed-out test never reaches its finally block.
    let step = "1. start-up without a database";
    onTestFailed(() => console.error(`stopped at step ${step}; the server's last lines:`, lines.slice(-15)));
    onTestFinished(() => {
      if (!exited) child.kill("SIGTERM");
    });
    const failures = () => lines.filter((l) => l.msg === "job worker pass failed");
    const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });

    try {
      // 1. No database at start-up: the failure is logged, the server answers, and it tries again.
      await until(() => failures().length >= 2 || exited);
      expect(exited).toBe(false);
      expect(failures()[0]!.err?.message).toMatch(/directory does not exist|unable to open/i);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      step = "2. the database appears";
      // 2. The database appears: the hourly jobs, which start-up could not queue, are queued.
      mkdirSync(dir, { recursive: true });
      copyFileSync(migrated, file);
      await until(async () => (await prisma.job.count({ where: { type: "contests.advance" } })) === 1);

      step = "3. the database locked during ticks";
      // 3. The database is locked during ticks (another process holds it): logged, not fatal.
      // Each lane has its own worker: a lane whose pass began before the directory appeared can
      // log its failure after another lane has queued the hourly jobs. So wait for a failure that
      // names the lock, and let only those late ones come with it.
      const before = failures().length;
      const locked = /locked|busy|timed out/i;
      const lock = new Database(file);
      lock.exec("BEGIN EXCLUSIVE");
      await until(
        () =>
          failures()
            .slice(before)
            .some((l) => locked.test(l.err?.message ?? "")) || exited,
      );
      lock.exec("COMMIT");
      lock.close();
      expect(exited).toBe(false);
      for (const failure of failures().slice(before)) {
        expect(failure.err?.message).toMatch(/locked|busy|timed out|directory does not exist|unable to open/i);
      }

      step = "4. a job queued now is run";
      // 4. Back to normal: a job queued now is run.
      const probe = await prisma.job.create({ data: { type: "media.sweep", payload: "{}" } });
      await until(
        async () => (await prisma.job.findUniqueOrThrow({ where: { id: probe.id } })).status === "done" || exited,
      );
      expect(exited).toBe(false);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(lines.filter((l) => l.msg === "unhandled rejection")).toEqual([]);
    } finally {
      await prisma.$disconnect();
      child.kill("SIGTERM");
      await until(() => exited);
    }
  }, 240_000);
});
