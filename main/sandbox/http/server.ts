import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeRequestHandler } from './dispatcher';

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts a node:http server on 127.0.0.1 (random port unless given). `close()` also drops keep-alive sockets. */
export function startHttpServer(
  handler: NodeRequestHandler,
  options: { port?: number } = {},
): Promise<RunningHttpServer> {
  const server = createServer(handler);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
