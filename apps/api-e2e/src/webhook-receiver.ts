import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One message as the receiver took it. */
export interface Received {
  path: string;
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** The sender's port of the connection it came on (which process sent it, for the tests that ask). */
  remotePort: number | undefined;
}

/**
 * How the receiver answers a message on a path: a status and headers (after `delayMs`, if given), or `hang` (never
 * answer).
 */
export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number } | 'hang';

/**
 * A real webhook receiver on a local port: records every message, answers per path as told (200 by default), and
 * verifies signatures with `standardwebhooks` for the secrets it is given.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly hanging = new Set<ServerResponse>();
  /** Per path: the requests open now (received, not answered) and the most there ever were at once. */
  private readonly open = new Map<string, { now: number; max: number }>();
  private readonly server: Server = createServer((request, response) => {
    const opened = this.opened(request.url ?? '/');
    opened.now += 1;
    opened.max = Math.max(opened.max, opened.now);
    response.on('close', () => (opened.now -= 1));
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.received.push({
        path,
        id: String(request.headers['webhook-id']),
        headers: request.headers,
        body,
        at: Date.now(),
        remotePort: request.socket.remotePort,
      });
      const answer = this.answers.get(path) ?? { status: 200 };
      if (answer === 'hang') this.hanging.add(response);
      else if (answer.delayMs)
        setTimeout(() => response.writeHead(answer.status, answer.headers).end(), answer.delayMs);
      else response.writeHead(answer.status, answer.headers).end();
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answer(path: string, answer: Answer): void {
    this.answers.set(path, answer);
  }

  /** The most requests to `path` that were open (received, not yet answered or closed) at once. */
  maxOpen(path: string): number {
    return this.opened(path).max;
  }

  private opened(path: string): { now: number; max: number } {
    let found = this.open.get(path);
    if (!found) this.open.set(path, (found = { now: 0, max: 0 }));
    return found;
  }

  on(path: string): Received[] {
    return this.received.filter((message) => message.path === path);
  }

  /** The messages of `path` once there are at least `count` (polling, within `ms`). */
  async waitFor(path: string, count: number, ms = 15_000): Promise<Received[]> {
    for (const deadline = Date.now() + ms; Date.now() < deadline;) {
      if (this.on(path).length >= count) return this.on(path);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${path} received ${this.on(path).length} of ${count} messages`);
  }

  /** The parsed body when the signature verifies with `secret` (throws otherwise). */
  verify(message: Received, secret: string): unknown {
    return new Webhook(secret).verify(message.body, message.headers as Record<string, string>);
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
