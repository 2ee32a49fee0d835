import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublicContests } from "~/models/contest.server";
import { requireUser } from "~/services/auth.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "me.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const contests = await listPublicContests();
  return {
    user: { email: user.email, role: user.role },
    contests: contests.map(({ slug, title }) => ({ slug, title })),
  };
}

export default function MyPage() {
  const { user, contests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">{t("me.welcome")}</h1>
      <div className="panel">
        <p>{t("me.signedInAs", { email: user.email })}</p>
        <p>{t("me.role", { role: t(`me.roles.${user.role}`, { defaultValue: user.role }) })}</p>
        <p>{t("me.next")}</p>
        <p>
          <Link to="/entries">{t("entries.title")}</Link> · <Link to="/profile">{t("profile.title")}</Link>
        </p>
        <ul>
          {contests.map((contest) => (
            <li key={contest.slug}>
              <Link to={`/contests/${contest.slug}`}>{contest.title}</Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
