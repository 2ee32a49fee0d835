/**
 * Shows Markdown that a loader rendered with `renderMarkdown` (markdown.server.ts), which keeps
 * out HTML and unsafe links: pass it nothing else.
 */
export function Markdown({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
