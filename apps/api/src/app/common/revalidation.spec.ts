import { entityTag, noneMatchHolds } from './revalidation';

describe('entityTag', () => {
  it('is a quoted 22-character tag that changes with every byte', () => {
    expect(entityTag('{"id":"a"}')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(entityTag('{"id":"a"}')).toBe(entityTag('{"id":"a"}'));
    expect(entityTag('{"id":"a"}')).not.toBe(entityTag('{"id":"b"}'));
  });
});

describe('noneMatchHolds', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['', false],
    [undefined, false],
  ])('If-None-Match %p: %p', (header, holds) => expect(noneMatchHolds(header, etag)).toBe(holds));
});
