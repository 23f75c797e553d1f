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
}

/** How the receiver answers a message on a path: a status and headers, or `hang` (never answer). */
export type Answer = { status: number; headers?: Record<string, string> } | 'hang';

/**
 * A real webhook receiver on a local port: records every message, answers per path as told (200 by default), and
 * verifies signatures with `standardwebhooks` for the secrets it is given.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly server: Server = createServer((request, response) => {
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
      });
      const answer = this.answers.get(path) ?? { status: 200 };
      if (answer === 'hang') this.hanging.add(response);
      else response.writeHead(answer.status, answer.headers).end();
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  answer(path: string, answer: Answer): void {
    this.answers.set(path, answer);
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
