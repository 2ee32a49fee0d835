/**
 * The presigned URLs of a multipart upload's parts, asked for ahead: when a part's PUT starts
 * and one of the next parts in `queue` (as many as are sent at once, `ahead`) has no URL yet,
 * the URLs of the next 2 × `ahead` parts that have none are asked for in one request, so a part
 * rarely waits for its URL, and the server signs a few at a time rather than one per request.
 * Otherwise a round trip to the server would sit between every two PUTs of each connection.
 * Prefetched URLs are used within a few parts' time, far from their expiry; a part sent again
 * (`fresh`) asks for a new one. URLs already `given` (the start answer's, for the first parts)
 * are used without asking.
 */
export function partUrls(
  queue: readonly number[],
  ahead: number,
  sign: (parts: number[]) => Promise<Record<number, string> | null | undefined>,
  given: Record<number, string> = {},
) {
  const asked = new Map<number, Promise<string | null>>(
    Object.entries(given).map(([n, url]) => [Number(n), Promise.resolve(url)]),
  );
  const ask = (parts: number[]) => {
    const answer = sign(parts).catch(() => null);
    for (const n of parts)
      asked.set(
        n,
        answer.then((urls) => urls?.[n] ?? null),
      );
  };
  return function urlFor(n: number, fresh = false): Promise<string | null> {
    const unasked = (m: number) => m !== n && !asked.has(m);
    const next = queue.slice(0, ahead).some(unasked) ? queue.slice(0, 2 * ahead).filter(unasked) : [];
    if (fresh || !asked.has(n)) ask([n, ...next]);
    else if (next.length > 0) ask(next);
    const url = asked.get(n)!;
    asked.delete(n);
    return url;
  };
}
