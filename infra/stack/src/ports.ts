import { createConnection, createServer } from 'node:net';

/** Fails early with a clear message instead of a server dying on EADDRINUSE in its log file. */
export async function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  const free = await new Promise<boolean>((resolvePromise) => {
    const server = createServer();
    server.once('error', () => {
      resolvePromise(false);
    });
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.close(() => {
        resolvePromise(true);
      });
    });
  });
  if (!free) {
    throw new Error(`port ${port} for ${what} is in use by another process; choose another with ${envName}`);
  }
}

/** Sends one request line over TCP and returns what came back before the timeout. */
export function tcpRequest(port: number, request: string, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise) => {
    let received = '';
    const socket = createConnection({ host: '127.0.0.1', port });
    const finish = (): void => {
      socket.destroy();
      resolvePromise(received);
    };
    socket.setTimeout(timeoutMs, finish);
    socket.once('error', finish);
    socket.once('connect', () => {
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (received.includes('\r\n')) finish();
    });
  });
}
