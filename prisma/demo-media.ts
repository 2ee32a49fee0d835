import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "../app/services/db.server";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import sharp from "sharp";
import { prepareAsset } from "../app/models/media-prepare.server";
import { verifyAsset } from "../app/models/media-verify.server";
import { testPattern } from "../app/services/ffmpeg.server";
import { newObjectKey, storage } from "../app/services/storage.server";
import { wavHeader } from "./wav";

/**
 * Small generated files for the demo's entries, so that judges, organizers and the gallery have
 * something to look at on a fresh machine: abstract pictures (drawn from an SVG), a two-second
 * test-pattern video, a tone and a one-page essay. Each goes up to storage under its own key and
 * through the same check as an entrant's upload (type, size, metadata removal, previews).
 */
type Made = { bytes: Buffer; type: string; name: string };

const PALETTE = ["#0f4c5c", "#b4461b", "#f4a259", "#5b8e7d", "#bc4b51", "#8cb369", "#f4e285", "#3d5a80"];

async function picture(seed: number, type: string): Promise<Made> {
  let state = seed + 1;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const shapes = Array.from({ length: 9 }, () => {
    const colour = PALETTE[Math.floor(random() * PALETTE.length)];
    const [x, y, r] = [random() * 800, random() * 533, 40 + random() * 160];
    return random() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}" fill-opacity="0.8"/>`
      : `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" rx="12" fill="${colour}" fill-opacity="0.8"/>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="533"><rect width="800" height="533" fill="#f6f4ef"/>${shapes}</svg>`;
  const image = sharp(Buffer.from(svg));
  const bytes = type === "image/png" ? await image.png().toBuffer() : await image.jpeg({ quality: 80 }).toBuffer();
  return {
    bytes,
    type: type === "image/png" ? "image/png" : "image/jpeg",
    name: `picture-${seed}.${type === "image/png" ? "png" : "jpg"}`,
  };
}

function tone(seconds: number, hz: number): Made {
  const rate = 22_050;
  const samples = Buffer.alloc(rate * seconds * 2);
  for (let i = 0; i < rate * seconds; i++) {
    const fade = Math.min(1, i / 2000, (rate * seconds - i) / 2000);
    samples.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 8000 * fade), i * 2);
  }
  const bytes = Buffer.concat([wavHeader(samples.length, { channels: 1, sampleRate: rate }), samples]);
  return { bytes, type: "audio/wav", name: `tone-${hz}.wav` };
}

async function essay(): Promise<Made> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([420, 595]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    "Side by side",
    "",
    "A demo essay for Mosaic. Assistance to survivors is",
    "medical care, rehabilitation, psychological support,",
    "and a place in the life of the whole community.",
  ];
  lines.forEach((line, i) =>
    page.drawText(line, { x: 40, y: 540 - i * 22, size: i === 0 ? 18 : 12, font, color: rgb(0.12, 0.16, 0.22) }),
  );
  return { bytes: Buffer.from(await pdf.save()), type: "application/pdf", name: "essay.pdf" };
}

async function video(): Promise<Made> {
  const dir = await mkdtemp(path.join(tmpdir(), "mosaic-demo-"));
  try {
    const file = path.join(dir, "pattern.mp4");
    await testPattern(file, 2);
    return { bytes: await readFile(file), type: "video/mp4", name: "pattern.mp4" };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Gives up to `limit` submitted or eligible entries of the contest that have no files one
 * generated file each, checked like an upload. Returns how many were accepted.
 */
export async function attachDemoMedia(db: PrismaClient, contestId: string, limit: number) {
  if (limit <= 0) return 0;
  const entries = await db.entry.findMany({
    where: { contestId, status: { not: "draft" }, media: { none: {} } },
    include: { category: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  const made = new Map<string, Made>();
  // One kind of file per category, by what it accepts; pictures come in twelve variations.
  const fileFor = async (allowed: string[], n: number): Promise<Made | null> => {
    const image = ["image/jpeg", "image/png"].find((t) => allowed.includes(t));
    const key = allowed.includes("video/mp4")
      ? "video"
      : image
        ? `${image}:${n % 12}`
        : allowed.includes("audio/wav")
          ? "audio"
          : allowed.includes("application/pdf")
            ? "pdf"
            : null;
    if (!key) return null;
    if (!made.has(key)) {
      made.set(
        key,
        key === "video"
          ? await video()
          : key === "audio"
            ? tone(2, 440)
            : key === "pdf"
              ? await essay()
              : await picture(n % 12, image!),
      );
    }
    return made.get(key)!;
  };
  let accepted = 0;
  const queue = [...entries.entries()];
  // A few at a time: each check downloads, inspects and re-uploads its file.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [n, entry] = next;
        const file = await fileFor(entry.category.allowedTypes.split(","), n);
        if (!file) continue;
        const objectKey = newObjectKey(`contests/${contestId}/media`);
        await storage().put(objectKey, file.bytes, file.type);
        const asset = await db.mediaAsset.create({
          data: {
            entryId: entry.id,
            state: "uploaded",
            objectKey,
            originalName: file.name,
            declaredType: file.type,
            declaredSize: file.bytes.length,
            altText: file.type.startsWith("image/") ? "Coloured circles and rounded shapes on a light background." : "",
          },
        });
        if (file.type.startsWith("video/") || file.type.startsWith("audio/")) {
          await db.entry.update({
            where: { id: entry.id },
            data: { transcript: "A two-second demo recording, without words." },
          });
        }
        const checked = await verifyAsset(asset.id);
        // the demo's recordings get their web renditions now (the queued job then finds them ready)
        const ready = checked?.state === "preparing" ? await prepareAsset(asset.id) : checked;
        if (ready?.state === "verified") accepted += 1;
      }
    }),
  );
  return accepted;
}
