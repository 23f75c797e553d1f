import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failedFileOf, run } from './cli';
import { progressLine } from './progress';

async function output(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (line) => out.push(line), err: (text) => err.push(text), isTty: false });
  return { code, out: out.join('\n'), err: err.join('') };
}

describe('the command line', () => {
  it('names the failed file after the input, and a retry of a failed file after itself', () => {
    expect(failedFileOf('data/members.csv', 'csv')).toBe('data/members.failed.csv');
    expect(failedFileOf('data/members.failed.csv', 'csv')).toBe('data/members.failed.csv');
    expect(failedFileOf('items.json', 'jsonl')).toBe('items.failed.jsonl');
    expect(failedFileOf('v1.2/list', 'csv')).toBe('v1.2/list.failed.csv');
  });

  it('prints its version, and help with examples, formats and exit codes', async () => {
    expect(await output('--version')).toEqual({ code: 0, out: '0.1.0', err: '' });
    const help = await output('--help');
    expect(help.code).toBe(0);
    for (const text of ['Examples:', '--dry-run', 'Formats', 'JSON Lines', 'Exit codes:', 'SEGMENTS_TENANT'])
      expect(help.out).toContain(text);
    const importHelp = await output('import', '--help');
    expect(importHelp.out).toContain('--dry-run');
    expect(importHelp.out).toContain('Exit codes:');
  });

  it('shows progress with the total, rate and time left', () => {
    expect(progressLine(2000, 3, 10_000, 4000)).toBe('2000/10000 rows (20%) · 500 rows/s · ETA 16s · 3 failed');
    expect(progressLine(600, 0, undefined, 2000)).toBe('600 rows · 300 rows/s');
    expect(progressLine(10, 0, 100_000, 1000)).toBe('10/100000 rows (0%) · 10 rows/s · ETA 2h 46m');
    expect(progressLine(0, 0, 5, 0)).toBe('0/5 rows (0%) · 0 rows/s');
  });
});

describe('the command line against a stand-in service', () => {
  /** Serves `answer` on a free port; returns its URL and the requests it saw. */
  async function standIn(answer: (request: IncomingMessage, response: ServerResponse, seen: string[]) => void) {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      answer(request, response, seen);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
  }
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

  it("retries answers 503 and 429 through the client library, after the server's Retry-After", async () => {
    const service = await standIn((request, response, seen) => {
      const tries = seen.filter((line) => line === seen.at(-1)).length;
      if (request.url?.endsWith('/segments/vip') && tries === 1)
        return send(
          response,
          503,
          { code: 503, status: 'Service Unavailable', message: 'busy' },
          { 'retry-after': '0' },
        );
      if (request.url?.includes('/customers?') && tries === 1)
        return send(response, 429, { code: 429, status: 'Too Many Requests', message: 'slow' }, { 'retry-after': '0' });
      send(response, 200, request.url?.endsWith('/segments/vip') ? { id: 'vip' } : []);
    });
    const out = join(mkdtempSync(join(tmpdir(), 'segments-cli-')), 'vip.csv');
    try {
      const result = await output(
        'export',
        'customers',
        '--segment',
        'vip',
        '--out',
        out,
        '--base-url',
        service.url,
        '--tenant',
        'acme',
        '--token',
        't',
      );
      expect(result).toEqual({
        code: 0,
        out: `Exported 0 customers of segment vip to ${out}.`,
        err: 'The service answered 503; try 2 of 5 in 0 s.\nThe service answered 429; try 2 of 5 in 0 s.\n',
      });
      expect(service.seen).toEqual([
        'GET /customer-segment/acme/segments/vip',
        'GET /customer-segment/acme/segments/vip',
        'GET /customer-segment/acme/segments/vip/customers?pageNumber=1&pageSize=500',
        'GET /customer-segment/acme/segments/vip/customers?pageNumber=1&pageSize=500',
      ]);
      expect(readFileSync(out, 'utf8')).toBe('customerId,legalEntityId,mixins\n');
    } finally {
      await service.close();
    }
  });

  it('stops with exit code 2 and the OAuth error when the credentials are refused', async () => {
    const service = await standIn((_, response) =>
      send(response, 401, { error: 'invalid_client', error_description: 'Invalid client credentials.' }),
    );
    try {
      const result = await output(
        'export',
        'customers',
        '--segment',
        'vip',
        '--out',
        'never.csv',
        '--base-url',
        service.url,
        '--tenant',
        'acme',
        '--client-id',
        'id',
        '--client-secret',
        'wrong',
      );
      expect(result).toEqual({
        code: 2,
        out: '',
        err: 'Token request failed with 401: invalid_client: Invalid client credentials.\n',
      });
      expect(service.seen).toEqual(['POST /oauth/token']);
    } finally {
      await service.close();
    }
  });
});
