/**
 * Checks a WebVTT caption file (https://www.w3.org/TR/webvtt1/) well enough that a browser will
 * show it: the "WEBVTT" signature, at least one cue, timings that parse and move forward, and no
 * cue that ends after the media does. Pure, so it is unit-tested alone; the server reads the file.
 */
export const MAX_CAPTIONS_BYTES = 256 * 1024;

import type { Problem } from "./problem";

export type CaptionsCheck = { ok: true; cues: number; text: string } | { ok: false; problem: Problem };

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/** Seconds from a WebVTT timestamp ("01:02.500" or "1:01:02.500"), or null. */
export function parseTimestamp(text: string) {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, hours = "0", minutes, seconds, millis] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

/** How far a cue may run past the media's measured duration (encoders round). */
const END_SLACK_SEC = 1;

export function checkWebVtt(bytes: Uint8Array, durationSec: number | null): CaptionsCheck {
  if (bytes.byteLength > MAX_CAPTIONS_BYTES) {
    return { ok: false, problem: { key: "captions.tooLarge", values: { size: MAX_CAPTIONS_BYTES / 1024 } } };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { key: "captions.notText" } };
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const blocks = text.split(/\n{2,}/);
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(blocks[0] ?? ""))
    return { ok: false, problem: { key: "captions.notWebVtt" } };

  let cues = 0;
  const kept: string[] = [];
  for (const [index, block] of blocks.slice(1).entries()) {
    const lines = block
      .replace(/\n+$/, "")
      .split("\n")
      .filter((line, i) => i > 0 || line.trim() !== "");
    if (lines.length === 0 || /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0]!)) continue;
    const timingAt = lines[0]!.includes("-->") ? 0 : 1;
    const timingLine = lines[timingAt];
    if (!timingLine?.includes("-->")) {
      return { ok: false, problem: { key: "captions.badCue", values: { number: index + 1 } } };
    }
    const [startText = "", rest = ""] = timingLine.split("-->");
    const start = parseTimestamp(startText.trim());
    const end = parseTimestamp(rest.trim().split(/[ \t]+/)[0] ?? "");
    cues += 1;
    if (start == null || end == null || end <= start) {
      return { ok: false, problem: { key: "captions.badTiming", values: { number: cues } } };
    }
    if (durationSec != null && end > durationSec + END_SLACK_SEC) {
      return {
        ok: false,
        problem: { key: "captions.pastEnd", values: { number: cues, seconds: Math.round(durationSec) } },
      };
    }
    kept.push(lines.slice(timingAt).join("\n"));
  }
  if (cues === 0) return { ok: false, problem: { key: "captions.noCues" } };
  // Only the timings and the words go on: the header's text, notes, styles and cue names can
  // carry who made the file ("NOTE subtitles by …"), and judges receive these files.
  return { ok: true, cues, text: `WEBVTT\n\n${kept.join("\n\n")}\n` };
}
