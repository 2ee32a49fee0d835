import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditTable } from "~/components/audit-table";
import { pageTitle } from "~/i18n/meta";
import { listAudit } from "~/models/audit.server";
import { requireOrganizerOf } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireOrganizerOf(request, params.slug ?? "");
  const url = new URL(request.url);
  const at = url.searchParams.get("before");
  const id = url.searchParams.get("id");
  const before = at && id && !Number.isNaN(Date.parse(at)) ? { at: new Date(at), id } : undefined;
  return { slug: contest.slug, ...(await listAudit(contest.id, before)) };
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
