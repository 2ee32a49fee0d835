import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** "Previous · page 2 of 9 · Next" under a long list; nothing when it fits on one page. */
export function Pager({ page, pages, link }: { page: number; pages: number; link: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("results.pages")} className="pager">
      {page > 1 ? <Link to={link(page - 1)}>{t("results.previousPage")}</Link> : null}
      <span>{t("results.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={link(page + 1)}>{t("results.nextPage")}</Link> : null}
    </nav>
  );
}
