import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The focus ring must stand out at least 3:1 (WCAG 2.2, 1.4.11) against every background a
 * focusable element can sit on. Mosaic's ring is two rings, dark inside a white halo: this reads
 * every background colour in the stylesheet and checks that one of the two rings reaches 3:1.
 */
const css = readFileSync(path.resolve(__dirname, "../../app/styles/app.css"), "utf8");

const tokens = new Map([...css.matchAll(/(--color-[\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1]!, m[2]!]));

function resolve(value: string) {
  return value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => tokens.get(name) ?? name);
}

function luminance(hex: string) {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("the focus ring", () => {
  const rule = /:focus-visible,\s*\.alert:focus\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  const ring = resolve(/outline:\s*3px solid ([^;]+);/.exec(rule)?.[1] ?? "");
  const halo = resolve(/box-shadow:\s*0 0 0 \d+px ([^;]+);/.exec(rule)?.[1] ?? "");
  const backgrounds = new Set(
    [...css.matchAll(/background(?:-color)?:\s*([^;]+);/g)].flatMap((m) =>
      [...resolve(m[1]!).matchAll(/#[0-9a-f]{3,6}\b/gi)].map((c) => c[0].toLowerCase()),
    ),
  );

  it("is a dark ring in a white halo, drawn for keyboard focus and for a focused alert", () => {
    expect(ring).toMatch(/^#[0-9a-f]{6}$/i);
    expect(halo).toBe("#ffffff");
    expect(contrast(ring, halo)).toBeGreaterThanOrEqual(3);
  });

  it("stands out at least 3:1 against every background in the stylesheet", () => {
    expect(backgrounds.size).toBeGreaterThan(8);
    const weak = [...backgrounds].filter((bg) => Math.max(contrast(ring, bg), contrast(halo, bg)) < 3);
    expect(weak).toEqual([]);
  });

  it("would fail with the old single orange ring", () => {
    const old = "#f4a259";
    expect([...backgrounds].filter((bg) => contrast(old, bg) < 3)).toContain("#ffffff");
  });
});
