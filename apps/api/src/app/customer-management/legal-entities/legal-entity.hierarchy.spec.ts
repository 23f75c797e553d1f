import { BadRequestError } from '../../errors/domain-errors';
import { checkParent } from './legal-entity.hierarchy';

describe('checkParent', () => {
  const rejection = (run: () => void): string => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).details).toEqual([expect.objectContaining({ field: 'parentId' })]);
      return (error as BadRequestError).message;
    }
    throw new Error('expected a 400');
  };

  it('accepts a company without parent and a subsidiary under an existing, unrelated entity', () => {
    expect(() => checkParent('a', 'COMPANY', undefined, [])).not.toThrow();
    expect(() => checkParent('c', 'SUBSIDIARY', 'b', ['b', 'a'])).not.toThrow();
  });

  it('rejects a company with a parent and a subsidiary without one', () => {
    expect(rejection(() => checkParent('a', 'COMPANY', 'b', ['b']))).toMatch(/COMPANY has no parent/);
    expect(rejection(() => checkParent('a', 'SUBSIDIARY', undefined, []))).toMatch(/needs a parentId/);
  });

  it('rejects an unknown parent, the entity itself and any descendant (a cycle)', () => {
    expect(rejection(() => checkParent('a', 'SUBSIDIARY', 'ghost', []))).toMatch(/'ghost' does not exist/);
    expect(rejection(() => checkParent('a', 'SUBSIDIARY', 'a', ['a']))).toMatch(/own parent/);
    // a <- b: making a a subsidiary of b closes a -> b -> a.
    expect(rejection(() => checkParent('a', 'SUBSIDIARY', 'b', ['b', 'a']))).toMatch(/cycle/);
    // a <- b <- c: making a a subsidiary of c closes a -> c -> b -> a.
    expect(rejection(() => checkParent('a', 'SUBSIDIARY', 'c', ['c', 'b', 'a']))).toMatch(/cycle/);
  });
});
