import { data, type ActionFunctionArgs } from "@remix-run/node";
import { renderMarkdown } from "~/components/markdown.server";
import { longText } from "~/schemas/contest";
import { requireOrganizerOf } from "~/services/auth.server";

/**
 * The settings page's preview of the rules and FAQ as they are being typed: Markdown is rendered
 * on the server only, so the page posts the text here. Headings sit as they will on the contest
 * page's FAQ, under its h2.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireOrganizerOf(request, params.slug ?? "");
  const source = longText.safeParse((await request.formData()).get("source") ?? "");
  if (!source.success) return data({ html: null }, { status: 400 });
  return { html: renderMarkdown(source.data, { headingOffset: 3 }) };
}
