import type { ReactNode } from "react";
import { ListFilters, pageLink, SearchFilter, SelectFilter } from "~/components/list-filters";
import { Pager } from "~/components/pager";
import { TableScroll } from "~/components/table-scroll";

/** A filter of a long list: a select named as its query-string field, whose first choice is "any". */
export type ListSelect = { name: string; label: string; options: { value: string; label: string }[] };

/**
 * How a long list is filtered and paged, as its loader read the address with `parseQuery` and
 * the list's schema (schemas/list-query.ts): the search box `q`, a select for each other filter,
 * and the page. The page links keep the filters.
 */
export type ListPaging = {
  /** the list's address */
  path: string;
  query: { q: string; page: number } & Record<string, string | number>;
  pages: number;
  /** the search box's label, which also names the filters form */
  search: string;
  selects: ListSelect[];
  /** how many rows the filters found: "12 entries" */
  found: string;
};

/**
 * One of the organizers' lists: its filters and how many rows they found (when it has them),
 * the table, and the pages. The rows are the caller's `<tr>`s, in the order of `columns`.
 */
export function List({
  labelledBy,
  columns,
  paging,
  children,
}: {
  /** the id of the heading that names the list */
  labelledBy: string;
  columns: string[];
  paging?: ListPaging;
  children: ReactNode;
}) {
  return (
    <>
      {paging ? (
        <>
          <ListFilters label={paging.search}>
            <SearchFilter id="q" label={paging.search} value={paging.query.q} />
            {paging.selects.map((select) => (
              <SelectFilter
                key={select.name}
                id={select.name}
                name={select.name}
                label={select.label}
                value={String(paging.query[select.name] ?? "")}
                options={select.options}
              />
            ))}
          </ListFilters>
          <p role="status">{paging.found}</p>
        </>
      ) : null}
      <TableScroll labelledBy={labelledBy}>
        <table aria-labelledby={labelledBy}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </TableScroll>
      {paging ? <Pager page={paging.query.page} pages={paging.pages} link={samePage(paging)} /> : null}
    </>
  );
}

/** A link to another page of the list with the same filters. */
function samePage({ path, query }: ListPaging) {
  const filters = Object.entries(query).filter(([name]) => name !== "page");
  return pageLink(path, Object.fromEntries(filters) as Record<string, string>);
}
