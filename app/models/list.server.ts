/** The organizers' long lists (people, entrants, entries) show this many rows a page. */
export const LIST_PAGE = 50;

/**
 * One page of a long list, with how many rows match in all and how many pages that makes (at
 * least one, so that "page 1 of 1" holds for an empty list). `count` counts the matching rows;
 * `rows` reads the page's window, as Prisma's skip/take or SQL's OFFSET/LIMIT.
 */
export async function countAndPage<Row>(
  page: number,
  query: { count: () => Promise<number>; rows: (window: { skip: number; take: number }) => Promise<Row[]> },
) {
  const [total, rows] = await Promise.all([
    query.count(),
    query.rows({ skip: (page - 1) * LIST_PAGE, take: LIST_PAGE }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / LIST_PAGE)), rows };
}
