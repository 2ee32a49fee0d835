import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { AuditTable } from "~/components/audit-table";
import { parseQuery } from "~/forms.server";
import { pageTitle } from "~/i18n/meta";
import { listAudit } from "~/models/audit.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

/** The page's cursor, the last event of the page before it: older events follow; none, the newest. */
const querySchema = z
  .object({ before: z.string().catch(""), id: z.string().catch("") })
  .transform(({ before, id }) =>
    before && id && !Number.isNaN(Date.parse(before)) ? { at: new Date(before), id } : undefined,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  return { slug: contest.slug, ...(await listAudit(contest.id, parseQuery(request, querySchema))) };
}

/** Every decision the results rest on, newest first: who, what, when. */
export default function Audit() {
  const { slug, events, more } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const last = events.at(-1);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <AuditTable events={events} labelledBy="audit-title" />
      {more && last ? (
        <p>
          <Link to={`/organize/${slug}/audit?${new URLSearchParams({ before: last.at, id: last.id })}`}>
            {t("audit.older")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
