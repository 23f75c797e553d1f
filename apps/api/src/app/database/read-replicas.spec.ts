import { parseLsn } from './read-replicas';

describe('parseLsn', () => {
  it('reads WAL positions as Postgres writes them, in their order', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/b374d848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('1/0')).toBeGreaterThan(0xffffffffn);
    expect(parseLsn('0/FFFFFFFF')).toBe(0xffffffffn);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '0/', '/1', '0/1/2', '123456789/0', '0/G', ' 0/1', '0x1/2', '-1/0'])
      expect(parseLsn(text)).toBeUndefined();
  });
});
