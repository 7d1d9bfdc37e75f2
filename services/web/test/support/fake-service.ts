import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** A stand-in for a service's HTTP API, for unit tests of the web application only. */
export class FakeService {
  readonly requests: RecordedRequest[] = [];
  private answer: (request: RecordedRequest) => FakeAnswer = () => ({ status: 200, body: {} });

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeService> {
    // The request handler needs the instance, which needs the server's port: assigned once listening.
    const holder: { fake?: FakeService } = {};
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const recorded = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
        holder.fake?.requests.push(recorded);
        const answer = holder.fake?.answer(recorded) ?? { status: 500 };
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    holder.fake = new FakeService(server, `http://127.0.0.1:${address.port}`);
    return holder.fake;
  }

  answerWith(answer: (request: RecordedRequest) => FakeAnswer): void {
    this.answer = answer;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }
}
