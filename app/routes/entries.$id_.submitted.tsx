import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { getOwnEntry } from "~/models/entry.server";
import { requireUser } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "submitted.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const entry = await getOwnEntry(user.id, params.id ?? "");
  if (!entry || entry.status !== "submitted" || !entry.referenceCode) throw new Response("Not found", { status: 404 });
  return {
    referenceCode: entry.referenceCode,
    title: entry.title,
    email: user.email,
    retentionMonths: entry.contest.retentionMonths,
  };
}

export default function Submitted() {
  const { referenceCode, title, email, retentionMonths } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="submitted-title">
      <p className="eyebrow">{title}</p>
      <h1 id="submitted-title">{t("submitted.title")}</h1>
      <p className="reference" data-testid="reference">
        {t("submitted.reference", { code: referenceCode })}
      </p>
      <p>{t("submitted.receipt", { email })}</p>
      <p>{t("submitted.next")}</p>
      <p>{t("entry.retention", { count: retentionMonths })}</p>
      <Link to="/entries" className="button">
        {t("submitted.back")}
      </Link>
    </section>
  );
}
