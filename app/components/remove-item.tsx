import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A "Remove" button for one item of a list on the entry page (a co-creator, a release). */
export function RemoveItem({ action, itemId, name }: { action: string; itemId: string; name: string }) {
  const fetcher = useFetcher();
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" action={action}>
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="itemId" value={itemId} />
      <button
        type="submit"
        className="link-button"
        aria-label={t("upload.removeNamed", { name })}
        disabled={fetcher.state !== "idle"}
      >
        {t("upload.remove")}
      </button>
    </fetcher.Form>
  );
}
