import { describe, expect, it } from "vitest";
import { categoryNameIn, contestTranslations, emailNoteIn, inLanguage, titleIn } from "~/models/contest-texts";

const contest = {
  languages: "en,fr,es",
  title: "Youth Contest",
  theme: "Victim assistance",
  summary: "Make a work.",
  rules: "## Rules",
  faq: "",
  emailNotes: JSON.stringify({ receipt: "Thank you!", results: "See you in Geneva." }),
  translations: JSON.stringify({
    fr: { title: "Concours jeunesse", rules: "## Règles", emailNotes: { receipt: "Merci !" } },
    es: { title: "  " },
  }),
  categories: [
    { slug: "video", name: "Video", description: "A film.", translations: JSON.stringify({ fr: { name: "Vidéo" } }) },
  ],
};

describe("a contest's texts in each language", () => {
  it("gives a reader their language where the organizers wrote it, else the first language, naming which", () => {
    const fr = inLanguage(contest, "fr");
    expect(fr.title).toBe("Concours jeunesse");
    expect(fr.rules).toBe("## Règles");
    expect(fr.theme).toBe("Victim assistance");
    // the passages left in English say so, for `lang` attributes
    expect(fr.textLang).toEqual({ theme: "en", summary: "en", faq: "en" });
    expect(fr.categories[0]).toMatchObject({
      slug: "video",
      name: "Vidéo",
      description: "A film.",
      textLang: { description: "en" },
    });
    expect(fr).not.toHaveProperty("translations");
    expect(fr.categories[0]).not.toHaveProperty("translations");
  });

  it("treats a blank translation as none, and the first language's readers read the columns", () => {
    expect(titleIn(contest, "es")).toBe("Youth Contest");
    expect(inLanguage(contest, "en").textLang).toEqual({});
    // a language the contest does not offer falls back too, even with texts kept for it
    expect(titleIn(contest, "ar")).toBe("Youth Contest");
    const notOffered = { ...contest, languages: "en,es" };
    expect(titleIn(notOffered, "fr")).toBe("Youth Contest");
    expect(emailNoteIn(notOffered, "receipt", "fr")).toBe("Thank you!");
    expect(inLanguage(notOffered, "fr").categories[0]).toMatchObject({ name: "Video", textLang: { name: "en" } });
  });

  it("falls back to the first language, whichever it is", () => {
    const french = {
      ...contest,
      languages: "fr,en",
      title: "Concours",
      translations: JSON.stringify({ en: { title: "Contest" }, fr: { title: "ignored" } }),
    };
    expect(titleIn(french, "fr")).toBe("Concours");
    expect(titleIn(french, "en")).toBe("Contest");
    expect(inLanguage(french, "es").textLang.title).toBe("fr");
    expect(categoryNameIn(contest.categories[0]!, french, "fr")).toBe("Video");
  });

  it("adds the organizers' email words in the recipient's language where given", () => {
    expect(emailNoteIn(contest, "receipt", "fr")).toBe("Merci !");
    expect(emailNoteIn(contest, "results", "fr")).toBe("See you in Geneva.");
    expect(emailNoteIn(contest, "receipt", "es")).toBe("Thank you!");
    expect(emailNoteIn(contest, "screened", "fr")).toBe("");
  });

  it("never throws on damaged translations", () => {
    expect(contestTranslations("{not json")).toEqual({});
    expect(contestTranslations(JSON.stringify({ fr: "text", es: { title: 3 } }))).toEqual({
      fr: {},
      es: { title: "" },
    });
    expect(titleIn({ ...contest, translations: "[1,2" }, "fr")).toBe("Youth Contest");
  });

  it("reads a stored value once for every reader, and an edited value afresh", () => {
    const stored = JSON.stringify({ fr: { title: "Concours" } });
    const read = contestTranslations(stored);
    expect(contestTranslations(stored)).toBe(read);
    // shared by every reader, so nobody can change it for the others
    expect(Object.isFrozen(read) && Object.isFrozen(read.fr)).toBe(true);
    expect(contestTranslations(JSON.stringify({ fr: { title: "Concours 2026" } })).fr?.title).toBe("Concours 2026");
    expect(titleIn({ ...contest, translations: stored }, "fr")).toBe("Concours");
  });
});
