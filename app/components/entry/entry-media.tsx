import { getFormProps, useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import { FormSection } from "~/components/form-section";
import { TextareaInputField } from "~/components/forms";
import { Captions } from "~/components/media/captions";
import { MediaView } from "~/components/media/media-view";
import { Uploader } from "~/components/media/uploader";
import { useNumbers } from "~/components/numbers";
import { fileState } from "~/components/media/use-upload";
import type { EntryPage } from "~/components/entry/entry-page";
import { parseForm, type ActionResult } from "~/forms";
import { isTimed } from "~/models/entry";
import { isChecked } from "~/models/media";
import type { MediaAnswer } from "~/routes/entries.$id_.media";
import { mediaSchema } from "~/schemas/entry";

/**
 * The entry's files: each with what became of it, a player or viewer once checked, its alt text
 * or captions, and a Remove button; then the uploader while the entry takes more files.
 * `onChange` reloads the page's data once the server's list of files has changed.
 */
export function EntryMedia({
  entryId,
  media,
  category,
  open,
  onChange,
}: Pick<EntryPage, "media" | "category" | "open"> & { entryId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const counted = media.filter((m) => m.state !== "rejected" && m.state !== "pending").length;
  useReloadWhenChecked(`/entries/${entryId}/media`, media, onChange);
  const takesMore = open && counted < category.maxFiles;
  // The picker is disabled while a file goes up, which takes focus from it; if it then leaves (the
  // entry has all its files), the keyboard goes on from the list of files, not the page's start.
  const heading = useRef<HTMLHeadingElement>(null);
  const pickerHadFocus = useRef(false);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!takesMore && pickerHadFocus.current && lost) heading.current?.focus();
    pickerHadFocus.current = false;
  }, [takesMore]);
  return (
    <FormSection
      as="div"
      id="entry-files"
      className="panel"
      title={t("entry.media")}
      heading={{ id: "media-title", ref: heading, tabIndex: -1 }}
    >
      <ul className="media-list" aria-labelledby="media-title">
        {media.map((m) => (
          <li key={m.id} className="card" data-testid="media-item" data-state={m.state}>
            <p className="muted">{t("upload.original", { name: m.originalName })}</p>
            {m.state === "verified" ? (
              <MediaView media={m} captionsUrl={`/entries/${entryId}/captions/${m.id}.vtt`} />
            ) : null}
            {/* said aloud when it changes: a file checked or made ready while the entrant is elsewhere on the page */}
            <p className={m.state === "rejected" ? "alert" : undefined} aria-live="polite">
              {m.state === "verified"
                ? t("upload.verified")
                : m.state === "rejected"
                  ? t("upload.rejected")
                  : m.state === "pending"
                    ? t("upload.incomplete")
                    : m.state === "preparing"
                      ? t("upload.preparing")
                      : t("upload.checking")}
              {m.state === "rejected" && m.rejection ? `: ${t(m.rejection.key, m.rejection.values)}` : ""}
            </p>
            {m.state === "verified" && m.type.startsWith("image/") ? (
              <AltTextForm entryId={entryId} assetId={m.id} altText={m.altText} disabled={!open} />
            ) : null}
            {isChecked(m.state) && isTimed(m.type) ? (
              <Captions
                entryId={entryId}
                assetId={m.id}
                name={m.originalName}
                captions={m.captions}
                open={open}
                onDone={onChange}
              />
            ) : null}
            {open ? <RemoveButton entryId={entryId} assetId={m.id} name={m.originalName} onDone={onChange} /> : null}
          </li>
        ))}
      </ul>
      {takesMore ? (
        <div
          onFocus={() => (pickerHadFocus.current = true)}
          // a blur towards nothing is the picker being disabled, not the person leaving it
          onBlur={(event) => (pickerHadFocus.current = event.relatedTarget === null)}
        >
          <Uploader
            endpoint={`/entries/${entryId}/media`}
            accept={category.allowedTypes}
            label={media.length ? t("upload.chooseMore") : t("upload.choose")}
            hint={t("upload.accepts", {
              types: category.allowedTypes.map((type) => t(`media.${type}`, { defaultValue: type })).join(", "),
              size: numbers.bytes(category.maxFileBytes),
            })}
            onDone={onChange}
          />
        </div>
      ) : null}
    </FormSection>
  );
}

/** A form of the media endpoint, sent by a fetcher: its intent and file travel as hidden fields. */
function useMediaForm(id: string) {
  const fetcher = useFetcher<ActionResult<MediaAnswer>>();
  const [form, fields] = useForm({
    id,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    onValidate: ({ formData }) => parseForm(formData, mediaSchema),
  });
  return { fetcher, form, fields };
}

function AltTextForm({
  entryId,
  assetId,
  altText,
  disabled,
}: {
  entryId: string;
  assetId: string;
  altText: string;
  disabled: boolean;
}) {
  const id = `alt-${assetId}`;
  const { fetcher, form, fields } = useMediaForm(`${id}-form`);
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" action={`/entries/${entryId}/media`} className="field" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="alt" />
      <input type="hidden" name="assetId" value={assetId} />
      <TextareaInputField
        field={fields.altText}
        label={t("upload.altText")}
        hint={t("upload.altTextHint")}
        textareaProps={{ id, rows: 2, defaultValue: altText, disabled }}
      />
      <button
        type="submit"
        className="button button-secondary button-small"
        disabled={disabled || fetcher.state !== "idle"}
      >
        {t("upload.saveAltText")}
      </button>
    </fetcher.Form>
  );
}

function RemoveButton({
  entryId,
  assetId,
  name,
  onDone,
}: {
  entryId: string;
  assetId: string;
  name: string;
  onDone: () => void;
}) {
  const { fetcher, form } = useMediaForm(`remove-${assetId}`);
  const { t } = useTranslation();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data) onDone();
  }, [fetcher.state, fetcher.data, onDone]);
  return (
    <fetcher.Form method="post" action={`/entries/${entryId}/media`} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="assetId" value={assetId} />
      <button type="submit" className="link-button" aria-label={t("upload.removeNamed", { name })}>
        {t("upload.remove")}
      </button>
    </fetcher.Form>
  );
}

/**
 * While a file is checked or its renditions are made (in the background, for up to minutes), the
 * page asks the server for that file's state now and then (every 2 s at first, slowing to every
 * 15 s), and reloads its data only once a state changed: a reload signs new links, which would
 * restart a video the entrant is watching.
 */
function useReloadWhenChecked(endpoint: string, media: { id: string; state: string }[], reload: () => void) {
  const waiting = media
    .filter((m) => m.state === "uploaded" || m.state === "preparing")
    .map((m) => `${m.id}:${m.state}`)
    .join(",");
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (!waiting) return;
    let pause = 2000;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const ask = async () => {
      const files = waiting.split(",").map((item) => item.split(":") as [string, string]);
      const states = await Promise.all(files.map(([id]) => fileState(endpoint, id)));
      if (stopped) return;
      if (files.some(([, state], i) => states[i] !== null && states[i] !== state)) return latest.current();
      pause = Math.min(pause * 1.5, 15_000);
      timer = setTimeout(ask, pause);
    };
    timer = setTimeout(ask, pause);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [endpoint, waiting]);
}
