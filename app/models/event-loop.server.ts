/**
 * Lets the server answer others before a long computation or read goes on. On SQLite every query
 * runs synchronously on the event loop, and a chain of awaited queries and computations never
 * gives the loop back on its own (promises resolve as microtasks): a macrotask boundary does.
 * Pages that read or compute over a whole contest await this between their steps, so that one
 * organizer's 50,000-entry dashboard does not hold every other visitor's request.
 */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
