import { describe, expect, it } from "vitest";
import { checkWebVtt, MAX_CAPTIONS_BYTES, parseTimestamp } from "~/models/webvtt";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("WebVTT captions", () => {
  it("reads timestamps with and without hours", () => {
    expect(parseTimestamp("00:01.500")).toBe(1.5);
    expect(parseTimestamp("01:00:02.250")).toBe(3602.25);
    expect(parseTimestamp("1:02.000")).toBeNull();
    expect(parseTimestamp("00:61.000")).toBeNull();
  });

  it("accepts a file with a header, notes, styles, cue ids and settings", () => {
    const file = [
      "WEBVTT - made by an editing app",
      "",
      "STYLE",
      "::cue { color: yellow }",
      "",
      "NOTE the speaker is the workshop's founder",
      "",
      "intro",
      "00:00.000 --> 00:01.200 line:90%",
      "<v Narrator>We make legs here,",
      "",
      "00:01.200 --> 00:02.900",
      "and we make friends.",
      "",
    ].join("\n");
    expect(checkWebVtt(bytes(file), 3)).toMatchObject({ ok: true, cues: 2 });
  });

  it("keeps only timings and words: no header text, notes, styles or cue names that could name the maker", () => {
    const file =
      "WEBVTT made by Ana Lima\n\nNOTE subtitles by Ana Lima\n\nana-1\n00:00.000 --> 00:01.000 align:start\nHello\n";
    expect(checkWebVtt(bytes(file), null)).toEqual({
      ok: true,
      cues: 1,
      text: "WEBVTT\n\n00:00.000 --> 00:01.000 align:start\nHello\n",
    });
  });

  it("refuses what a browser would not show, saying which caption is wrong", () => {
    expect(checkWebVtt(bytes("00:00.000 --> 00:01.000\nHi"), null)).toMatchObject({
      problem: { key: "captions.notWebVtt" },
    });
    expect(checkWebVtt(bytes("WEBVTTX\n\n00:00.000 --> 00:01.000\nHi"), null)).toMatchObject({
      problem: { key: "captions.notWebVtt" },
    });
    expect(checkWebVtt(bytes("WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n\njust text"), null)).toMatchObject({
      problem: { key: "captions.badCue", values: { number: 2 } },
    });
    expect(checkWebVtt(bytes("WEBVTT\n\n00:01.000 --> 00:01.000\nZero length"), null)).toMatchObject({
      problem: { key: "captions.badTiming", values: { number: 1 } },
    });
    expect(checkWebVtt(bytes("WEBVTT\n\n00:05.000 --> 00:07.000\nToo late"), 3)).toMatchObject({
      problem: { key: "captions.pastEnd", values: { number: 1, seconds: 3 } },
    });
    expect(checkWebVtt(new Uint8Array([0x57, 0x45, 0xff, 0xfe]), null)).toMatchObject({
      problem: { key: "captions.notText" },
    });
    expect(checkWebVtt(new Uint8Array(MAX_CAPTIONS_BYTES + 1), null)).toMatchObject({
      problem: { key: "captions.tooLarge" },
    });
  });

  it("allows a cue to end within a second of the measured duration", () => {
    expect(checkWebVtt(bytes("WEBVTT\n\n00:00.000 --> 00:03.900\nLast words"), 3).ok).toBe(true);
  });
});
