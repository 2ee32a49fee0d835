import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { certificateDocument } from "~/models/certificate.server";
import { requireUser } from "~/services/auth.server";

/**
 * An entrant's certificate for one of their entries, as a PDF in their language: of
 * participation, or naming the award. Only the entrant downloads it; anyone can check it at the
 * short address printed on it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user.locale);
  const document = await certificateDocument(user.id, params.id ?? "", serverT(locale), locale);
  if (!document) throw new Response("Not found", { status: 404 });
  return new Response(Buffer.from(document.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="certificate-${document.referenceCode ?? document.code}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
