import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fontkit from "@pdf-lib/fontkit";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from "pdf-lib";
import { inFontkitOrder } from "~/models/certificate-pdf.server";
import {
  certificateLayout,
  certificatePdf,
  clampLines,
  fitSize,
  wrapText,
  withEllipsis,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  type Box,
  type CertificateLayout,
  type CertificateText,
  type Measure,
} from "~/models/certificate-pdf.server";

const ISSUED_AT = new Date("2025-06-12T10:30:00Z");

const TEXT: CertificateText = {
  lang: "en-GB",
  heading: "Certificate of award",
  presentedTo: "presented to",
  name: "Nguyễn Thị Ánh",
  body: "First place in Video for the work “Hands that rebuild”",
  wording: "The jury was moved by the patience of this film.\nWe thank every young artist who took part.",
  contest: "Mosaic International Youth Multimedia Contest 2025",
  date: "12 June 2025",
  signature: "Ambassador A. B., President of the Meeting",
  checkLabel: "Check that this certificate is genuine at",
  checkUrl: "https://mosaic.example.org/v/K7M2Q9XD",
};

/** `length` characters of words, so the text wraps as real text does. */
function text(length: number, words = "the patience and care of this film shows what a community can do"): string {
  let out = "";
  while (out.length < length) out += `${words} `;
  return out.slice(0, length).trimEnd().padEnd(length, "x");
}

const LONG: CertificateText = {
  ...TEXT,
  name: text(120, "Анна-Мария Петрова-Водкина Nguyễn Thị Ánh Ὀδυσσέας Featherstonehaugh-Cholmondeley"),
  body: text(400, "First place in Video for the work “Hands that rebuild the bridges of the old town”"),
  wording: text(1500),
  contest: text(200, "International Youth Multimedia Contest for Peace and Dialogue among Nations"),
};

/** A typeface where every character is half an em wide, 0.8 em above the baseline and 0.2 below. */
const MONO: Measure = {
  widthOfTextAtSize: (value, size) => [...value].length * size * 0.5,
  heightAtSize: (size, options) => size * (options?.descender === false ? 0.8 : 1),
};

const EPSILON = 1e-6;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.right - EPSILON && b.left < a.right - EPSILON && a.bottom < b.top - EPSILON && b.bottom < a.top - EPSILON
  );
}

function describeBox(box: Box & { role: string; text?: string }): string {
  return `${box.role} “${box.text ?? ""}” [${box.left.toFixed(1)}, ${box.bottom.toFixed(1)}, ${box.right.toFixed(1)}, ${box.top.toFixed(1)}]`;
}

/** Every line and rule inside the inner frame, none overlapping another, all above the check address. */
function expectTidyPage(layout: CertificateLayout) {
  const frame = layout.frames.inner;
  const boxes = [...layout.lines, ...layout.rules];
  for (const box of boxes) {
    expect(box.left, describeBox(box)).toBeGreaterThanOrEqual(frame.left);
    expect(box.right, describeBox(box)).toBeLessThanOrEqual(frame.right);
    expect(box.bottom, describeBox(box)).toBeGreaterThanOrEqual(frame.bottom);
    expect(box.top, describeBox(box)).toBeLessThanOrEqual(frame.top);
  }
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      expect(overlaps(a, b), `${describeBox(a)} overlaps ${describeBox(b)}`).toBe(false);
    }
  }
  const check = layout.lines.filter((line) => line.role === "checkLabel" || line.role === "checkUrl");
  expect(check.map((line) => line.role)).toContain("checkUrl");
  const checkTop = Math.max(...check.map((line) => line.top));
  for (const box of boxes.filter((box) => !check.includes(box as never))) {
    expect(box.bottom, describeBox(box)).toBeGreaterThan(checkTop);
  }
}

function linesOf(layout: CertificateLayout, role: string) {
  return layout.lines.filter((line) => line.role === role);
}

