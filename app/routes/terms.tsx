import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/react";
import { useLoaderData } from "@remix-run/react";
import { Markdown } from "~/components/markdown";
import { renderMarkdown } from "~/components/markdown.server";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { TERMS_VERSION } from "~/models/profile.server";
import { getUser } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "terms.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const t = serverT(await resolveLocale(request, user?.locale));
  return { version: TERMS_VERSION, body: renderMarkdown(t("terms.body"), { headingOffset: 1 }) };
}

export default function Terms() {
  const { t } = useTranslation();
  const { version, body } = useLoaderData<typeof loader>();
  return (
    <article className="panel prose" aria-labelledby="terms-title">
      <h1 id="terms-title">{t("terms.title")}</h1>
      <p className="muted">{t("terms.version", { version })}</p>
      <Markdown html={body} />
    </article>
  );
}
