import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PDFFont } from "pdf-lib";

/**
 * The certificate an entrant downloads: one A4 landscape page, in the entrant's language, with
 * their name in any script DejaVu Sans covers (Latin with diacritics, Cyrillic, Greek…), and the
 * address where anyone can check that it is genuine. The page is laid out first (`certificateLayout`)
 * and then drawn exactly as laid out, so the tests can see that nothing overlaps or leaves the
 * page, however long the names and wordings organizers and entrants give.
 */

/** What a certificate says, already translated and formatted for its language. */
export type CertificateText = {
  /** BCP 47 tag, written as the PDF catalog's /Lang so screen readers pick the right voice. */
  lang: string;
  /** e.g. "Certificate of participation" or "Certificate of award". */
  heading: string;
  /** e.g. "presented to". */
  presentedTo: string;
  /** The entrant's published name. */
  name: string;
  /** One sentence, e.g. "First place in Video for the work “Hands that rebuild”" (may be long). */
  body: string;
  /** The organizers' own wording: may be empty, may hold paragraphs separated by line breaks. */
  wording: string;
  /** The contest's name (may be long). */
  contest: string;
  /** The issue date, already formatted for the language. */
  date: string;
  /** The organizers' signature line: may be empty, may hold a line break. */
  signature: string;
  /** e.g. "Check that this certificate is genuine at". */
  checkLabel: string;
  /** Absolute URL of the certificate's check page, e.g. "https://mosaic.example.org/v/K7M2Q9XD". */
  checkUrl: string;
};

/** The two weights of DejaVu Sans the certificate is set in. */
export type Face = "regular" | "bold";

/** What the layout needs of a typeface: advance widths, and its height above and below the baseline. */
export type Measure = {
  widthOfTextAtSize(text: string, size: number): number;
  heightAtSize(size: number, options?: { descender?: boolean }): number;
};

export type Colour = readonly [number, number, number];

export type LineRole =
  | "contest"
  | "heading"
  | "presentedTo"
  | "name"
  | "body"
  | "wording"
  | "date"
  | "signature"
  | "checkLabel"
  | "checkUrl";

/** A rectangle in PDF points, origin at the bottom left of the page. */
export type Box = { left: number; bottom: number; right: number; top: number };

/** One line of text as drawn: `x` is its left edge, `y` its baseline; its box spans the font's ascent and descent. */
export type LaidLine = Box & {
  role: LineRole;
  text: string;
  face: Face;
  size: number;
  x: number;
  y: number;
  width: number;
  colour: Colour;
};

/** A horizontal rule: the ornament under the contest's name, and the line the organizers sign on. */
export type Rule = Box & { role: "ornament" | "signature"; y: number; thickness: number };

export type CertificateLayout = {
  width: number;
  height: number;
  /** The double border: the outer and the inner rectangle, both stroked. */
  frames: { outer: Box; inner: Box };
  lines: LaidLine[];
  rules: Rule[];
};

/** A4 landscape, in points. */
export const PAGE_WIDTH = 841.89;
export const PAGE_HEIGHT = 595.28;

const INK: Colour = [0.13, 0.23, 0.38];
const TEXT: Colour = [0.12, 0.13, 0.16];
const SOFT: Colour = [0.27, 0.29, 0.34];
const MUTED: Colour = [0.4, 0.43, 0.49];

const OUTER_INSET = 20;
const INNER_INSET = 26;
const MARGIN = 70;
const CONTENT_LEFT = MARGIN;
const CONTENT_RIGHT = PAGE_WIDTH - MARGIN;
const CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT;
const CENTRE = PAGE_WIDTH / 2;
/** The top of the contest name, and the bottom of the check address: inside the frame with room to breathe. */
const CONTENT_TOP = PAGE_HEIGHT - INNER_INSET - 30;
const CONTENT_BOTTOM = INNER_INSET + 14;
/** The date on the left and the signature on the right each get a column this wide. */
const COLUMN_WIDTH = 250;
/** Room above the signature rule for a hand signature on a printed copy. */
const INK_ROOM = 34;
/** Line advance, as a multiple of the size: more than DejaVu's ascent plus descent (1.164), so lines never touch. */
const LEADING = 1.25;
const ELLIPSIS = "…";

