import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { parseRetryAfter, WebhookSender } from './sender';
import { randomSecret, signedHeaders } from './signature';

describe('WebhookSender', () => {
  let server: Server;
  let url: string;
  let answer: (request: IncomingMessage, response: ServerResponse, body: string) => void;
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        answer(request, response, body);
      });
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => server.close());

  const sender = (options = {}) => new WebhookSender({ timeoutMs: 2_000, allowPrivate: true, ...options });

  it('POSTs the body with headers that verify with either secret during a rotation', async () => {
    answer = (_, response) => response.writeHead(204).end();
    const secrets = { secret: randomSecret(), previousSecret: randomSecret() };
    const body = JSON.stringify({ id: '42', type: 'customer.customer-created' });
    const client = sender();
    const result = await client.send(url, { ...signedHeaders('42', body, secrets) }, body);
    client.close();
    expect(result).toEqual({ status: 204, latencyMs: expect.any(Number), error: null });
    const [{ headers, body: sent }] = received.slice(-1);
    expect(sent).toBe(body);
    expect(headers['content-type']).toBe('application/json');
    for (const secret of [secrets.secret, secrets.previousSecret])
      expect(new Webhook(secret).verify(sent, headers as Record<string, string>)).toEqual(JSON.parse(body));
    expect(() => new Webhook(randomSecret()).verify(sent, headers as Record<string, string>)).toThrow();
  });

  it('reports non-2xx answers, Retry-After of 429 and 503, and does not follow redirects', async () => {
    const client = sender();
    answer = (_, response) => response.writeHead(429, { 'retry-after': '7' }).end('slow down');
    expect(await client.send(url, {}, '{}')).toMatchObject({ status: 429, error: 'answered 429', retryAfterMs: 7_000 });
    answer = (_, response) => response.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
    expect(await client.send(url, {}, '{}')).toMatchObject({ status: 302, error: expect.stringMatching(/redirects/) });
    answer = (_, response) => response.writeHead(500, { 'retry-after': '7' }).end();
    expect(await client.send(url, {}, '{}')).toEqual({
      status: 500,
      latencyMs: expect.any(Number),
      error: 'answered 500',
    });
    client.close();
  });

  it('ends an attempt that gets no answer within the timeout, and one to a refused address', async () => {
    answer = () => undefined;
    const slow = sender({ timeoutMs: 200 });
    expect(await slow.send(url, {}, '{}')).toEqual({
      status: null,
      latencyMs: expect.any(Number),
      error: 'no answer within 200 ms',
    });
    slow.close();
    const strict = sender({ allowPrivate: false });
    const before = received.length;
    // An address in the URL never reaches the lookup: the URL itself is checked again at every attempt.
    expect(await strict.send(url, {}, '{}')).toMatchObject({
      status: null,
      error: 'not sent: the URL must be an https URL',
    });
    expect(await strict.send('https://[::ffff:127.0.0.1]:1/', {}, '{}')).toMatchObject({
      status: null,
      error: 'not sent: the URL must not point to a loopback, link-local or private address',
    });
    expect(received).toHaveLength(before);
    strict.close();
  });

  it('reads Retry-After as seconds or a date, at most a day', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('999999', now)).toBe(86_400_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
