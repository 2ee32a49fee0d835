import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { useLoaderData } from "@remix-run/react";
import { Markdown } from "~/components/markdown";
import { pageTitle } from "~/i18n/meta";
import { TERMS_VERSION } from "~/models/profile.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "terms.title");

export function loader() {
  return { version: TERMS_VERSION };
}

export default function Terms() {
  const { t } = useTranslation();
  const { version } = useLoaderData<typeof loader>();
  return (
    <article className="panel prose" aria-labelledby="terms-title">
      <h1 id="terms-title">{t("terms.title")}</h1>
      <p className="muted">{t("terms.version", { version })}</p>
      <Markdown source={t("terms.body")} headingOffset={1} />
    </article>
  );
}
