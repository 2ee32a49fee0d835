import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import { resolveLocale } from "~/i18n/i18n.server";
import { myDataArchive } from "~/models/my-data.server";
import { requireUser } from "~/services/auth.server";
import { now } from "~/services/clock.server";

/** Everything Mosaic holds about the signed-in person, as a ZIP streamed as it is written. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const archive = await myDataArchive(user.id, await resolveLocale(request, user.locale));
  const name = `mosaic-my-data-${now().toISOString().slice(0, 10)}.zip`;
  return new Response(createReadableStreamFromReadable(Readable.from(archive)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
