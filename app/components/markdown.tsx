/**
 * Shows Markdown that a loader rendered with `renderMarkdown` (markdown.server.ts), which keeps
 * out HTML and unsafe links: pass it nothing else.
 */
export function Markdown({ html, lang }: { html: string; lang?: string }) {
  return <div className="prose" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
