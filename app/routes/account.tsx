import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { requireUser } from "~/services/auth.server";
import { pageMessagesLoader } from "~/i18n/page-messages";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

/** In the browser, with the messages this page needs (i18n/page-messages.ts). */
export const clientLoader = pageMessagesLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email };
}

/** The person's data: download all of it, or delete the account. */
export default function Account() {
  const { email } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p>{t("me.signedInAs", { email })}</p>
      <h2>{t("account.downloadTitle")}</h2>
      <p>{t("account.downloadIntro")}</p>
      <p>
        <a className="button" href="/account/data" download>
          {t("account.download")}
        </a>
      </p>
      <h2>{t("account.deleteTitle")}</h2>
      <p>{t("account.deleteIntro")}</p>
      <p>
        <Link className="button button-secondary" to="/account/delete">
          {t("account.deleteStart")}
        </Link>
      </p>
      <p>
        <Link to="/terms">{t("profile.termsLink")}</Link>
      </p>
    </section>
  );
}
