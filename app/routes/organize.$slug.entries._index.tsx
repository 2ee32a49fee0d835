import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { List } from "~/components/list";
import { parseQuery } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { listCategories } from "~/models/contest.server";
import { listEntries } from "~/models/entry-list.server";
import { choiceQuery, pageQuery, searchQuery } from "~/schemas/list-query";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entryList.title");

const STATUSES = ["draft", "submitted", "returned", "eligible", "ineligible", "withdrawn"] as const;

const querySchema = z.object({
  q: searchQuery,
  status: choiceQuery(STATUSES),
  category: z
    .string()
    .catch("")
    .transform((id) => id.slice(0, 40)),
  page: pageQuery,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const query = parseQuery(request, querySchema);
  const [list, categories] = await Promise.all([
    listEntries(contest.id, { ...query, categoryId: query.category }),
    listCategories(contest.id),
  ]);
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
  return (
    <section aria-labelledby="entry-list-title">
      <h1 id="entry-list-title">{t("entryList.title")}</h1>
      <List
        labelledBy="entry-list-title"
        columns={[
          t("judges.entry"),
          t("final.category"),
          t("entryList.entrant"),
          t("entryList.status"),
          t("entryList.submitted"),
        ]}
        paging={{
          path: `/organize/${slug}/entries`,
          query,
          pages,
          search: t("entryList.search"),
          selects: [
            {
              name: "status",
              label: t("entryList.status"),
              options: STATUSES.map((s) => ({ value: s, label: t(`entries.status.${s}`) })),
            },
            {
              name: "category",
              label: t("final.category"),
              options: categories.map((c) => ({ value: c.id, label: c.name })),
            },
          ],
          found: t("entryList.found", { count: total }),
        }}
      >
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
      </List>
    </section>
  );
}