// ---------------------------------------------------------------------------------------------
// Text measuring and wrapping

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** User-perceived characters, so a long word is never broken inside a letter and its accents. */
function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Runs of spaces, tabs and line breaks as one space; the text trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The text broken into lines no wider than `maxWidth` at `size`, between words; a word wider
 * than a whole line (a long name written without spaces, a web address) is broken between
 * characters. Spaces are collapsed first.
 */
export function wrapText(text: string, font: Measure, size: number, maxWidth: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (const word of collapseSpaces(text).split(" ").filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    if (fits(word)) {
      line = word;
      continue;
    }
    for (const character of graphemes(word)) {
      if (line && !fits(line + character)) {
        lines.push(line);
        line = character;
      } else {
        line += character;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size, in quarter points between `smallest` and `largest`, at which the text fits
 * on one line of `maxWidth`; `smallest` when it does not fit even then (the caller wraps it).
 */
export function fitSize(text: string, font: Measure, largest: number, smallest: number, maxWidth: number): number {
  const widthAtOne = font.widthOfTextAtSize(collapseSpaces(text), 1);
  if (widthAtOne <= 0) return largest;
  const size = Math.floor((maxWidth / widthAtOne) * 4) / 4;
  return Math.min(largest, Math.max(smallest, size));
}

/** The line shortened, at a word if it can be, so that it fits with an ellipsis after it: text was left out. */
export function withEllipsis(line: string, font: Measure, size: number, maxWidth: number): string {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate + ELLIPSIS, size) <= maxWidth;
  const words = collapseSpaces(line).split(" ");
  while (words.length > 1 && !fits(words.join(" "))) words.pop();
  const kept = words.join(" ");
  if (fits(kept)) return kept + ELLIPSIS;
  const characters = graphemes(kept);
  while (characters.length > 0 && !fits(characters.join("").trimEnd())) characters.pop();
  return characters.join("").trimEnd() + ELLIPSIS;
}

/** At most `maxLines` lines; when some are left out, the last one kept ends with an ellipsis. */
export function clampLines(lines: string[], maxLines: number, font: Measure, size: number, maxWidth: number): string[] {
  if (lines.length <= maxLines) return lines;
  if (maxLines <= 0) return [];
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? "", font, size, maxWidth);
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Blocks: lines of one role, set in one face and size, placed together

type Align = "centre" | "left";

type Block = {
  role: LineRole;
  face: Face;
  size: number;
  colour: Colour;
  align: Align;
  /** Left edge and width of the column the block is set in. */
  left: number;
  columnWidth: number;
  lines: string[];
  /** Distance from the previous line's baseline to this one's (the first entry is unused). */
  advances: number[];
};

type Faces = Record<Face, Measure>;

function ascent(font: Measure, size: number): number {
  return font.heightAtSize(size, { descender: false });
}

function descent(font: Measure, size: number): number {
  return font.heightAtSize(size) - ascent(font, size);
}

/** From the top of the first line's box to the bottom of the last one's; 0 for an empty block. */
function blockHeight(block: Block, faces: Faces): number {
  if (block.lines.length === 0) return 0;
  const advances = block.advances.slice(1, block.lines.length).reduce((sum, advance) => sum + advance, 0);
  return advances + faces[block.face].heightAtSize(block.size);
}

type BlockStyle = Pick<Block, "role" | "face" | "colour"> & Partial<Pick<Block, "align" | "left" | "columnWidth">>;

/** Paragraphs wrapped at `size`, `paragraphGap` lines apart (half a line unless told). */
function paragraphBlock(
  paragraphs: string[],
  style: BlockStyle,
  size: number,
  faces: Faces,
  paragraphGap = 0.5,
): Block {
  const columnWidth = style.columnWidth ?? CONTENT_WIDTH;
  const lines: string[] = [];
  const advances: number[] = [];
  paragraphs.forEach((paragraph, index) => {
    wrapText(paragraph, faces[style.face], size, columnWidth).forEach((line, lineIndex) => {
      lines.push(line);
      advances.push(size * LEADING + (index > 0 && lineIndex === 0 ? size * paragraphGap : 0));
    });
  });
  advances[0] = 0;
  return { align: "centre", left: CONTENT_LEFT, columnWidth, ...style, size, lines, advances };
}

/** The block cut to its first `count` lines, the last of them ending with an ellipsis when lines were cut. */
function keepLines(block: Block, count: number, faces: Faces): Block {
  const lines = clampLines(block.lines, count, faces[block.face], block.size, block.columnWidth);
  return { ...block, lines, advances: block.advances.slice(0, lines.length) };
}

/**
 * A single text, as large as it can be up to `largest` while it fits on one line; below `smallest`
 * it wraps instead, on at most `maxLines` lines. For the heading, the name and the contest.
 */
function fittedBlock(
  text: string,
  style: BlockStyle,
  sizes: { largest: number; smallest: number },
  maxLines: number,
  faces: Faces,
): Block {
  const size = fitSize(text, faces[style.face], sizes.largest, sizes.smallest, style.columnWidth ?? CONTENT_WIDTH);
  return keepLines(paragraphBlock([text], style, size, faces), maxLines, faces);
}

/**
 * Paragraphs at the largest size, in half points from `largest` down to `smallest`, at which they
 * fit the given number of lines and height; at `smallest`, the lines that fit, with an ellipsis.
 */
function shrunkBlock(
  paragraphs: string[],
  style: BlockStyle,
  sizes: { largest: number; smallest: number },
  room: { maxLines: number; maxHeight: number },
  faces: Faces,
): Block {
  let block = paragraphBlock(paragraphs, style, sizes.largest, faces);
  for (let size = sizes.largest; size >= sizes.smallest; size -= 0.5) {
    block = paragraphBlock(paragraphs, style, size, faces);
    if (block.lines.length <= room.maxLines && blockHeight(block, faces) <= room.maxHeight) return block;
  }
  let count = Math.min(block.lines.length, room.maxLines);
  while (count > 0 && blockHeight({ ...block, lines: block.lines.slice(0, count) }, faces) > room.maxHeight) count--;
  return keepLines(block, count, faces);
}

/** The block's lines with the top of the first line's box at `top`. */
function placeBlock(block: Block, top: number, faces: Faces): LaidLine[] {
  const font = faces[block.face];
  const up = ascent(font, block.size);
  const down = descent(font, block.size);
  let baseline = top - up;
  return block.lines.map((text, index) => {
    if (index > 0) baseline -= block.advances[index] ?? 0;
    const width = font.widthOfTextAtSize(text, block.size);
    const x = block.align === "centre" ? block.left + (block.columnWidth - width) / 2 : block.left;
    return {
      role: block.role,
      text,
      face: block.face,
      size: block.size,
      colour: block.colour,
      x,
      y: baseline,
      width,
      left: x,
      right: x + width,
      top: baseline + up,
      bottom: baseline - down,
    };
  });
}

function rule(role: Rule["role"], centre: number, width: number, y: number, thickness: number): Rule {
  return {
    role,
    y,
    thickness,
    left: centre - width / 2,
    right: centre + width / 2,
    bottom: y - thickness / 2,
    top: y + thickness / 2,
  };
}

/** Paragraphs of a text that may hold line breaks; blank ones dropped. */
function paragraphsOf(text: string): string[] {
  return text
    .split("\n")
    .map(collapseSpaces)
    .filter((paragraph) => paragraph !== "");
}

// ---------------------------------------------------------------------------------------------
// The page

/**
 * Where every line and rule of the certificate goes. The bottom is set first (check address,
 * then date and signature), then the contest name at the top; the heading, the name, the body
 * sentence and the organizers' wording share what is left, centred in it, and the wording, last,
 * shrinks and then is cut short with an ellipsis rather than reach the signature.
 */
function layOut(text: CertificateText, faces: Faces): CertificateLayout {
  const lines: LaidLine[] = [];
  const rules: Rule[] = [];

  // At the very bottom, centred and small: where to check the certificate.
  const url = fittedBlock(
    text.checkUrl,
    { role: "checkUrl", face: "regular", colour: INK },
    { largest: 8, smallest: 6 },
    2,
    faces,
  );
  const label = fittedBlock(
    text.checkLabel,
    { role: "checkLabel", face: "regular", colour: MUTED },
    { largest: 8, smallest: 7 },
    2,
    faces,
  );
  let bottom = CONTENT_BOTTOM;
  for (const block of [url, label]) {
    if (block.lines.length === 0) continue;
    const height = blockHeight(block, faces);
    lines.push(...placeBlock(block, bottom + height, faces));
    bottom += height + 2;
  }

  // Above it, the date on the left and the signature on the right, top-aligned.
  const bandBottom = bottom + 16;
  const date = keepLines(
    paragraphBlock(
      [text.date],
      { role: "date", face: "regular", colour: TEXT, align: "left", columnWidth: COLUMN_WIDTH },
      10,
      faces,
    ),
    2,
    faces,
  );
  const signatureLeft = CONTENT_RIGHT - COLUMN_WIDTH;
  const signature = keepLines(
    paragraphBlock(
      paragraphsOf(text.signature),
      { role: "signature", face: "regular", colour: TEXT, left: signatureLeft, columnWidth: COLUMN_WIDTH },
      10,
      faces,
      0,
    ),
    3,
    faces,
  );
  const bandTop = bandBottom + Math.max(blockHeight(date, faces), blockHeight(signature, faces));
  lines.push(...placeBlock(date, bandTop, faces), ...placeBlock(signature, bandTop, faces));
  let zoneBottom = bandTop + 24;
  if (signature.lines.length > 0) {
    const ruleY = bandTop + 7;
    rules.push(rule("signature", signatureLeft + COLUMN_WIDTH / 2, COLUMN_WIDTH, ruleY, 0.6));
    zoneBottom = ruleY + INK_ROOM;
  }

  // At the top, the contest's name and a short ornament under it.
  const contest = fittedBlock(
    text.contest,
    { role: "contest", face: "bold", colour: INK },
    { largest: 13, smallest: 11 },
    2,
    faces,
  );
  lines.push(...placeBlock(contest, CONTENT_TOP, faces));
  const ornamentY = CONTENT_TOP - blockHeight(contest, faces) - (contest.lines.length > 0 ? 13 : 0);
  rules.push(rule("ornament", CENTRE, 56, ornamentY, 0.8));
  const zoneTop = ornamentY - 20;

  // Between them, the heart of the certificate.
  const heading = fittedBlock(
    text.heading,
    { role: "heading", face: "regular", colour: INK },
    { largest: 30, smallest: 20 },
    2,
    faces,
  );
  const presentedTo = fittedBlock(
    text.presentedTo,
    { role: "presentedTo", face: "regular", colour: MUTED },
    { largest: 12, smallest: 10 },
    2,
    faces,
  );
  const name = fittedBlock(
    text.name,
    { role: "name", face: "bold", colour: TEXT },
    { largest: 34, smallest: 18 },
    3,
    faces,
  );
  const body = shrunkBlock(
    [collapseSpaces(text.body)],
    { role: "body", face: "regular", colour: TEXT },
    { largest: 13, smallest: 10.5 },
    { maxLines: 5, maxHeight: Infinity },
    faces,
  );
  // gap above each block, when there is a block above it
  const fixed: [Block, number][] = [
    [heading, 0],
    [presentedTo, 14],
    [name, 8],
    [body, 16],
  ];
  const present = (blocks: [Block, number][]) => blocks.filter(([block]) => block.lines.length > 0);
  const heightOf = (blocks: [Block, number][]) =>
    present(blocks).reduce((sum, [block, gap], index) => sum + blockHeight(block, faces) + (index > 0 ? gap : 0), 0);
  const wordingGap = 14;
  const room = zoneTop - zoneBottom - heightOf(fixed) - wordingGap;
  const wording = shrunkBlock(
    paragraphsOf(text.wording),
    { role: "wording", face: "regular", colour: SOFT },
    { largest: 10.5, smallest: 9 },
    { maxLines: Infinity, maxHeight: Math.max(0, room) },
    faces,
  );
  const blocks = present([...fixed, [wording, wordingGap]]);
  const free = zoneTop - zoneBottom - heightOf(blocks);
  // a little above the middle, where the eye expects the centre of a page
  let top = zoneTop - Math.max(0, free) * 0.42;
  blocks.forEach(([block, gap], index) => {
    if (index > 0) top -= gap;
    lines.push(...placeBlock(block, top, faces));
    top -= blockHeight(block, faces);
  });

  const frame = (inset: number): Box => ({
    left: inset,
    bottom: inset,
    right: PAGE_WIDTH - inset,
    top: PAGE_HEIGHT - inset,
  });
  return {
    width: PAGE_WIDTH,
    height: PAGE_HEIGHT,
    frames: { outer: frame(OUTER_INSET), inner: frame(INNER_INSET) },
    lines,
    rules,
  };
}

// ---------------------------------------------------------------------------------------------
// The document

type FontFiles = Record<Face, Uint8Array>;

let fontFiles: Promise<FontFiles> | undefined;

/**
 * DejaVu Sans (see app/assets/fonts/LICENSE-DejaVu.txt), read once per process. The server
 * always runs from the project's root, in development, in tests and under `npm start`.
 */
function loadFonts(): Promise<FontFiles> {
  if (!fontFiles) {
    const directory = path.resolve(process.cwd(), "app/assets/fonts");
    fontFiles = Promise.all([
      readFile(path.join(directory, "DejaVuSans.ttf")),
      readFile(path.join(directory, "DejaVuSans-Bold.ttf")),
    ]).then(([regular, bold]) => ({ regular, bold }));
    // a failed read is tried again on the next certificate rather than remembered
    fontFiles.catch(() => (fontFiles = undefined));
  }
  return fontFiles;
}

/** The texts as drawn: composed Unicode (so accents sit on their letters), without control characters. */
function tidy(text: CertificateText): CertificateText {
  const clean = (value: string) =>
    value
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ");
  return Object.fromEntries(Object.entries(text).map(([key, value]) => [key, clean(value)])) as CertificateText;
}

/**
 * The PDF name of a font subset: six capital letters and "+" before the font's name, as the PDF
 * specification asks. The letters come from the characters set in that face, so the same
 * certificate always gets the same name (and the same bytes), and different subsets differ.
 */
function subsetName(fontName: string, texts: string[]): string {
  const characters = [...new Set([...texts.join(""), ELLIPSIS])].sort().join("");
  const digest = createHash("sha256").update(`${fontName}\n${characters}`).digest();
  const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
  return `${tag}+${fontName}`;
}

/** A PDF literal string's content: backslashes and parentheses escaped. */
function pdfLiteral(value: string): string {
  return value.replace(/[\\()]/g, (character) => `\\${character}`);
}

/** The link target as PDF wants it, 7-bit ASCII: an address with other characters is percent-encoded. */
function asciiUrl(url: string): string {
  if (/^[\x21-\x7e]*$/.test(url)) return url;
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

/**
 * pdf-lib and fontkit, loaded with the first certificate: together they hold about 17 MiB, which
 * a server that never makes a certificate (most of the year) need not keep.
 */
async function pdfLibrary() {
  const [pdfLib, fontkit] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]);
  return { ...pdfLib, fontkit: fontkit.default };
}

async function prepare(raw: CertificateText) {
  const text = tidy(raw);
  const files = await loadFonts();
  const { PDFDocument, fontkit } = await pdfLibrary();
  // No default metadata: everything in the information dictionary is set below, dates included.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(files.regular, {
    subset: true,
    customName: subsetName("DejaVuSans", [
      text.heading,
      text.presentedTo,
      text.body,
      text.wording,
      text.date,
      text.signature,
      text.checkLabel,
      text.checkUrl,
    ]),
  });
  const bold = await pdf.embedFont(files.bold, {
    subset: true,
    customName: subsetName("DejaVuSans-Bold", [text.contest, text.name]),
  });
  const faces: Record<Face, PDFFont> = { regular, bold };
  return { text, pdf, faces, layout: layOut(text, faces) };
}

