import { describe, expect, it } from "vitest";
import { keptByKey } from "~/services/kept";

describe("values kept by key", () => {
  it("works a key out once, and lets the least recently used go first past its bound", () => {
    const made: string[] = [];
    const keep = keptByKey<string>(2);
    const get = (key: string) => keep(key, () => (made.push(key), key.toUpperCase()));
    expect([get("a"), get("b"), get("a")]).toEqual(["A", "B", "A"]);
    expect(made).toEqual(["a", "b"]);
    get("c"); // "b" was used least recently: it leaves
    get("a");
    get("b");
    expect(made).toEqual(["a", "b", "c", "b"]);
  });
});
