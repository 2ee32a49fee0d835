import MarkdownIt from "markdown-it";
import { keptByKey } from "~/services/kept";

/**
 * Organizers' long texts (a contest's rules and FAQ) and Mosaic's own (the terms) are written in
 * CommonMark, with tables. They are rendered here, on the server only, so the browser never
 * downloads the parser: loaders return the HTML and `<Markdown html>` shows it.
 *
 * What an organizer types can never run in a visitor's browser:
 * - HTML in the source is shown as text (`html: false`);
 * - links go only to http(s) addresses, email addresses and paths on this site;
 * - images are not rendered at all: the page's Content-Security-Policy would block a picture
 *   from another site anyway, and loading one would tell that site who reads the rules.
 */
const markdown = new MarkdownIt("default", {
  html: false,
  // a line break in the text box is a line break on the page, as organizers expect
  breaks: true,
  linkify: true,
  typographer: false,
});
markdown.disable("image");
// only addresses written out with their scheme become links: "mosaic.js" stays a word
markdown.linkify.set({ fuzzyLink: false });

markdown.validateLink = (url) => isSafeLink(url);

const SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * An http(s) or mailto address, or a path on this site. "//host" and "/\host" are refused: a
 * browser reads both as another site. (markdown-it has already percent-encoded spaces, control
 * characters and backslashes by the time it asks.)
 */
export function isSafeLink(url: string) {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1];
  if (scheme) return SCHEMES.has(scheme.toLowerCase());
  return !/^[/\\]{2}|^\/%5c|^%5c/i.test(url);
}

markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]!.attrSet("rel", "noopener noreferrer");
  return self.renderToken(tokens, index, options);
};

/**
 * `headingOffset` is the level a `#` heading gets, so a page can fit the text under its own
 * headings: the rules sit under the page's h2, so their `#` becomes an h2 and `##` an h3.
 */
export function renderMarkdown(source: string, { headingOffset = 1 }: { headingOffset?: number } = {}) {
  return rendered(`${headingOffset}\u0000${source}`, () => render(source, headingOffset));
}

/**
 * The HTML of the texts rendered lately, by heading offset and source. Every visitor of a contest
 * page reads the same rules and FAQ, and rendering them was a tenth of the page's server time;
 * an edited text is a new key, so nothing is ever stale. At most 200 texts (a few
 * contests × languages × two texts), the least recently used leaving first.
 */
const rendered = keptByKey<string>(200);

function render(source: string, headingOffset: number) {
  const tokens = markdown.parse(source, {});
  for (const token of tokens) {
    if (token.type !== "heading_open" && token.type !== "heading_close") continue;
    const level = Number(token.tag.slice(1));
    token.tag = `h${Math.min(6, level + headingOffset - 1)}`;
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}
