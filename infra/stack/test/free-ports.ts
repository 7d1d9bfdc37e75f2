import { createServer } from 'node:net';

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => {
      resolvePromise(undefined);
    });
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => {
        resolvePromise(bound);
      });
    });
  });
}

/** A port the OS says is free now; the stack defaults the controller to kafkaPort + 1, so `pair` checks both. */
export async function freePort(options: { pair?: boolean } = {}): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await listenOn(0);
    if (port === undefined || port >= 65_535) continue;
    if (options.pair !== true || (await listenOn(port + 1)) !== undefined) return port;
  }
  throw new Error('no free TCP port found');
}
