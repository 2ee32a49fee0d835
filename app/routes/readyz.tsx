import { readiness } from "~/services/readiness.server";

/** Ready to serve: the database and the storage service both answer. */
export async function loader() {
  const { ready, checks } = await readiness();
  return new Response(JSON.stringify({ ready, checks }), {
    status: ready ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
