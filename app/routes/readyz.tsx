import { db } from "~/services/db.server";
import { log } from "~/services/log.server";
import { storage } from "~/services/storage.server";

async function check(name: string, probe: () => Promise<unknown>) {
  try {
    await probe();
    return [name, "ok"] as const;
  } catch (error) {
    log.warn({ err: error, check: name }, "readiness check failed");
    return [name, "failing"] as const;
  }
}

/** Ready to serve: the database and the storage service both answer. */
export async function loader() {
  const checks = Object.fromEntries(
    await Promise.all([check("database", () => db.$queryRaw`SELECT 1`), check("storage", () => storage().ping())]),
  );
  const ready = Object.values(checks).every((state) => state === "ok");
  return new Response(JSON.stringify({ ready, checks }), {
    status: ready ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
