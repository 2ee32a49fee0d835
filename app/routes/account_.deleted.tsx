import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.deletedTitle");

/** Where a deleted account lands, signed out; it shows nothing about anyone. */
export default function AccountDeleted() {
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="deleted-title">
      <h1 id="deleted-title">{t("account.deletedTitle")}</h1>
      <p role="status">{t("account.deletedText")}</p>
      <p>
        <Link to="/">{t("account.home")}</Link>
      </p>
    </section>
  );
}
