import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n";
import { bundledMessages } from "~/i18n/messages.server";

const { fr } = bundledMessages;

/**
 * French typography, kept the same in every French message: the typographic apostrophe, a narrow
 * no-break space (U+202F) before ; ! ? » and after «, a no-break space (U+00A0) before :, so that
 * a line never starts with a lone punctuation mark and every page reads alike.
 */

const NARROW = "\u202f";
const NO_BREAK = "\u00a0";

function flatten(node: unknown, path = ""): [string, string][] {
  return typeof node === "string"
    ? [[path, node]]
    : Object.entries(node as object).flatMap(([key, value]) => flatten(value, path ? `${path}.${key}` : key));
}

/**
 * What a reader reads as French prose: without addresses (https://…, a link's target in
 * markdown), placeholders ({{title}}) and time codes (0:42, 00:01.000), whose marks are not
 * punctuation.
 */
function prose(text: string) {
  return text
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/https?:\/\/\S*/g, "")
    .replace(/{{[^}]*}}/g, "x")
    .replace(/\d+:\d+/g, "0");
}

/** The rules a message breaks, each with a few characters around the place. */
function faults(text: string): string[] {
  const found: string[] = [];
  const around = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 12), index + 6));
  const body = prose(text);
  for (const m of body.matchAll(/'/g)) found.push(`ASCII apostrophe (use ’) near ${around(m.index)}`);
  for (const m of body.matchAll(/[;!?»]/g))
    if (body[m.index - 1] !== NARROW) found.push(`no narrow no-break space before ${m[0]} in ${around(m.index)}`);
  for (const m of body.matchAll(/«/g))
    if (body[m.index + 1] !== NARROW) found.push(`no narrow no-break space after « in ${around(m.index)}`);
  for (const m of body.matchAll(/:/g))
    if (body[m.index - 1] !== NO_BREAK) found.push(`no no-break space before : in ${around(m.index)}`);
  return found;
}

describe("French messages", () => {
  it("follow French typography, every one of them (the legal text too)", () => {
    const broken = flatten(fr).flatMap(([key, text]) => faults(text).map((fault) => `${key}: ${fault}`));
    expect(broken).toEqual([]);
  });

  it("are read by the rules as meant", () => {
    expect(faults(`L${"’"}appel${NO_BREAK}: «${NARROW}Mains${NARROW}»${NARROW}; prêt${NARROW}?`)).toEqual([]);
    expect(faults("L'appel : « Mains » ; prêt ?")).toHaveLength(6);
    expect(faults("Prêt?")).toHaveLength(1);
    // addresses, placeholders, time codes and markdown links are not prose
    expect(
      faults(`Voir https://mosaic.example/a?b=1 et [liens](https://x.example/?q) à 0:42, 00:01.000 {{a}}`),
    ).toEqual([]);
  });

  it("still fill their placeholders and keep the words that have a hyphen or a link", () => {
    const { t } = createI18n("fr");
    expect(t("home.view", { title: "Mains" })).toBe(`Lire l’appel${NO_BREAK}: Mains`);
    const terms = fr.terms?.body ?? "";
    expect(terms).toContain("adresse e-mail");
    expect(terms).toContain("\n\n## Vos droits\n\n- **Voir");
    expect(terms).toContain(`**Les corriger**${NO_BREAK}:`);
  });
});
