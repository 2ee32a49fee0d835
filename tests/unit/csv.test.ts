import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/models/csv";

describe("CSV exports", () => {
  it("neutralise anything a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1`)).toBe(`"'${start}1"`);
    for (const text of [" =1+1", "   @SUM(A1)", "\n=cmd", "\u00a0-2+3", " \t+1", "\uFF1D1+1"])
      expect(csvCell(text)).toBe(`"'${text}"`);
    expect(csvCell("Amaya Reyes")).toBe(`"Amaya Reyes"`);
    expect(csvCell("  spaced, but plain")).toBe(`"  spaced, but plain"`);
    expect(csvCell(42.5)).toBe(`"42.5"`);
    expect(csvCell(null)).toBe(`""`);
  });

  it("quotes every cell, doubles quotes, keeps line breaks inside a cell, and ends rows with CRLF", () => {
    expect(toCsv(["a", "b"], [["x, y", 'say "hi"\nthen go']])).toBe(
      `\uFEFF"a","b"\r\n"x, y","say ""hi""\nthen go"\r\n`,
    );
  });
});
