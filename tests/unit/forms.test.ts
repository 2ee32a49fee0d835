import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formProblems, parseForm } from "~/forms";
import { createI18n } from "~/i18n";
import "~/i18n/messages.server";

const schema = z.object({
  title: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(5),
  note: z.string().max(3, { message: "errors.tooLong" }).optional(),
  count: z.number().int().max(10),
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("parseForm", () => {
  it("turns zod's default messages into translation keys with their limits", () => {
    const submission = parseForm(form({ title: "much too long", note: "abcd", count: "11" }), schema);
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({
      title: [{ key: "errors.tooLong", values: { max: 5 } }],
      note: [{ key: "errors.tooLong", values: { max: 3 } }],
      count: [{ key: "errors.tooHigh", values: { max: 10 } }],
    });
  });

  it("keeps a schema's own key, and names a missing field as required", () => {
    const submission = parseForm(form({ count: "1" }), schema);
    expect(submission.reply().error).toEqual({ title: [{ key: "errors.required" }] });
  });

  it("reads the same in every language: no English default message survives", () => {
    const submission = parseForm(form({ title: "much too long", count: "x" }), schema);
    const problems = Object.values(submission.reply().error ?? {}).flatMap((list) => list ?? []);
    for (const locale of ["fr", "es", "ar"] as const) {
      const i18n = createI18n(locale);
      for (const { key, values } of problems) {
        const text = i18n.t(key, values);
        expect(text).not.toBe(key);
        expect(text).not.toMatch(/character|must|Expected/i);
      }
    }
    expect(createI18n("fr").t("errors.tooLong", { max: 5 })).toContain("5");
  });

  it("gives the whole form's problems from an answer, none before one", () => {
    expect(formProblems(undefined)).toEqual([]);
    expect(formProblems({ result: { status: "error", error: { "": [{ key: "errors.badRequest" }] } } })).toEqual([
      { key: "errors.badRequest" },
    ]);
  });
});
