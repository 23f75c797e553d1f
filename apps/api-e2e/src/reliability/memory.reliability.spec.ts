import { TEST_TENANT } from '@cs/api/testing';
import { INVALID_TOKEN_BODY } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isErrorBody, report } from './harness';
import { buildService, ChildOutput, startService } from './processes';

/**
 * Memory stays bounded: the built service as a real process with the heap cap of `npm start`
 * (`--max-old-space-size=192`), default limits except shorter timeouts. Maximal valid bulks in
 * parallel and unauthenticated maximal uploads at the same time are all answered and the process
 * lives, under a resident-set bound; a body sent one byte a second is cut at the request timeout; an
 * oversized header gets 431; an unauthenticated upload is refused before it is read.
 */
const HEAP_CAP_MB = 192;
const RSS_BOUND_MB = 400;
const REQUEST_TIMEOUT_MS = 5000;
const HEADERS_TIMEOUT_MS = 2000;
/** Bulks wait at most this long for the body budget (their wait counts towards the request timeout). */
const BUDGET_WAIT_MS = 3000;
const BODY_LIMIT = 10 * 1024 * 1024;
const PARALLEL_BULKS = 16;
const UNAUTHENTICATED_UPLOADS = 128;
const SEGMENT = 'memory';
const BULK_PATH = `/customer-segment/${TEST_TENANT}/segments/${SEGMENT}/customers/bulk`;

interface Answer {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
  error?: string;
}

/** One request through node:http; the answer counts even when the server closes before the whole body was sent. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer,
): Promise<Answer> {
  return new Promise((resolve) => {
    let answer: Answer | undefined;
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: text }));
      response.on('error', () => resolve({ status: response.statusCode, headers: response.headers, body: text }));
      answer = { status: response.statusCode };
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(answer ?? { error: error.code ?? error.message }));
    request.end(body);
  });
}

/** Writes `chunks` to a raw connection (with `pauseMs` between them) and collects what comes back until the server closes. */
function rawExchange(
  port: number,
  chunks: Array<string | Buffer>,
  pauseMs: number,
): Promise<{ text: string; closedAfterMs: number; chunksSent: number }> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let chunksSent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: Date.now() - startedAt, chunksSent });
    });
    const writeNext = (index: number) => {
      if (index >= chunks.length || socket.destroyed) return;
      socket.write(chunks[index]);
      chunksSent = index + 1;
      timer = setTimeout(() => writeNext(index + 1), pauseMs);
    };
    writeNext(0);
  });
}

