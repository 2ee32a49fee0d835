import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { pageTitle } from "~/i18n/meta";
import { listCategories } from "~/models/contest.server";
import { listEntries } from "~/models/entry-list.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entryList.title");

const STATUSES = ["draft", "submitted", "returned", "eligible", "ineligible", "withdrawn"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const url = new URL(request.url);
  const query = {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    status: STATUSES.includes(url.searchParams.get("status") ?? "") ? url.searchParams.get("status")! : "",
    categoryId: (url.searchParams.get("category") ?? "").slice(0, 40),
    page: Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1)),
  };
  const [list, categories] = await Promise.all([listEntries(contest.id, query), listCategories(contest.id)]);
  return {
    slug: contest.slug,
    query,
    categories,
    total: list.total,
    pages: list.pages,
    rows: list.rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null })),
  };
}

/** Every entry of the contest, searchable and filtered, a page at a time. */
export default function EntryList() {
  const { slug, query, categories, total, pages, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const link = pageLink(`/organize/${slug}/entries`, {
    q: query.q,
    status: query.status,
    category: query.categoryId,
  });
  return (
    <section aria-labelledby="entry-list-title">
      <h1 id="entry-list-title">{t("entryList.title")}</h1>
      <ListFilters label={t("entryList.search")}>
        <SearchFilter id="q" label={t("entryList.search")} value={query.q} />
        <SelectFilter
          id="status"
          name="status"
          label={t("entryList.status")}
          value={query.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`entries.status.${s}`) }))}
        />
        <SelectFilter
          id="category"
          name="category"
          label={t("final.category")}
          value={query.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
      </ListFilters>
      <p role="status">{t("entryList.found", { count: total })}</p>
      <div className="table-scroll">
        <table aria-labelledby="entry-list-title">
          <thead>
            <tr>
              <th scope="col">{t("judges.entry")}</th>
              <th scope="col">{t("final.category")}</th>
              <th scope="col">{t("entryList.entrant")}</th>
              <th scope="col">{t("entryList.status")}</th>
              <th scope="col">{t("entryList.submitted")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="entry-row">
                <th scope="row">
                  <Link to={`/organize/${slug}/entries/${r.id}`}>
                    {r.referenceCode ?? "—"} · {r.title || t("entries.untitled")}
                  </Link>
                </th>
                <td>{r.category.name}</td>
                <td>
                  {r.entrant.fullName} · {r.entrant.email} ({r.entrant.country})
                </td>
                <td>{t(`entries.status.${r.status}`, { defaultValue: r.status })}</td>
                <td>{r.submittedAt ? `${r.submittedAt.slice(0, 16).replace("T", " ")} UTC` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={query.page} pages={pages} link={link} />
    </section>
  );
}
