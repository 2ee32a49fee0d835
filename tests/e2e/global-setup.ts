import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * Builds Mosaic and starts it as `npm start` would, on a free port, with a fresh database of
 * its own (migrated and seeded) and its embedded storage and mailbox on free ports. The tests
 * read E2E_BASE_URL, and E2E_DATABASE_URL to seed the app's database (database.ts).
 */
const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForReady(url: string, child: { exitCode: number | null }, output: () => string) {
  const until = Date.now() + 180_000; // a bound for a busy machine, not a wait
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Mosaic exited during start-up:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Mosaic did not become ready at ${url}:\n${output()}`);
}

export default async function globalSetup() {
  const dataDir = path.join(root, "tests/.tmp/e2e");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(port),
    APP_URL: baseUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
    EMBEDDED_S3_PORT: "0",
    EMBEDDED_MAIL_PORT: "0",
    JOBS_POLL_MS: "200",
    // every browser test signs in from 127.0.0.1, like a classroom behind one address
    SIGN_IN_LIMIT_PER_IP: "1000",
    // the console test watches an entry arrive on an open dashboard
    DASHBOARD_REFRESH_SECONDS: "1",
    LOG_LEVEL: "warn",
  };
  for (const name of [
    "S3_ENDPOINT",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "RESEND_API_KEY",
    "RESEND_BASE_URL",
    "DEV_MAILBOX_URL",
  ]) {
    delete (env as Record<string, string | undefined>)[name];
  }

  // a production build, as `npm run build` makes it (this process's NODE_ENV is "test")
  execFileSync("npm", ["run", "build", "--silent"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "pipe" });
  execFileSync(bin("tsx"), ["prisma/seed.ts"], { cwd: root, env, stdio: "pipe" });

  let output = "";
  // the compiled server, as `npm start` runs it
  const child = spawn(process.execPath, ["build/server/index.js"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitForReady(baseUrl, child, () => output);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATABASE_URL = env.DATABASE_URL;

  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once("exit", resolve);
      setTimeout(() => {
        child.kill("SIGKILL");
        resolve(undefined);
      }, 5_000).unref();
    });
  };
}
