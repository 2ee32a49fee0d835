import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { TextareaInputField } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import type { SettingsFields } from "./settings-form";

/** A text as it was saved, and its HTML as the server rendered it. */
export type Rendered = { source: string; html: string };

/**
 * What an organizer is typing, rendered by the server (which alone has the Markdown library) a
 * moment after they pause, and only while the preview is open.
 */
function useMarkdownPreview(endpoint: string, source: string, saved: Rendered, open: boolean) {
  const [rendered, setRendered] = useState(saved);
  useEffect(() => {
    if (!open || source === rendered.source) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(endpoint, {
        method: "POST",
        body: new URLSearchParams({ source }),
        headers: { Accept: "application/json" },
        signal: controller.signal,
      })
        .then((response) => (response.ok ? (response.json() as Promise<{ html: string }>) : null))
        .then((answer) => answer && setRendered({ source, html: answer.html }))
        // cut short by the next keystroke, or offline: the preview catches up on the next change
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [endpoint, source, open, rendered.source]);
  return rendered.html;
}

/** A Markdown text (the rules, the FAQ) with a preview of how the contest's page will show it. */
export function MarkdownField({
  field,
  label,
  endpoint,
  saved,
  lang,
}: {
  field: SettingsFields["rules" | "faq"];
  label: string;
  endpoint: string;
  saved: Rendered;
  /** the language the text is written in, when it is not the page's */
  lang?: string;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState(field.initialValue ?? "");
  const [open, setOpen] = useState(false);
  const html = useMarkdownPreview(endpoint, source, saved, open);
  return (
    <div>
      <TextareaInputField
        field={field}
        label={label}
        hint={t("settings.markdownHint")}
        textareaProps={{ rows: 8, lang, onInput: (event) => setSource(event.currentTarget.value) }}
      />
      <details className="markdown-preview" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t("settings.preview", { name: label })}</summary>
        <div lang={lang}>
          <Markdown html={html} />
        </div>
      </details>
    </div>
  );
}
