import { matchItemsErrors } from './match-items';

const fields = (items: unknown) => matchItemsErrors(items).map((detail) => `${detail.field}:${detail.type}`);

describe('matchItemsErrors', () => {
  it('accepts up to 200 objects with a non-empty string id of at most 128 characters', () => {
    expect(matchItemsErrors([])).toEqual([]);
    expect(matchItemsErrors(Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, extra: true })))).toEqual([]);
    expect(matchItemsErrors([{ id: 'x'.repeat(128) }])).toEqual([]);
  });

  it('names the offending field like class-validator did', () => {
    expect(fields(undefined)).toEqual(['items:arrayMaxSize', 'items:isArray']);
    expect(fields({ id: 'p' })).toEqual(['items:arrayMaxSize', 'items:isArray']);
    expect(fields(Array.from({ length: 201 }, () => ({ id: 'p' })))).toEqual(['items:arrayMaxSize']);
    expect(fields(['p', null])).toEqual(['items.0:nestedValidation', 'items.1:nestedValidation']);
    expect(fields([{ id: 'ok' }, { id: 7 }, {}])).toEqual([
      'items.1.id:maxLength',
      'items.1.id:isString',
      'items.2.id:maxLength',
      'items.2.id:isString',
    ]);
    expect(fields([{ id: '' }, { id: 'x'.repeat(129) }])).toEqual(['items.0.id:isNotEmpty', 'items.1.id:maxLength']);
  });
});