function decoded(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

async function load(bytes: Uint8Array) {
  // as stored: loading must not rewrite the producer and dates
  return PDFDocument.load(bytes, { updateMetadata: false });
}

describe("wrapping and fitting certificate text", () => {
  it("breaks between words, never wider than the line", () => {
    // 10 pt: 5 points a character, 60 points = 12 characters
    expect(wrapText("the  jury was\nmoved by it", MONO, 10, 60)).toEqual(["the jury was", "moved by it"]);
    expect(wrapText("   ", MONO, 10, 60)).toEqual([]);
  });

  it("breaks a word longer than the line between characters", () => {
    expect(wrapText("ab Featherstonehaugh", MONO, 10, 30)).toEqual(["ab", "Feathe", "rstone", "haugh"]);
  });

  it("gives the largest size that fits, within bounds", () => {
    // 10 characters: 5 points each at 1 pt → 100 points at 20 pt
    expect(fitSize("abcdefghij", MONO, 34, 18, 1000)).toBe(34);
    expect(fitSize("abcdefghij", MONO, 34, 18, 100)).toBe(20);
    expect(fitSize("abcdefghij", MONO, 34, 18, 50)).toBe(18);
  });

  it("ends a cut line with an ellipsis, at a word when it can", () => {
    expect(withEllipsis("moved by the care", MONO, 10, 60)).toBe("moved by…");
    expect(withEllipsis("Featherstonehaugh", MONO, 10, 30)).toBe("Feath…");
    expect(clampLines(["one", "two", "three"], 2, MONO, 10, 60)).toEqual(["one", "two…"]);
    expect(clampLines(["one", "two"], 2, MONO, 10, 60)).toEqual(["one", "two"]);
  });
});

describe("certificate PDF", () => {
  it("is one A4 landscape page with the certificate's metadata", async () => {
    const pdf = await load(await certificatePdf(TEXT, ISSUED_AT));
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo(841.89, 2);
    expect(height).toBeCloseTo(595.28, 2);
    expect(pdf.getTitle()).toBe("Certificate of award — Mosaic International Youth Multimedia Contest 2025");
    expect(decoded(pdf.catalog.lookup(PDFName.of("Lang")))).toBe("en-GB");
    expect(pdf.getProducer()).toBe("Mosaic");
    expect(pdf.getCreator()).toBe("Mosaic");
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getKeywords()).toBeUndefined();
    expect(pdf.getCreationDate()?.toISOString()).toBe(ISSUED_AT.toISOString());
    expect(pdf.getModificationDate()?.toISOString()).toBe(ISSUED_AT.toISOString());
  });

  it("makes the check address a link to exactly that address, over its text", async () => {
    const pdf = await load(await certificatePdf(TEXT, ISSUED_AT));
    const annotations = pdf.getPage(0).node.Annots();
    expect(annotations?.size()).toBe(1);
    const link = annotations?.lookup(0, PDFDict);
    expect(link?.get(PDFName.of("Subtype"))).toBe(PDFName.of("Link"));
    const action = link?.lookup(PDFName.of("A"), PDFDict);
    expect(action?.get(PDFName.of("S"))).toBe(PDFName.of("URI"));
    expect(decoded(action?.lookup(PDFName.of("URI")))).toBe(TEXT.checkUrl);

    const [url] = linesOf(await certificateLayout(TEXT), "checkUrl");
    expect(url?.text).toBe(TEXT.checkUrl);
    const rect = link?.lookup(PDFName.of("Rect"), PDFArray).asRectangle();
    expect(rect?.x).toBeCloseTo(url?.left ?? NaN, 2);
    expect(rect?.y).toBeCloseTo(url?.bottom ?? NaN, 2);
    expect(rect?.width).toBeCloseTo(url?.width ?? NaN, 2);
    expect(rect?.height).toBeCloseTo((url?.top ?? NaN) - (url?.bottom ?? NaN), 2);
  });

  it("escapes parentheses in the link address", async () => {
    const checkUrl = "https://mosaic.example.org/v/(K7M2)";
    const pdf = await load(await certificatePdf({ ...TEXT, checkUrl }, ISSUED_AT));
    const link = pdf.getPage(0).node.Annots()?.lookup(0, PDFDict);
    expect(decoded(link?.lookup(PDFName.of("A"), PDFDict).lookup(PDFName.of("URI")))).toBe(checkUrl);
  });

  it("embeds DejaVu Sans regular and bold as subsets", async () => {
    const pdf = await load(await certificatePdf(TEXT, ISSUED_AT));
    const fullSize = readFileSync(path.resolve("app/assets/fonts/DejaVuSans.ttf")).length;
    const descriptors = pdf.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict)
      .filter((dict) => dict.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"));
    const names = descriptors.map((dict) => dict.lookup(PDFName.of("FontName"), PDFName).decodeText());
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
    expect(names.map((name) => name.slice(7)).sort()).toEqual(["DejaVuSans", "DejaVuSans-Bold"]);
    for (const dict of descriptors) {
      const file = dict.lookup(PDFName.of("FontFile2"));
      expect(file).toBeInstanceOf(PDFRawStream);
      if (!(file instanceof PDFRawStream)) continue;
      // only the glyphs used: a small part of the whole font
      expect(file.getContents().length).toBeLessThan(fullSize / 10);
    }
  });

  it("sets names in Vietnamese, Cyrillic and Greek in full, with glyphs for every letter", async () => {
    const bold = fontkit.create(readFileSync(path.resolve("app/assets/fonts/DejaVuSans-Bold.ttf")));
    for (const name of ["Nguyễn Thị Ánh", "Анна Петрова", "Ελένη Παπαδοπούλου", "Ὀδυσσέας Ἀλεξίου"]) {
      const bytes = await certificatePdf({ ...TEXT, name }, ISSUED_AT);
      expect((await load(bytes)).getPageCount()).toBe(1);
      const layout = await certificateLayout({ ...TEXT, name });
      expect(
        linesOf(layout, "name")
          .map((line) => line.text)
          .join(" "),
      ).toBe(name);
      for (const character of name.replace(/ /g, "")) {
        expect(bold.hasGlyphForCodePoint(character.codePointAt(0) ?? 0), `${character} in ${name}`).toBe(true);
      }
    }
  });

  it("gives the same bytes for the same certificate", async () => {
    const first = await certificatePdf(TEXT, ISSUED_AT);
    const second = await certificatePdf({ ...TEXT }, new Date(ISSUED_AT));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const later = await certificatePdf(TEXT, new Date("2025-06-13T10:30:00Z"));
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  });
});

