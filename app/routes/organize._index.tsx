import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { listContests } from "~/models/contest.server";
import { requireRole } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organize.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  return { contests: await listContests() };
}

export default function OrganizeIndex() {
  const { contests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="organize-title">
      <h1 id="organize-title">{t("organize.title")}</h1>
      <p className="actions">
        <Link className="button" to="/organize/new">
          {t("edition.title")}
        </Link>
        <Link className="button button-secondary" to="/organize/people">
          {t("people.title")}
        </Link>
      </p>
      <ul className="card-list">
        {contests.map((contest) => (
          <li key={contest.slug} className="card">
            <h2>
              <Link to={`/organize/${contest.slug}`}>{contest.title}</Link>
            </h2>
            <p>
              {t(`contest.status.${contest.status}`)} ·{" "}
              <Link to={`/organize/${contest.slug}/settings`}>{t("organize.settings")}</Link> ·{" "}
              <Link to={`/organize/${contest.slug}/screening`}>{t("organize.screening")}</Link> ·{" "}
              <Link to={`/organize/${contest.slug}/judges`}>{t("organize.judges")}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
