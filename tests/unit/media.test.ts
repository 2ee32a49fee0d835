import { describe, expect, it } from "vitest";
import { declaredType, needsRendition, prepareTimeoutMs, videoRenditionSides } from "~/models/media";

describe("the type a file is declared as", () => {
  it.each([
    // what the browser says, when it says something
    [{ name: "clip.mov", type: "video/quicktime" }, "video/quicktime"],
    [{ name: "song.mp3", type: "audio/mpeg" }, "audio/mpeg"],
    // a phone's film or a recording the browser names no type for: its extension's
    [{ name: "IMG_0042.MOV", type: "" }, "video/quicktime"],
    [{ name: "interview.M4A", type: "application/octet-stream" }, "audio/mp4"],
    [{ name: "photo.JPEG", type: "" }, "image/jpeg"],
    // nothing to go on: nothing is made up
    [{ name: "notes", type: "" }, ""],
    [{ name: "tool.exe", type: "application/octet-stream" }, "application/octet-stream"],
  ])("%o is %s", (file, type) => {
    expect(declaredType(file)).toBe(type);
  });
});

describe("a video's renditions", () => {
  it.each([
    // width, height: the web rendition's shorter side, the light one's (null: none is made)
    [3840, 2160, 1080, 480],
    [1920, 1080, 1080, 480],
    [1080, 1920, 1080, 480], // a phone held upright gets the same quality
    [1280, 720, 720, 480],
    [854, 480, 480, null], // already light
    [640, 360, 360, null],
    [321, 241, 240, null], // even sides only: H.264 in 4:2:0 needs them
    [null, null, 1080, 480], // unknown size: the limits
  ])("of %s×%s: %s and %s", (width, height, web, light) => {
    expect(videoRenditionSides(width, height)).toEqual({ web, light });
  });

  it("are made for every video, and for sound only in a codec some browsers cannot play", () => {
    expect(needsRendition("video", null)).toBe(true);
    expect(needsRendition("video", "aac")).toBe(true);
    expect(needsRendition("audio", "pcm_s16le")).toBe(true);
    expect(needsRendition("audio", "vorbis")).toBe(true);
    expect(needsRendition("audio", "flac")).toBe(true);
    expect(needsRendition("audio", "mp3")).toBe(false);
    expect(needsRendition("audio", "aac")).toBe(false);
    expect(needsRendition("image", null)).toBe(false);
    expect(needsRendition("document", null)).toBe(false);
  });

  it("may take time in proportion to the category's longest recording, or this one where there is no limit", () => {
    expect(prepareTimeoutMs(30, 300)).toBe((60 + 4 * 300) * 1000);
    expect(prepareTimeoutMs(30, null)).toBe((60 + 4 * 30) * 1000);
    expect(prepareTimeoutMs(400, 300)).toBe((60 + 4 * 400) * 1000);
  });
});
