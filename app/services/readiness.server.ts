import { db } from "./db.server";
import { log } from "./log.server";
import { storage } from "./storage.server";

async function check(name: string, probe: () => Promise<unknown>) {
  try {
    await probe();
    return [name, "ok"] as const;
  } catch (error) {
    log.warn({ err: error, check: name }, "readiness check failed");
    return [name, "failing"] as const;
  }
}

/** Whether Mosaic can serve: the database and the storage service both answer. Each check's state by name. */
export async function readiness() {
  const checks = Object.fromEntries(
    await Promise.all([check("database", () => db.$queryRaw`SELECT 1`), check("storage", () => storage().ping())]),
  );
  return { ready: Object.values(checks).every((state) => state === "ok"), checks };
}
