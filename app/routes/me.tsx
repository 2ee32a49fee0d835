import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { listJudgedContests, listPublicContests } from "~/models/contest.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { hasRole, keptPageHeaders, requireUser } from "~/services/auth.server";
import { now } from "~/services/clock.server";
import { pageTitle } from "~/i18n/meta";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "me.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [contests, judged] = await Promise.all([
    listPublicContests(await resolveLocale(request, user.locale)),
    listJudgedContests(user.id),
  ]);
  return data(
    {
      user: { email: user.email, role: user.role },
      organizer: hasRole(user, "organizer"),
      judged,
      contests: contests.map(({ slug, title }) => ({ slug, title })),
    },
    // all of it is the database's: the page may be served again to this session for half a minute
    { headers: await keptPageHeaders(request, now(), 30) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function MyPage() {
  const { user, contests, judged, organizer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">{t("me.welcome")}</h1>
      <div className="panel">
        <p>{t("me.signedInAs", { email: user.email })}</p>
        <p>{t("me.role", { role: t(`me.roles.${user.role}`, { defaultValue: user.role }) })}</p>
        <p>{t("me.next")}</p>
        <p>
          <Link to="/entries">{t("entries.title")}</Link> · <Link to="/profile">{t("profile.title")}</Link> ·{" "}
          <Link to="/account">{t("account.title")}</Link>
        </p>
        {organizer ? (
          <p>
            <Link to="/organize">{t("organize.title")}</Link>
          </p>
        ) : null}
        {judged.map((contest) => (
          <p key={contest.slug}>
            <Link to={`/judge/${contest.slug}`}>{t("me.judge", { contest: contest.title })}</Link>
          </p>
        ))}
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
