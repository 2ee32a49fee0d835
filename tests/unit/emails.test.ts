import { describe, expect, it } from "vitest";
import { renderEmail } from "~/emails";
import { createI18n, locales } from "~/i18n";

/** The emails this console added, in every language: real words (no raw keys), and the organizers' own. */
const samples: [string, unknown][] = [
  [
    "guardian-answered",
    { decision: "consented", guardianName: "Rosa", title: "Hands", contest: "YHD 2025", link: "https://m.example/e" },
  ],
  [
    "guardian-answered",
    { decision: "refused", guardianName: "Rosa", title: "Hands", contest: "YHD 2025", link: "https://m.example/e" },
  ],
  ["role-granted", { role: "organizer", link: "https://m.example/login" }],
  ["role-granted", { role: "admin", link: "https://m.example/login" }],
  [
    "draft-reminder",
    {
      contest: "YHD 2025",
      deadline: "2026-04-15T20:59:00Z",
      timezone: "Europe/Zurich",
      link: "https://m.example/entries",
      note: "The jury meets in Geneva.",
    },
  ],
  [
    "feedback",
    {
      contest: "YHD 2025",
      title: "Hands",
      referenceCode: "YHD25-0042",
      category: "Video",
      notes: ["The interviews give survivors their own voice.", "Tell us more about the clinic."],
      average: 72,
      categoryAverage: 61,
      link: "https://m.example/entries/e1#feedback",
    },
  ],
];

describe("emails", () => {
  it("run right to left in a right-to-left language, with the quote's rule on the side lines begin", async () => {
    const { t } = createI18n("en");
    const feedback = samples.find(([name]) => name === "feedback")![1];
    const rtl = await renderEmail("feedback", t, "ar", feedback);
    expect(rtl.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(rtl.html).toContain("border-right:4px solid");
    expect(rtl.html).not.toContain("border-left");
    const ltr = await renderEmail("feedback", t, "fr", feedback);
    expect(ltr.html).toMatch(/<html[^>]*dir="ltr"/);
    expect(ltr.html).toContain("border-left:4px solid");
  });

  for (const locale of locales) {
    it(`read as words in ${locale}, with the organizers' note where there is one`, async () => {
      const { t } = createI18n(locale);
      for (const [template, payload] of samples) {
        const { subject, text } = await renderEmail(template, t, locale, payload);
        expect(`${subject}\n${text}`, template).not.toMatch(/\bemail\.[a-zA-Z]|\bpeople\.roles\./);
        if ((payload as { note?: string }).note) expect(text).toContain("The jury meets in Geneva.");
        // the judges' notes, numbered and unsigned, with the averages organizers chose to share
        if (template === "feedback") {
          expect(text).toContain("The interviews give survivors their own voice.");
          expect(text).toContain("Tell us more about the clinic.");
          expect(text).toMatch(/72\D[^\n]*61/);
          expect(text).not.toMatch(/\bfeedback\.[a-zA-Z]/);
        }
      }
    });
  }
});
