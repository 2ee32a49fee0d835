import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { countryOptions, isCountryCode } from "~/models/countries";
import { listEntrants } from "~/models/entrant-list.server";
import { ENTRANT_FILTERS } from "~/models/people";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entrantList.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const url = new URL(request.url);
  const country = url.searchParams.get("country") ?? "";
  const filter = url.searchParams.get("filter") ?? "";
  const query = {
    q: (url.searchParams.get("q") ?? "").slice(0, 100),
    country: isCountryCode(country) ? country : "",
    filter: (ENTRANT_FILTERS as readonly string[]).includes(filter) ? filter : "",
    page: Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1)),
  };
  const list = await listEntrants(contest, query);
  // Country names come from the server's ICU, so that the page hydrates with the same words.
  const countries = countryOptions(await resolveLocale(request, user.locale));
  const names = new Map(countries.map((c) => [c.code, c.name]));
  return {
    slug: contest.slug,
    query,
    countries,
    ...list,
    rows: list.rows.map((r) => ({ ...r, countryName: r.country ? (names.get(r.country) ?? r.country) : null })),
  };
}

/** The people who entered this contest, one row each, searchable and filtered, a page at a time. */
export default function EntrantList() {
  const { slug, query, countries, total, pages, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const link = pageLink(`/organize/${slug}/entrants`, { q: query.q, country: query.country, filter: query.filter });
  return (
    <section aria-labelledby="entrant-list-title">
      <h1 id="entrant-list-title">{t("entrantList.title")}</h1>
      <ListFilters label={t("entrantList.search")}>
        <SearchFilter id="q" label={t("entrantList.search")} value={query.q} />
        <SelectFilter
          id="country"
          name="country"
          label={t("entrantList.country")}
          value={query.country}
          options={countries.map(({ code, name }) => ({ value: code, label: name }))}
        />
        <SelectFilter
          id="filter"
          name="filter"
          label={t("entrantList.filter")}
          value={query.filter}
          options={ENTRANT_FILTERS.map((f) => ({ value: f, label: t(`entrantList.filters.${f}`) }))}
        />
      </ListFilters>
      <p role="status">{t("entrantList.found", { count: total })}</p>
      <div className="table-scroll">
        <table aria-labelledby="entrant-list-title">
          <thead>
            <tr>
              <th scope="col">{t("entrantList.person")}</th>
              <th scope="col">{t("entrantList.country")}</th>
              <th scope="col">{t("entrantList.age")}</th>
              <th scope="col">{t("entrantList.entries")}</th>
              <th scope="col">{t("entrantList.drafts")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="entrant-row">
                <th scope="row">
                  <Link to={`/organize/${slug}/entries?${new URLSearchParams({ q: r.email })}`}>
                    {r.fullName ? `${r.fullName} · ` : ""}
                    {r.email}
                  </Link>
                  {r.deactivated ? <span className="muted"> ({t("people.deactivated")})</span> : null}
                </th>
                <td>{r.countryName ?? "—"}</td>
                <td>{r.age ?? "—"}</td>
                <td>{r.entries}</td>
                <td>{r.drafts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={query.page} pages={pages} link={link} />
    </section>
  );
}