function statusCounts(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.status !== undefined ? String(answer.status) : `no answer (${answer.error})`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('reliability: memory under maximal requests', () => {
  let database: ScratchDatabase;
  let service: ChildOutput;
  let port: number;
  let token: string;
  let peakRssMb = 0;
  let sampler: NodeJS.Timeout;
  let dataDir: string;

  const status = () => readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1]);

  beforeAll(async () => {
    buildService();
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'cs-memory-'));
    const started = await startService(
      {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
        HTTP_BODY_BUDGET_WAIT_MS: String(BUDGET_WAIT_MS),
      },
      { nodeArgs: [`--max-old-space-size=${HEAP_CAP_MB}`] },
    );
    service = started.process;
    port = Number(new URL(started.baseUrl).port);
    token = started.token;
    const created = await fetch(`http://127.0.0.1:${port}/customer-segment/${TEST_TENANT}/segments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: SEGMENT, name: { en: SEGMENT }, siteCode: 'main' }),
    });
    expect(created.status).toBe(201);
    sampler = setInterval(() => {
      if (service.child.exitCode === null) peakRssMb = Math.max(peakRssMb, kilobytes('VmRSS') / 1024);
    }, 50);
  }, 120_000);

  afterAll(async () => {
    clearInterval(sampler);
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers ${PARALLEL_BULKS} parallel maximal bulks and ${UNAUTHENTICATED_UPLOADS} unauthenticated maximal uploads, and stays under ${RSS_BOUND_MB} MB`, async () => {
    // 200 items of ~50 KB mixins: just under the 10 MiB body limit.
    const mixins = { profile: { notes: 'x'.repeat(50_000) } };
    const bulk = Buffer.from(JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ customerId: `c${i}`, mixins }))));
    expect(bulk.length).toBeLessThanOrEqual(BODY_LIMIT);
    const upload = Buffer.alloc(BODY_LIMIT, ' ');
    const idleRssMb = kilobytes('VmRSS') / 1024;

    const startedAt = Date.now();
    const [bulks, uploads] = await Promise.all([
      Promise.all(
        Array.from({ length: PARALLEL_BULKS }, () =>
          send(
            port,
            'PUT',
            BULK_PATH,
            { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': bulk.length },
            bulk,
          ),
        ),
      ),
      Promise.all(
        Array.from({ length: UNAUTHENTICATED_UPLOADS }, () =>
          send(port, 'PUT', BULK_PATH, { 'content-type': 'application/json', 'content-length': upload.length }, upload),
        ),
      ),
    ]);
    const elapsedMs = Date.now() - startedAt;
    const alive = service.child.exitCode === null && service.child.signalCode === null;
    const highWaterMb = alive ? kilobytes('VmHWM') / 1024 : NaN;

    report(
      [
        `Memory under maximal requests (heap cap ${HEAP_CAP_MB} MB)`,
        `  ${PARALLEL_BULKS} bulks of ${(bulk.length / 1e6).toFixed(1)} MB: ${JSON.stringify(statusCounts(bulks))}`,
        `  ${UNAUTHENTICATED_UPLOADS} unauthenticated uploads of ${(upload.length / 1e6).toFixed(1)} MB: ${JSON.stringify(statusCounts(uploads))}`,
        `  RSS: idle ${idleRssMb.toFixed(0)} MB, sampled peak ${peakRssMb.toFixed(0)} MB, VmHWM ${highWaterMb.toFixed(0)} MB (bound ${RSS_BOUND_MB}); ${elapsedMs} ms; process ${alive ? 'alive' : 'DIED'}`,
      ].join('\n'),
    );
    expect(alive).toBe(true);
    for (const answer of bulks) {
      expect([207, 503]).toContain(answer.status);
      if (answer.status === 503) {
        expect(answer.headers?.['retry-after']).toBe('1');
        expect(isErrorBody(JSON.parse(answer.body ?? ''), 503)).toBe(true);
      } else {
        expect(
          (JSON.parse(answer.body ?? '') as Array<{ code: number }>).every(
            (item) => item.code === 201 || item.code === 204,
          ),
        ).toBe(true);
      }
    }
    expect(bulks.some((answer) => answer.status === 207)).toBe(true);
    for (const answer of uploads) expect(answer.status).toBe(401);
    expect(highWaterMb).toBeLessThan(RSS_BOUND_MB);
  }, 60_000);

  it('refuses an unauthenticated upload with 401 before reading it', async () => {
    // Only the headers and the first 64 KB of a 10 MB body are sent; the answer must come anyway.
    const head = `PUT ${BULK_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${BODY_LIMIT}\r\n\r\n`;
    const { text, closedAfterMs } = await rawExchange(port, [head + '['.padEnd(64 * 1024, ' ')], 0);
    report(
      `Unauthenticated 10 MB upload, 64 KB sent: ${text.split('\r\n')[0] || 'no answer'}, connection closed after ${closedAfterMs} ms`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
    expect(text).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual(INVALID_TOKEN_BODY);
  }, 10_000);

  it(`cuts a body sent one byte a second at the request timeout (${REQUEST_TIMEOUT_MS} ms) with 408`, async () => {
    // Sending the whole body would take a minute; the server must cut it long before.
    const body = JSON.stringify([{ customerId: 'slow'.repeat(12) }]);
    const head = `PUT ${BULK_PATH} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { text, closedAfterMs, chunksSent } = await rawExchange(port, [head, ...body.split('')], 1000);
    report(
      `Slow-loris body (1 byte/s): ${text.split('\r\n')[0] || 'no answer'}, connection closed after ${closedAfterMs} ms, ${chunksSent - 1} of ${body.length} body bytes sent (request timeout ${REQUEST_TIMEOUT_MS} ms)`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(isErrorBody(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)), 408)).toBe(true);
    expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
    // How much later than the timeout the cut comes depends on the machine's load (Node checks once a second).
    expect(chunksSent).toBeLessThan(1 + body.length);
  }, 90_000);

  it('answers a 70 KB header with 431 and the Emporix error body', async () => {
    const head = `GET /customer-segment/${TEST_TENANT}/segments HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(70 * 1024)}\r\n\r\n`;
    const { text } = await rawExchange(port, [head], 0);
    report(`70 KB header: ${text.split('\r\n')[0] || 'no answer'}`);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(isErrorBody(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)), 431)).toBe(true);
  }, 10_000);
});
