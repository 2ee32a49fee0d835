import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/components/markdown.server";
import { locales } from "~/i18n";
import { serverT } from "~/i18n/i18n.server";
import { demoContest } from "../../prisma/demo-contest";

/** The HTML without the line breaks markdown-it puts before block tags. */
const render = (source: string, headingOffset?: number) =>
  renderMarkdown(source, { headingOffset }).replace(/\n</g, "<").trim();

describe("organizers' Markdown", () => {
  // What organizers write, and what the page must (and must never) contain.
  const cases: { what: string; markdown: string; has: string[]; lacks: string[] }[] = [
    {
      what: "renders headings, lists, emphasis and links",
      markdown:
        "## Rules\n\n- one **bold**\n- two *soft*\n\n1. first\n2. second\n\nSee [the call](https://example.org).",
      has: [
        "<h2>Rules</h2>",
        "<ul><li>one <strong>bold</strong></li><li>two <em>soft</em></li></ul>",
        "<ol><li>first</li><li>second</li></ol>",
        '<a href="https://example.org" rel="noopener noreferrer">the call</a>',
      ],
      lacks: [],
    },
    {
      what: "never turns text into markup or script",
      markdown: '<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror="alert(1)">',
      has: ["&lt;script&gt;"],
      lacks: ["<script>", "<img", 'href="javascript:'],
    },
    {
      what: "keeps links on http(s) addresses and this site's own paths",
      markdown: "[rules](/contests/demo) [away](//evil.example/x) [back](/\\evil.example)",
      has: ['<a href="/contests/demo" rel="noopener noreferrer">rules</a>', "[away](//evil.example/x)"],
      lacks: ['evil.example"', 'href="//', 'href="/\\'],
    },
    {
      what: "refuses script, data and other schemes in links, in any case, and shows them as text",
      markdown: [
        "[a](javascript:alert(1))",
        "[b](JaVaScRiPt:alert(1))",
        "[c](data:text/html;base64,PHNjcmlwdD4=)",
        "[d](vbscript:msgbox)",
        "[e](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "[f](%5C%5Cevil.example)",
      ].join(" "),
      has: ["[a](javascript:alert(1))", "[c](data:text/html;base64,PHNjcmlwdD4=)"],
      lacks: ["<a "],
    },
    {
      what: "shows no images, whatever their address; one with a safe address stays reachable as a link",
      markdown: "![x](javascript:alert(1)) ![y](data:image/png;base64,iVBORw0KGgo=) ![z](https://example.org/z.png)",
      has: ['!<a href="https://example.org/z.png" rel="noopener noreferrer">z</a>'],
      lacks: ["<img", 'href="javascript:', 'href="data:'],
    },
    {
      what: "links email addresses and relative paths, and addresses written out in the text",
      markdown:
        "[write to us](mailto:jury@example.org), [the FAQ](faq#dates), jury@example.org and https://example.org/call, but not example.org",
      has: [
        '<a href="mailto:jury@example.org" rel="noopener noreferrer">write to us</a>',
        '<a href="faq#dates" rel="noopener noreferrer">the FAQ</a>',
        '<a href="mailto:jury@example.org" rel="noopener noreferrer">jury@example.org</a>',
        '<a href="https://example.org/call" rel="noopener noreferrer">https://example.org/call</a>',
        "but not example.org</p>",
      ],
      lacks: ["target="],
    },
    {
      what: "renders nested lists, tables, code and emphasis inside links, and keeps a line break",
      markdown:
        "- Film\n  - up to 3 minutes\n  - captions\n- Photo\n\n| Prize | Amount |\n| --- | --- |\n| First | 1000 CHF |\n\n[**the** call](https://example.org)\n\nUse `snake_case` names.\n\nline one\nline two",
      has: [
        "<ul><li>Film<ul><li>up to 3 minutes</li><li>captions</li></ul></li><li>Photo</li></ul>",
        "<table><thead><tr><th>Prize</th><th>Amount</th></tr></thead>",
        "<tbody><tr><td>First</td><td>1000 CHF</td></tr></tbody></table>",
        '<a href="https://example.org" rel="noopener noreferrer"><strong>the</strong> call</a>',
        "<code>snake_case</code>",
        "<p>line one<br>\nline two</p>",
      ],
      lacks: [],
    },
  ];

  it.each(cases)("$what", ({ markdown, has, lacks }) => {
    const html = render(markdown);
    for (const part of has) expect(html).toContain(part);
    for (const part of lacks) expect(html).not.toContain(part);
  });

  it("gives the same text the same HTML from memory, and another offset or an edit its own", () => {
    const source = "# Rules\n\nBe **kind**.";
    expect(renderMarkdown(source, { headingOffset: 2 })).toBe("<h2>Rules</h2>\n<p>Be <strong>kind</strong>.</p>\n");
    expect(renderMarkdown(source, { headingOffset: 2 })).toBe("<h2>Rules</h2>\n<p>Be <strong>kind</strong>.</p>\n");
    expect(renderMarkdown(source, { headingOffset: 3 })).toContain("<h3>Rules</h3>");
    expect(renderMarkdown(source + " Always.", { headingOffset: 2 })).toContain("Always.");
  });

  it("fits headings under the page's own, never past h6", () => {
    expect(render("# One\n\n## Two", 2)).toBe("<h2>One</h2><h3>Two</h3>");
    expect(render("##### Five", 3)).toBe("<h6>Five</h6>");
  });

  it("renders the demo contest's rules as before: h3 sections under the page's h2, lists and bold", () => {
    const html = render(demoContest(new Date("2025-06-01T00:00:00Z")).rules, 2);
    expect([...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual([
      "What to make",
      "Who may enter",
      "Dignity and do-no-harm",
      "Rights",
      "Judging",
    ]);
    expect(html).toContain("<strong>victim assistance and its larger societal impact</strong>");
    expect(html).toContain(
      "<h3>Who may enter</h3><ul><li>You are between 18 and 29 years old on the submission deadline.</li>",
    );
    expect(html.match(/<li>/g)).toHaveLength(6);
    expect(html).not.toContain("##");
  });

  it.each(locales)("renders the terms in %s with their sections, lists and bold", (locale) => {
    const html = render(serverT(locale)("terms.body"));
    expect(html.match(/<h2>/g)).toHaveLength(5);
    expect(html.match(/<ul>/g)).toHaveLength(2);
    expect(html).toMatch(/<li><strong>[^<]+<\/strong>/);
    expect(html).not.toMatch(/\*\*|##/);
  });
});
