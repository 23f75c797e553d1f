import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { endpointUrlProblem, isPrivateAddress, RefusedAddressError, safeLookup } from './url-safety';

describe('webhook URL safety', () => {
  it.each([
    '127.0.0.1',
    '10.2.3.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
    '::a9fe:a9fe',
    '::ffff:0:a9fe:a9fe',
    '64:ff9b:1::a00:1',
    '2002:a00:1::1',
    'fec0::1',
    'not-an-address',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it('accepts https URLs of public hosts, and http or private ones only when allowed', () => {
    expect(endpointUrlProblem('https://hooks.example.com/in?x=1', false)).toBeUndefined();
    expect(endpointUrlProblem('http://hooks.example.com/in', false)).toBe('must be an https URL');
    expect(endpointUrlProblem('http://127.0.0.1:8080/in', true)).toBeUndefined();
    expect(endpointUrlProblem('ftp://hooks.example.com/in', true)).toBe('must be an http or https URL');
    expect(endpointUrlProblem('hooks.example.com/in', false)).toBe('must be an absolute URL');
    expect(endpointUrlProblem('https://user:pw@hooks.example.com/', false)).toBe('must not hold credentials');
    expect(endpointUrlProblem('https://hooks.example.com/#x', false)).toBe('must not have a fragment');
    for (const url of [
      'https://localhost/',
      'https://localhost./',
      'https://a.localhost/',
      'https://10.0.0.1/',
      'https://0x7f000001/',
      'https://2130706433/',
      'https://[::1]/',
      'https://[::169.254.169.254]/',
    ])
      expect(endpointUrlProblem(url, false)).toBe('must not point to a loopback, link-local or private address');
  });

  it('refuses to connect to a host name that resolves to a private address, unless allowed', async () => {
    const server = createServer((_, response) => response.end('ok')).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (allowPrivate: boolean) =>
      new Promise<string>((resolve, reject) =>
        request({ host: 'localhost', port, lookup: safeLookup(allowPrivate) }, (response) => {
          response.resume();
          resolve(String(response.statusCode));
        })
          .on('error', reject)
          .end(),
      );
    try {
      await expect(get(false)).rejects.toBeInstanceOf(RefusedAddressError);
      await expect(get(true)).resolves.toBe('200');
    } finally {
      server.close();
    }
  });
});
