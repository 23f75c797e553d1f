import { MAX_ITEM_ID_LENGTH, MAX_MATCH_ITEMS, MatchItem } from '@cs/dto';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, validate, ValidateNested } from 'class-validator';
import fc from 'fast-check';
import { toDetails, VALIDATOR_OPTIONS } from '../common/validation';
import { matchItemsErrors } from './match-items';

const fields = (items: unknown) => matchItemsErrors(items).map((detail) => `${detail.field}:${detail.type}`);

/** `items` as the Match DTO declared it before the hand-written check replaced class-validator's nested one. */
class ItemsByClassValidator {
  @IsArray()
  @ArrayMaxSize(MAX_MATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => MatchItem)
  items!: MatchItem[];
}

async function classValidatorDetails(items: unknown) {
  return toDetails(await validate(plainToInstance(ItemsByClassValidator, { items }), VALIDATOR_OPTIONS));
}

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
      'items.2.id:isNotEmpty',
      'items.2.id:isString',
    ]);
    expect(fields([{ id: '' }, { id: 'x'.repeat(129) }])).toEqual(['items.0.id:isNotEmpty', 'items.1.id:maxLength']);
  });

  it.each([
    ['no items', undefined],
    ['null', null],
    ['an object', { id: 'p' }],
    ['a string', 'p1'],
    ['too many items', Array.from({ length: MAX_MATCH_ITEMS + 1 }, (_, i) => ({ id: `p${i}` }))],
    ['primitives and null as items', ['p', 1, true, null]],
    ['ids of other types', [{ id: 7 }, { id: null }, { id: ['p'] }, { id: { en: 'p' } }, { id: true }, {}]],
    ['one object instead of an array', { id: 7, other: 'x' }],
    ['empty and too long ids', [{ id: '' }, { id: 'x'.repeat(MAX_ITEM_ID_LENGTH + 1) }]],
    ['valid items with more properties', [{ id: 'p1', extra: 1 }, { id: 'x'.repeat(MAX_ITEM_ID_LENGTH) }]],
    ['too many items, some bad', [...Array.from({ length: MAX_MATCH_ITEMS }, () => ({ id: 'p' })), { id: '' }, 'p']],
  ])('gives class-validator details (fields, types, messages) for %s', async (_, items) => {
    expect(matchItemsErrors(items)).toEqual(await classValidatorDetails(items));
  });

  it('gives class-validator details for any JSON as items (except arrays in items)', async () => {
    const id = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.string({ minLength: MAX_ITEM_ID_LENGTH - 1, maxLength: MAX_ITEM_ID_LENGTH + 1 }),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const notArray = fc.jsonValue({ maxDepth: 2 }).filter((value) => !Array.isArray(value));
    const item = fc.oneof(fc.record({ id }, { requiredKeys: [] }), fc.record({ id, other: fc.jsonValue() }), notArray);
    const items = fc.oneof(fc.array(item, { maxLength: 8 }), notArray);
    await fc.assert(
      fc.asyncProperty(items, async (items) => {
        expect(matchItemsErrors(items)).toEqual(await classValidatorDetails(items));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an array inside items, which class-validator would check element by element', async () => {
    expect(await classValidatorDetails([[{ id: 'p' }]])).toEqual([]);
    expect(fields([[{ id: 'p' }]])).toEqual(['items.0.id:maxLength', 'items.0.id:isNotEmpty', 'items.0.id:isString']);
  });
});
