import { FoldingNav } from "~/components/folding-nav";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getContestBySlug } from "~/models/contest.server";
import { requireRole } from "~/services/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "organizer");
  const contest = await getContestBySlug(params.slug ?? "");
  if (!contest) throw new Response("Not found", { status: 404 });
  return { contest: { slug: contest.slug, title: contest.title } };
}

/** One contest's console: its title and the sections an organizer moves between. */
export default function ContestConsole() {
  const { contest } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="eyebrow">{contest.title}</p>
      <FoldingNav label={t("organize.sections")} toggle={t("organize.sectionsMenu")} className="tabs">
        <NavLink to={`/organize/${contest.slug}`} end>
          {t("organize.dashboard")}
        </NavLink>
        <NavLink to={`/organize/${contest.slug}/entries`}>{t("organize.entries")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/entrants`}>{t("organize.entrants")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/screening`}>{t("organize.screening")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/judges`}>{t("organize.judges")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/rubric`}>{t("organize.rubric")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/final`}>{t("organize.final")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/results`}>{t("organize.results")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/feedback`}>{t("organize.feedback")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/votes`}>{t("organize.votes")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/messages`}>{t("organize.messages")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/audit`}>{t("organize.audit")}</NavLink>
        <NavLink to={`/organize/${contest.slug}/settings`}>{t("organize.settings")}</NavLink>
      </FoldingNav>
      <Outlet />
    </>
  );
}
