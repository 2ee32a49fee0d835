import { connect, createServer, type AddressInfo, type Socket } from "node:net";

/**
 * A network link to a real service that a test can cut and restore: while cut, every
 * connection (and every one already open) is dropped, as when the service is unreachable.
 */
export async function startLink(target: string) {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let up = true;
  const cut = () => {
    up = false;
    for (const socket of open) socket.destroy();
  };
  const server = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut,
    restore: () => {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