describe("certificate layout", () => {
  it("lays out a typical certificate inside the frame, the name large on one line", async () => {
    const layout = await certificateLayout(TEXT);
    expect(layout.width).toBe(PAGE_WIDTH);
    expect(layout.height).toBe(PAGE_HEIGHT);
    expectTidyPage(layout);
    const [name, ...more] = linesOf(layout, "name");
    expect(more).toHaveLength(0);
    expect(name?.size).toBe(34);
    expect(linesOf(layout, "heading")[0]?.size).toBeGreaterThan(linesOf(layout, "body")[0]?.size ?? Infinity);
    // top to bottom: contest, heading, presented to, name, body, wording, then signature and the check address
    const order = [
      "contest",
      "heading",
      "presentedTo",
      "name",
      "body",
      "wording",
      "signature",
      "checkLabel",
      "checkUrl",
    ];
    const tops = order.map((role) => linesOf(layout, role)[0]?.top ?? NaN);
    expect([...tops].sort((a, b) => b - a)).toEqual(tops);
    // the wording's two paragraphs, each on its own line
    expect(linesOf(layout, "wording").map((line) => line.text)).toEqual([
      "The jury was moved by the patience of this film.",
      "We thank every young artist who took part.",
    ]);
    // the date at the bottom left, level with the signature
    const [date] = linesOf(layout, "date");
    expect(date?.left).toBeLessThan(PAGE_WIDTH / 4);
    expect(date?.y).toBeCloseTo(linesOf(layout, "signature")[0]?.y ?? NaN, 6);
  });

  it("keeps very long texts inside the frame, apart, and above the check address", async () => {
    const layout = await certificateLayout(LONG);
    expectTidyPage(layout);
    const name = linesOf(layout, "name");
    expect(name.length).toBeGreaterThan(1);
    expect(name.map((line) => line.text).join(" ")).toBe(LONG.name);
    for (const line of name) expect(line.size).toBeGreaterThanOrEqual(18);
    expect(linesOf(layout, "contest").length).toBeLessThanOrEqual(2);
    // a 400-character sentence is shown in full
    expect(
      linesOf(layout, "body")
        .map((line) => line.text)
        .join(" "),
    ).toBe(LONG.body);
    const wording = linesOf(layout, "wording");
    expect(wording.length).toBeGreaterThan(3);
    for (const line of wording) expect(line.size).toBeGreaterThanOrEqual(9);
    expect(wording.at(-1)?.text.endsWith("…")).toBe(true);
    // and the PDF is made from it
    const pdf = await load(await certificatePdf(LONG, ISSUED_AT));
    expect(pdf.getPageCount()).toBe(1);
  });

  it("keeps absurd texts inside the frame and apart", async () => {
    const absurd: CertificateText = {
      ...LONG,
      heading: text(300),
      presentedTo: text(300),
      name: "X".repeat(1000),
      body: text(3000),
      wording: Array.from({ length: 40 }, () => text(200)).join("\n"),
      contest: text(1000),
      date: text(300),
      signature: `${text(300)}\n${text(300)}\n${text(300)}`,
      checkLabel: text(600),
      checkUrl: `https://mosaic.example.org/v/${"K".repeat(400)}`,
    };
    expectTidyPage(await certificateLayout(absurd));
  });

  it("draws the signature rule only when there is a signature", async () => {
    const unsigned = await certificateLayout({ ...TEXT, signature: "" });
    expect(unsigned.rules.map((rule) => rule.role)).toEqual(["ornament"]);
    expect(linesOf(unsigned, "signature")).toHaveLength(0);
    expect(linesOf(unsigned, "date")).toHaveLength(1);
    expectTidyPage(unsigned);

    const signed = await certificateLayout({ ...TEXT, signature: "Ambassador A. B.\nPresident of the Meeting" });
    const lines = linesOf(signed, "signature");
    expect(lines.map((line) => line.text)).toEqual(["Ambassador A. B.", "President of the Meeting"]);
    const [signatureRule] = signed.rules.filter((rule) => rule.role === "signature");
    expect(signatureRule?.bottom).toBeGreaterThan(lines[0]?.top ?? Infinity);
    // the signature sits under the rule, in the right half of the page
    for (const line of lines) {
      expect(line.left).toBeGreaterThanOrEqual(signatureRule?.left ?? Infinity);
      expect(line.right).toBeLessThanOrEqual(signatureRule?.right ?? -Infinity);
      expect(line.left).toBeGreaterThan(PAGE_WIDTH / 2);
    }
  });
});

describe("a certificate in Arabic", () => {
  it("gives fontkit the Latin words and numbers inside Arabic turned around, and the quotation marks mirrored", () => {
    // fontkit lays a run that starts in Arabic out right to left, every character of it
    const shown = (text: string) => [...inFontkitOrder(text)].reverse().join("");
    expect(shown("مسابقة الشباب 2025")).toBe("2025 بابشلا ةقباسم");
    expect(shown("عن العمل «Hands that rebuild» في فئة")).toBe("ةئف يف «Hands that rebuild» لمعلا نع");
    expect(inFontkitOrder("1 ديسمبر 2026")).toBe("1 ديسمبر 6202");
    // a line that starts in Latin letters, or has no Arabic, is laid out left to right as given
    expect(inFontkitOrder("Amaya R. — 2025")).toBe("Amaya R. — 2025");
    expect(inFontkitOrder("Hands — عن العمل")).toBe("Hands — عن العمل");
  });
});
