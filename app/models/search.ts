/**
 * What a search compares: lower case, without accents, so that "élodie" finds "Élodie" and
 * "HANDS" finds "Hands" on every engine. The database keeps this form of each searchable text
 * beside it (User.searchName, Entry.searchTitle; db.server.ts fills them on every write), and
 * searches compare the same form of what was typed. Lists a person reads are ordered by it too,
 * so their order does not depend on the database server's collation.
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

export function foldForSearch(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/\s+/g, " ")
    .trim();
}
