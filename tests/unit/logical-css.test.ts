import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Mosaic's pages run right to left in Arabic, Hebrew, Persian or Urdu by nothing more than
 * `<html dir="rtl">`: the style sheet says where lines start and end (logical properties), never
 * left or right. These tests keep it so.
 */

const root = join(__dirname, "..", "..");
const css = readFileSync(join(root, "app", "styles", "app.css"), "utf8");

/** Declarations that must stay physical, each with the reason. */
const allowed: { declaration: string; why: string }[] = [
  {
    declaration: "transform: scaleX(-1)",
    why: "`.chart:dir(rtl)` only: an SVG's coordinates do not follow the page's direction, so the submissions chart is flipped for its days to run from the right",
  },
];

type Declaration = { line: number; property: string; value: string; text: string };

/** Every `property: value` of the sheet, comments left out, with its line. */
function declarations(sheet: string): Declaration[] {
  const withoutComments = sheet.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const found: Declaration[] = [];
  const pattern = /(?<=[{;\s])([a-z-]+)\s*:\s*([^;{}]+?)\s*(?=;|})/g;
  for (const match of withoutComments.matchAll(pattern)) {
    const property = match[1]!;
    // A selector's pseudo-class (a:hover {) is not followed by `;` or `}`, so only declarations match.
    const line = withoutComments.slice(0, match.index).split("\n").length;
    found.push({ line, property, value: match[2]!, text: `${property}: ${match[2]}` });
  }
  return found;
}

/** The parts of a shorthand's value, a `calc(…)` counting as one. */
function parts(value: string) {
  return value.match(/(?:[^\s(]+|\([^)]*\))+/g) ?? [];
}

const boxShorthands = new Set([
  "margin",
  "padding",
  "inset",
  "scroll-margin",
  "scroll-padding",
  "border-width",
  "border-style",
  "border-color",
]);

/** Why a declaration ties the layout to the left or the right of the screen, or null. */
function physical({ property, value }: Declaration): string | null {
  if (/^(left|right)$/.test(property)) return "use inset-inline-start / inset-inline-end";
  if (/-(left|right)(-|$)/.test(property)) return "use the -inline-start / -inline-end property";
  if (/^(text-align|float|clear|caption-side)$/.test(property) && /\b(left|right)\b/.test(value))
    return "use start / end (inline-start / inline-end)";
  if (
    /^(background-position|object-position|transform-origin|background)$/.test(property) &&
    /\b(left|right)\b/.test(value)
  )
    return "a position from the left or right does not follow the reading direction";
  if (/^(transform|translate)$/.test(property) && /translateX\(|scaleX\(-/.test(value))
    return "a horizontal move or flip does not follow the reading direction";
  if (boxShorthands.has(property)) {
    const [, right, , left] = parts(value);
    if (left !== undefined && left !== right)
      return "a four-value shorthand with different left and right: use -block and -inline";
  }
  return null;
}

describe("the style sheet", () => {
  it("reads its declarations (the check below would pass on nothing otherwise)", () => {
    const all = declarations(css);
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((d) => d.property === "border-inline-start")).toBe(true);
    // each exception is still in the sheet: one no longer needed leaves the list
    for (const { declaration } of allowed) expect(all.map((d) => d.text)).toContain(declaration);
  });

  it("says where lines start and end, never left or right", () => {
    const offending = declarations(css)
      .filter((d) => !allowed.some((a) => a.declaration === d.text))
      .map((d) => ({ declaration: `line ${d.line}: ${d.text}`, why: physical(d) }))
      .filter((d) => d.why);
    expect(offending).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const sample = `
      a { margin-left: 1rem; padding-right: 0 }
      b { border-left: 1px solid; border-top-right-radius: 2px; left: 0; right: 0 }
      c { text-align: right; float: left; padding: 0 1rem 0 2rem; transform: translateX(4px) }
      d { background-position: right 1rem center; text-align: start; margin: 0 auto; inset: 0 }
      e:hover { padding: 1rem 2rem 3rem; margin-inline-start: 1rem; border-bottom: 1px solid }`;
    const caught = declarations(sample)
      .filter((d) => physical(d))
      .map((d) => d.property);
    expect(caught).toEqual([
      "margin-left",
      "padding-right",
      "border-left",
      "border-top-right-radius",
      "left",
      "right",
      "text-align",
      "float",
      "padding",
      "transform",
      "background-position",
    ]);
  });
});

/** The components' inline styles: the same rule (emails excepted: mail clients ignore logical properties). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "emails" ? [] : sources(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

describe("inline styles in the pages", () => {
  it("say where lines start and end, never left or right", () => {
    const offending = sources(join(root, "app")).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/style=\{\{([^}]*)\}\}/g)]
        .map((m) => m[1]!)
        .filter((style) =>
          /\b(margin|padding|border|scrollMargin|scrollPadding)(Left|Right)\b|\b(left|right)\s*:|(textAlign|float)\s*:\s*["'](left|right)/.test(
            style,
          ),
        )
        .map((style) => `${file.slice(root.length + 1)}: ${style.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
