import { describe, expect, it } from "vitest";
import { createI18n, directionOf, localeFromAcceptLanguage } from "~/i18n";
import { bundledMessages } from "~/i18n/messages.server";

// each language whole: the messages of every page, of organizers' and judges' pages, and of emails
const { ar, en, es, fr } = bundledMessages;

describe("language", () => {
  it("picks the best supported language from the browser's list", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de-CH;q=1, en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de, ja")).toBeUndefined();
    expect(localeFromAcceptLanguage("en;q=0")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
    expect(localeFromAcceptLanguage(";;;,,q=abc")).toBeUndefined();
  });

  it("knows which languages run right to left, with or without a region", () => {
    for (const tag of ["ar", "ar-EG", "ar-MA", "he", "he-IL", "fa", "fa-IR", "fa-AF", "ur", "ur-PK", "AR-eg", "ar_SA"])
      expect(directionOf(tag), tag).toBe("rtl");
    for (const tag of ["en", "en-GB", "fr", "fr-CA", "es", "es-419", "de", "zh-Hant", "ja", "", "not a tag"])
      expect(directionOf(tag), tag).toBe("ltr");
  });

  it("translates with plurals and interpolation", () => {
    const t = createI18n("en").t;
    expect(t("errors.codeWrong", { count: 1 })).toBe("That code is not right. You have 1 try left.");
    expect(t("errors.codeWrong", { count: 3 })).toBe("That code is not right. You have 3 tries left.");
    expect(t("email.signInSubject", { code: "123456" })).toBe("Your Mosaic sign-in code: 123456");
  });

  it("has no empty English message", () => {
    const walk = (node: unknown, path: string): string[] =>
      typeof node === "string"
        ? node.trim() === ""
          ? [path]
          : []
        : Object.entries(node as object).flatMap(([key, value]) => walk(value, `${path}.${key}`));
    expect(walk(en, "en")).toEqual([]);
  });

  it("has every English message in French and Spanish (but the legal text), with the same placeholders", () => {
    const english = flatten(en);
    for (const other of [fr, es]) {
      const translated = flatten(other);
      for (const [key, text] of Object.entries(translated)) {
        expect(english, key).toHaveProperty([key]);
        expect(placeholders(text), key).toEqual(placeholders(english[key]!));
      }
      // every message is translated, but for the legal text, which stays in English until a
      // translation has been checked by the organizers
      for (const key of Object.keys(english).filter((k) => k !== "terms.body")) {
        expect(translated, key).toHaveProperty([key]);
      }
    }
  });

  it("has every English message in Arabic, in each of Arabic's six plural forms where English counts", () => {
    const english = flatten(en);
    const arabic = flatten(ar);
    const forms = ["zero", "one", "two", "few", "many", "other"];
    const plural = /^(.*)_(zero|one|two|few|many|other)$/;
    for (const [key, text] of Object.entries(arabic)) {
      const [, base, form] = plural.exec(key) ?? [];
      if (base && form) {
        // a counted message is compared with English's `_other` form; Arabic writes the
        // numbers zero, one and two as words ("ملفان", two files), so those may leave out {{count}}
        expect(english, key).toHaveProperty([`${base}_other`]);
        const expected = placeholders(english[`${base}_other`]!);
        expect(placeholders(text), key).toEqual(
          ["zero", "one", "two"].includes(form)
            ? expected.filter((p) => p !== "count|" || text.includes("{{count}}"))
            : expected,
        );
      } else {
        expect(english, key).toHaveProperty([key]);
        expect(placeholders(text), key).toEqual(placeholders(english[key]!));
      }
    }
    // every English message, the legal text included; a counted one (`x_one`/`x_other`) in all six forms
    for (const key of Object.keys(english)) {
      const base = plural.exec(key)?.[1];
      if (base) for (const form of forms) expect(arabic, key).toHaveProperty([`${base}_${form}`]);
      else expect(arabic, key).toHaveProperty([key]);
    }
  });

  it("counts in Arabic with a different word for 0, 1, 2, 3 and 11", () => {
    const t = createI18n("ar").t;
    const files = [0, 1, 2, 3, 11, 100].map((count) => t("dashboard.retention.files", { count }));
    expect(files).toEqual(["لا ملفات", "ملف واحد", "ملفان", "3 ملفات", "11 ملفًا", "100 ملف"]);
    const minutes = [0, 1, 2, 3, 11].map((count) => t("units.minutes", { count }));
    expect(minutes).toEqual(["0 دقيقة", "دقيقة واحدة", "دقيقتان", "3 دقائق", "11 دقيقة"]);
    expect(t("errors.codeWrong", { count: 2 })).toBe("هذا الرمز غير صحيح. تتبقى لك محاولتان.");
  });
});

const flatten = (node: unknown, path = ""): Record<string, string> =>
  typeof node === "string"
    ? { [path]: node }
    : Object.assign(
        {},
        ...Object.entries(node as object).map(([key, value]) => flatten(value, path ? `${path}.${key}` : key)),
      );
// a placeholder's format ("{{max, bytes}}") must be the same in every language too
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*(?:,\s*([^}]*?)\s*)?}}/g)].map((m) => `${m[1]}|${m[2] ?? ""}`).sort();
