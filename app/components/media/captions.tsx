import { getFormProps, useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/forms";
import { parseForm } from "~/forms";
import type { action } from "~/routes/entries.$id_.captions";
import { captionsSchema } from "~/schemas/entry";

/**
 * The WebVTT captions of one video or audio file: what is there, a form to add or replace them
 * (checked by the server against the file's duration), and a button to remove them.
 */
export function Captions({
  entryId,
  assetId,
  name,
  captions,
  open,
  onDone,
}: {
  entryId: string;
  assetId: string;
  name: string;
  captions: { lang: string } | null;
  open: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const id = `captions-${assetId}`;
  const [form] = useForm({
    id,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, captionsSchema),
  });
  // The server reads the file itself (its size, its cues against the film), so its problems are
  // the form's and are shown with the file.
  const problems = form.errors;
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.result.status === "success") onDone();
  }, [fetcher.state, fetcher.data, onDone]);

  return (
    <div className="captions">
      <p className="muted" data-testid="captions-state">
        {captions
          ? t("captions.present", { lang: captions.lang || t("captions.unknownLanguage") })
          : t("captions.none")}
      </p>
      {open ? (
        <fetcher.Form
          method="post"
          encType="multipart/form-data"
          action={`/entries/${entryId}/captions`}
          aria-label={t("captions.formFor", { name })}
          {...getFormProps(form)}
        >
          <input type="hidden" name="assetId" value={assetId} />
          <Field
            label={t("captions.file")}
            hint={t("captions.hint")}
            errors={problems}
            inputProps={{ id: `${id}-file`, name: "captions", type: "file", accept: ".vtt,text/vtt", required: true }}
          />
          <Field
            label={t("captions.language")}
            inputProps={{ id: `${id}-lang`, name: "language", maxLength: 60, defaultValue: captions?.lang ?? "" }}
          />
          <div className="actions">
            <button
              type="submit"
              name="intent"
              value="upload"
              className="button button-secondary button-small"
              disabled={fetcher.state !== "idle"}
            >
              {captions ? t("captions.replace") : t("captions.add")}
            </button>
            {captions ? (
              <button
                type="submit"
                name="intent"
                value="remove"
                formNoValidate
                className="link-button"
                disabled={fetcher.state !== "idle"}
              >
                {t("captions.remove")}
              </button>
            ) : null}
          </div>
        </fetcher.Form>
      ) : null}
    </div>
  );
}
