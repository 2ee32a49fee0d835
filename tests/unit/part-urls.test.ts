import { describe, expect, it } from "vitest";
import { partUrls } from "~/components/media/part-urls";

/** The URLs of `queue`'s parts, three sent at once, after a start that gave the first three's. */
function afterStart(queue: number[]) {
  const requests: number[][] = [];
  const urlFor = partUrls(
    queue,
    3,
    async (parts) => {
      requests.push(parts);
      return Object.fromEntries(parts.map((n) => [n, `url-${n}`]));
    },
    { 1: "given-1", 2: "given-2", 3: "given-3" },
  );
  return { requests, urlFor };
}

describe("the URLs of an upload's parts", () => {
  it("are asked for ahead, the next parts' in one request, and anew for a part sent again", async () => {
    const requests: number[][] = [];
    const queue = [1, 2, 3, 4, 5, 6, 7];
    const urlFor = partUrls(queue, 3, async (parts) => {
      requests.push(parts);
      return Object.fromEntries(parts.map((n) => [n, `url-${n}-${requests.length}`]));
    });
    // three connections take parts 1, 2 and 3 as the uploader does
    const first = [queue.shift()!, queue.shift()!, queue.shift()!].map((n) => urlFor(n));
    expect(await Promise.all(first)).toEqual(["url-1-1", "url-2-2", "url-3-3"]);
    expect(requests).toEqual([[1, 4, 5, 6, 7], [2], [3]]);
    // part 4's URL came with part 1's, and so did those of the parts after it: no request
    expect(await urlFor(queue.shift()!)).toBe("url-4-1");
    expect(requests).toHaveLength(3);
    // a part that failed is sent with a new URL
    expect(await urlFor(4, true)).toBe("url-4-4");
    // no answer (a dropped connection): no URL, and the uploader tries again
    const failing = partUrls([1], 3, () => Promise.reject(new Error("offline")));
    expect(await failing(1)).toBeNull();
  });

  it("uses the URLs the start answered with, and asks only for the parts after them", async () => {
    const queue = [1, 2, 3, 4, 5, 6, 7];
    const { requests, urlFor } = afterStart(queue);
    const first = [queue.shift()!, queue.shift()!, queue.shift()!].map((n) => urlFor(n));
    expect(await Promise.all(first)).toEqual(["given-1", "given-2", "given-3"]);
    // one request, for the parts after them, while the first three are sent
    expect(requests).toEqual([[4, 5, 6, 7]]);
    expect(await urlFor(queue.shift()!)).toBe("url-4");
    // a given URL that failed is not used again
    expect(await urlFor(1, true)).toBe("url-1");
  });

  it("in a long upload, are asked for a few at a time, never more than twice as far ahead as parts are sent", async () => {
    const queue = Array.from({ length: 25 }, (_, i) => i + 1);
    const { requests, urlFor } = afterStart(queue);
    // three connections, each taking the next part as its last one ends, as the uploader does
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      const sending = n;
      expect(await urlFor(n)).toBe(sending <= 3 ? `given-${sending}` : `url-${sending}`);
      for (const asked of requests.at(-1) ?? []) expect(asked).toBeLessThanOrEqual(sending + 6);
    }
    expect(requests.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 22 }, (_, i) => i + 4));
    expect(requests.length).toBeLessThanOrEqual(6);
  });
});
