import { BadRequestError, PayloadTooLargeError } from '../errors/domain-errors';
import { assertJsonShape } from './json-body';

const limits = { maxDepth: 3, maxContainers: 5 };

describe('assertJsonShape', () => {
  it('accepts bodies within the depth and container limits', () => {
    expect(() => assertJsonShape('{"a":[{"b":1}],"c":{}}', limits)).not.toThrow();
    expect(() => assertJsonShape('"just a string"', limits)).not.toThrow();
  });

  it('refuses nesting deeper than the limit with a 400', () => {
    expect(() => assertJsonShape('{"a":{"b":{"c":{}}}}', limits)).toThrow(BadRequestError);
    // Depth is nesting, not the number of containers seen.
    expect(() => assertJsonShape('[[[]],[[]]]', { maxDepth: 3, maxContainers: 100 })).not.toThrow();
  });

  it('refuses more objects and arrays than the limit with a 413', () => {
    expect(() => assertJsonShape('[{},{},{},{},{}]', limits)).toThrow(PayloadTooLargeError);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(() => assertJsonShape('{"a":"{{{{[[[[","b":"\\\\","c":"\\"{{{{{{"}', limits)).not.toThrow();
  });
});
