/**
 * A value worked out once per key and kept, at most `limit` of them, the least recently used
 * leaving first: `keep(key, make)` answers from memory, or calls `make` and keeps its answer.
 * For work whose answer depends only on its key (a stored text, a query with its values), so
 * that what is kept is never stale; the bound keeps a stream of one-off keys from growing it.
 */
export function keptByKey<V>(limit: number) {
  const values = new Map<string, V>();
  return function keep(key: string, make: () => V): V {
    if (values.has(key)) {
      const known = values.get(key) as V;
      // the most recently used stay longest
      values.delete(key);
      values.set(key, known);
      return known;
    }
    const value = make();
    values.set(key, value);
    if (values.size > limit) values.delete(values.keys().next().value!);
    return value;
  };
}
