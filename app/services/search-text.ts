/**
 * What a search compares: lower case, without accents, so that "élodie" finds "Élodie" and
 * "HANDS" finds "Hands" on every engine. The database keeps this form of each searchable text
 * beside it (User.searchName, Entry.searchTitle), written by db.server.ts with every write, and
 * searches compare the same form of what was typed; so neither engine's case rules nor its
 * collation decide what a search finds.
 */
const UNDECOMPOSED: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};
// Built from the keys rather than written out: the server's build keeps its source in memory,
// and a single character past U+00FF in it (as a regular expression's literal) makes V8 hold
// the whole 1.5 MB source at two bytes a character.
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join("")}]`, "g");

export function foldForSearch(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}
