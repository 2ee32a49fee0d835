import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "~/components/markdown";

describe("organizers' Markdown", () => {
  it("renders headings, lists, emphasis and links", () => {
    const html = renderToStaticMarkup(
      <Markdown
        source={
          "## Rules\n\n- one **bold**\n- two *soft*\n\n1. first\n2. second\n\nSee [the call](https://example.org)."
        }
      />,
    );
    expect(html).toContain("<h2>Rules</h2>");
    expect(html).toContain("<ul><li>one <strong>bold</strong></li><li>two <em>soft</em></li></ul>");
    expect(html).toContain("<ol><li>first</li><li>second</li></ol>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">the call</a>');
  });

  it("never turns text into markup or script", () => {
    const html = renderToStaticMarkup(
      <Markdown source={'<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror="alert(1)">'} />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps links on http(s) addresses and this site's own paths", () => {
    const html = renderToStaticMarkup(
      <Markdown source={"[rules](/contests/demo) [away](//evil.example/x) [back](/\\evil.example)"} />,
    );
    expect(html).toContain('<a href="/contests/demo" rel="noopener noreferrer">rules</a>');
    expect(html).not.toContain('evil.example"');
    expect(html).not.toContain('href="//');
    expect(html).not.toContain('href="/\\');
    expect(html).toContain("[away](//evil.example/x)");
  });
});
