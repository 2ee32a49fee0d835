import { createServer, type AddressInfo } from "node:net";

/** A port nobody listens on now, for a server a test starts as its own process. */
export function freePort() {
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` holds (the test's own timeout ends a wait for something that never comes). */
export async function until(check: () => boolean | Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}
