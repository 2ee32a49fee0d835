import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { createI18n, locales, type TOptions } from "~/i18n";
import { bundledMessages } from "~/i18n/messages.server";
import { formatBytes } from "~/i18n/numbers";

/**
 * Mosaic's translation (app/i18n/translate.ts) took the place of i18next: every message of every
 * language reads as i18next, configured as Mosaic configured it, read it, with every count that
 * picks another plural form, with and without its values, with a fallback to English and without.
 */
function i18nextOf(locale: string, fallback: boolean) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: fallback ? "en" : false,
    supportedLngs: [...locales],
    resources: Object.fromEntries(
      Object.entries(bundledMessages).map(([language, translation]) => [language, { translation }]),
    ),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.services.formatter?.add("bytes", (value: unknown, lng: string | undefined) =>
    formatBytes(lng ?? locale, Number(value)),
  );
  return instance;
}

function flatten(node: unknown, path = ""): [string, string][] {
  return typeof node === "string"
    ? [[path, node]]
    : Object.entries(node as object).flatMap(([key, value]) => flatten(value, path ? `${path}.${key}` : key));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe("Mosaic's translation", () => {
  it("reads every message of every language as i18next did", () => {
    const keys = [...new Set(flatten(bundledMessages.en).map(([key]) => key.replace(PLURAL, "")))];
    const optionSets = (text: string): TOptions[] => {
      const names = [...text.matchAll(/{{-?\s*([^,}]+?)\s*(,[^}]*)?}}/g)].map((m) => m[1]!);
      const values = Object.fromEntries(names.map((name, i) => [name, name === "max" ? 2_500_000 : `v${i}`]));
      return [
        {},
        values,
        { ...values, [names[0] ?? "x"]: undefined },
        ...[0, 1, 2, 3, 5, 11, 100, 1.5].map((count) => ({ ...values, count })),
      ];
    };
    for (const locale of locales) {
      const mosaic = createI18n(locale).t;
      const reference = i18nextOf(locale, true).t;
      for (const key of keys) {
        const english = flatten(bundledMessages.en).find(([k]) => k === key || k.startsWith(`${key}_`))?.[1] ?? "";
        for (const options of optionSets(english)) {
          expect(mosaic(key, options), `${locale} ${key} ${JSON.stringify(options)}`).toBe(
            reference(key, options as never),
          );
        }
      }
    }
  });

  it("falls back as i18next did: to English, to a default value, to the key", () => {
    const mosaic = createI18n("fr").t;
    const reference = i18nextOf("fr", true).t;
    for (const [key, options] of [
      ["terms.body", {}],
      ["no.such.key", {}],
      ["no.such.key", { defaultValue: "Tel quel {{x}}", x: 1 }],
      ["languages.de", { defaultValue: "de" }],
      ["media.video/mp4", { defaultValue: "video/mp4" }],
    ] as const)
      expect(mosaic(key, options), key).toBe(reference(key, options as never));
  });
});
