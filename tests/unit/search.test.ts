import { describe, expect, it } from "vitest";
import { foldForSearch } from "~/services/search-text";

describe("foldForSearch", () => {
  it("lowers case and removes accents, so that any spelling typed finds the name", () => {
    expect(foldForSearch("Élodie Brûlé")).toBe("elodie brule");
    expect(foldForSearch("HANDS")).toBe("hands");
    expect(foldForSearch("Nguyễn Thị Ánh")).toBe("nguyen thi anh");
    expect(foldForSearch("Çağrı Öztürk")).toBe("cagri ozturk");
  });

  it("spells out letters that have no accent to remove", () => {
    expect(foldForSearch("Søren Łukasz Straße Æsa")).toBe("soren lukasz strasse aesa");
  });

  it("keeps scripts without case as they are, and folds spacing", () => {
    expect(foldForSearch("  يوسف   حداد ")).toBe("يوسف حداد");
    expect(foldForSearch(null)).toBe("");
  });
});