/** Where each line and rule of this certificate goes, as `certificatePdf` draws it. */
export async function certificateLayout(text: CertificateText): Promise<CertificateLayout> {
  return (await prepare(text)).layout;
}

/**
 * The certificate as a PDF: one A4 landscape page, its fonts embedded as subsets, the check
 * address clickable, and its metadata in the certificate's language. The same text and date
 * always give the same bytes, so a certificate downloaded twice is the same file.
 */
export async function certificatePdf(raw: CertificateText, issuedAt: Date): Promise<Uint8Array> {
  const { text, pdf, faces, layout } = await prepare(raw);
  const { PDFName, PDFString, rgb } = await pdfLibrary();
  const page = pdf.addPage([layout.width, layout.height]);
  const colour = ([r, g, b]: Colour) => rgb(r, g, b);

  const { outer, inner } = layout.frames;
  page.drawRectangle({
    x: outer.left,
    y: outer.bottom,
    width: outer.right - outer.left,
    height: outer.top - outer.bottom,
    borderColor: colour(INK),
    borderWidth: 1.6,
  });
  page.drawRectangle({
    x: inner.left,
    y: inner.bottom,
    width: inner.right - inner.left,
    height: inner.top - inner.bottom,
    borderColor: colour(INK),
    borderWidth: 0.6,
  });
  for (const { left, right, y, thickness } of layout.rules) {
    page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness, color: colour(INK) });
  }
  for (const line of layout.lines) {
    page.drawText(inFontkitOrder(line.text), {
      x: line.x,
      y: line.y,
      size: line.size,
      font: faces[line.face],
      color: colour(line.colour),
    });
  }

  // The check address opens in the reader's browser: a link over each of its lines.
  const uri = PDFString.of(pdfLiteral(asciiUrl(text.checkUrl.trim())));
  const links = layout.lines
    .filter((line) => line.role === "checkUrl")
    .map((line) =>
      pdf.context.register(
        pdf.context.obj({
          Type: "Annot",
          Subtype: "Link",
          Rect: [line.left, line.bottom, line.right, line.top],
          Border: [0, 0, 0],
          A: { Type: "Action", S: "URI", URI: uri },
        }),
      ),
    );
  if (links.length > 0) page.node.set(PDFName.of("Annots"), pdf.context.obj(links));

  pdf.setTitle(`${collapseSpaces(text.heading)} — ${collapseSpaces(text.contest)}`, { showInWindowTitleBar: true });
  pdf.setLanguage(text.lang.trim());
  pdf.setProducer("Mosaic");
  pdf.setCreator("Mosaic");
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
/** A run written left to right inside right-to-left text: Latin words, numbers, addresses. */
const LEFT_TO_RIGHT_RUN =
  /[0-9A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f .,:/@_'\u2019%+-]*[0-9A-Za-z\u00c0-\u024f%])?/g;
const MIRRORED: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "«": "»",
  "»": "«",
  "‹": "›",
  "›": "‹",
};

/**
 * A line of Arabic as fontkit must be given it. Fontkit shapes Arabic (joined letter forms) and,
 * for a run whose first letter is Arabic, lays the whole run out right to left — the Latin words
 * and numbers inside it too, which would come out backwards ("2025" as "5202"). So those runs are
 * turned around beforehand, and the brackets and quotation marks between them take their mirrored
 * form, as the Unicode bidirectional algorithm would give them. A line whose first letter is not
 * Arabic is left as it is (fontkit lays it out left to right).
 */
export function inFontkitOrder(text: string): string {
  const firstLetter = /[\p{L}]/u.exec(text)?.[0];
  if (!firstLetter || !ARABIC.test(firstLetter)) return text;
  let out = "";
  let last = 0;
  for (const match of text.matchAll(LEFT_TO_RIGHT_RUN)) {
    out += mirror(text.slice(last, match.index));
    out += [...match[0]].reverse().join("");
    last = match.index + match[0].length;
  }
  return out + mirror(text.slice(last));
}

function mirror(text: string) {
  return [...text].map((c) => MIRRORED[c] ?? c).join("");
}
