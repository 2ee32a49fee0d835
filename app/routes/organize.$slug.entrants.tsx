import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { List } from "~/components/list";
import { parseQuery } from "~/forms.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { countryOptions, isCountryCode } from "~/models/countries";
import { listEntrants } from "~/models/entrant-list.server";
import { ENTRANT_FILTERS } from "~/models/people";
import { choiceQuery, pageQuery, searchQuery } from "~/schemas/list-query";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entrantList.title");

const querySchema = z.object({
  q: searchQuery,
  country: z
    .string()
    .catch("")
    .transform((code) => (isCountryCode(code) ? code : "")),
  filter: choiceQuery(ENTRANT_FILTERS),
  page: pageQuery,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, contest } = await requireOrganizerOf(request, params.slug ?? "");
  const query = parseQuery(request, querySchema);
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
  return (
    <section aria-labelledby="entrant-list-title">
      <h1 id="entrant-list-title">{t("entrantList.title")}</h1>
      <List
        labelledBy="entrant-list-title"
        columns={[
          t("entrantList.person"),
          t("entrantList.country"),
          t("entrantList.age"),
          t("entrantList.entries"),
          t("entrantList.drafts"),
        ]}
        paging={{
          path: `/organize/${slug}/entrants`,
          query,
          pages,
          search: t("entrantList.search"),
          selects: [
            {
              name: "country",
              label: t("entrantList.country"),
              options: countries.map(({ code, name }) => ({ value: code, label: name })),
            },
            {
              name: "filter",
              label: t("entrantList.filter"),
              options: ENTRANT_FILTERS.map((f) => ({ value: f, label: t(`entrantList.filters.${f}`) })),
            },
          ],
          found: t("entrantList.found", { count: total }),
        }}
      >
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
      </List>
    </section>
  );
}
