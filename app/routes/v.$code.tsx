import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { checkCertificate } from "~/models/certificate.server";
import { formatDay } from "~/models/time";
import { readerLocale } from "~/services/auth.server";
import { consume, networkOf } from "~/services/rate-limit.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "certificate.checkTitle"),
  // a check page is for the person holding the paper, not for search engines
  { name: "robots", content: "noindex" },
];

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

/**
 * Checks a network may make in an hour. A school or a family behind one address checks a few;
 * someone trying codes one after another to find the names of young people who took part is
 * held to 60 guesses an hour, against 31⁸ possible codes.
 */
const CHECKS_PER_NETWORK_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;

/**
 * The short address printed on every certificate: anyone can check that a certificate is
 * genuine. It states what the certificate states and nothing more (no email, no country, no
 * age), and answers "not on record" for a code Mosaic never issued or whose entrant was erased.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const budget = await consume(`certificate-check:${networkOf(context.ip)}`, CHECKS_PER_NETWORK_HOUR, HOUR_MS);
  if (!budget.ok) {
    return data(
      { certificate: null, tooMany: true },
      { status: 429, headers: { "Retry-After": String(Math.ceil(budget.retryAfterMs / 1000)) } },
    );
  }
  return { certificate: await checkCertificate(params.code ?? "", await readerLocale(request)), tooMany: false };
}

export default function CheckCertificate() {
  const { certificate, tooMany } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  if (!certificate) {
    return (
      <section aria-labelledby="check-title">
        <h1 id="check-title">{t("certificate.checkTitle")}</h1>
        <p className="alert" role="status">
          {t(tooMany ? "certificate.tooManyChecks" : "certificate.notOnRecord")}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="check-title">
      <p className="eyebrow">{certificate.contest}</p>
      <h1 id="check-title">{t("certificate.checkTitle")}</h1>
      <p className="notice" role="status" data-testid="certificate-genuine">
        {t("certificate.genuine", { code: certificate.code })}
      </p>
      <dl className="answers">
        <dt>{t("certificate.kind")}</dt>
        <dd>
          {certificate.place
            ? t("certificate.awardIn", {
                place: t(`results.place.${certificate.place}`),
                category: certificate.category,
              })
            : t("certificate.participationIn", { category: certificate.category })}
        </dd>
        <dt>{t("certificate.presentedToLabel")}</dt>
        <dd>{certificate.name}</dd>
        <dt>{t("certificate.work")}</dt>
        <dd>{certificate.title}</dd>
        <dt>{t("certificate.contest")}</dt>
        <dd>
          {certificate.contest} · {certificate.organizer}
        </dd>
        <dt>{t("certificate.issued")}</dt>
        <dd>{formatDay(certificate.issuedAt, i18n.language, certificate.timezone)}</dd>
      </dl>
    </section>
  );
}
