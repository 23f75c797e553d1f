import * as dto from '@cs/dto';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, MetadataStorage, validate } from 'class-validator';
import fc from 'fast-check';
import { rememberRuleLookups } from './rule-lookup-cache';
import { checkAs } from './validation';

type Constructor = new () => object;
const storage = getMetadataStorage();
/** The uncached lookup, whether or not the cache is installed. */
const rulesOf = (type: Constructor) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.call(storage, type, '', false, false, undefined);

/** Every request class of @cs/dto: the exported classes class-validator has rules for. */
const DTOS = (Object.entries(dto) as Array<[string, unknown]>)
  .filter((entry): entry is [string, Constructor] => typeof entry[1] === 'function')
  .filter(([, type]) => rulesOf(type).length > 0)
  .sort(([a], [b]) => a.localeCompare(b));
const PROPERTY_NAMES = [...new Set(DTOS.flatMap(([, type]) => rulesOf(type).map((rule) => rule.propertyName)))];

/**
 * Inputs reaching the rules: objects keyed by the DTOs' property names (and an unknown key, to strip) whose
 * values are JSON of any kind, typical strings and numbers, or such objects again (so nested DTOs are
 * exercised too). One fixed-seed sample and the examples below serve every DTO.
 */
const key = fc.constantFrom(...PROPERTY_NAMES, 'unknownKey');
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.constantFrom('', 'x'.repeat(300), 'en', 'ACTIVE', 'PRODUCT', '2024-06-11T10:00:00Z', 1, 2 ** 31, -1),
);
const nested = (depth: number): fc.Arbitrary<unknown> => {
  if (depth === 0) return leaf;
  const object = fc.dictionary(key, nested(depth - 1), { maxKeys: 4 });
  return fc.oneof(leaf, object, fc.array(object, { maxLength: 2 }));
};
/** Request bodies as clients send them (valid for their DTO, mostly invalid for the others), with an unknown key. */
const EXAMPLES: unknown[] = [
  {
    name: { en: 'Gold', de: 'Gold' },
    description: { en: 'Best customers' },
    status: 'ACTIVE',
    siteCode: 'main',
    validity: { from: '2020-01-01T00:00:00.000Z', to: '2090-01-01T00:00:00.000Z' },
    mixins: { loyalty: { tier: 3 } },
    metadata: { version: 2, mixins: { loyalty: 'https://example.com/loyalty.json' } },
    unknownKey: true,
  },
  { customerId: 'c-1', legalEntityId: 'le-1', mixins: {}, metadata: { version: 1 }, unknownKey: 'x' },
  {
    name: 'ACME',
    type: 'COMPANY',
    legalInfo: { legalName: 'ACME Ltd', taxRegistrationNumber: 'DE123' },
    accountLimit: { value: 500, currency: 'EUR' },
    customerGroups: [{ id: 'cg1', name: { en: 'Retail' } }, { id: '' }],
    entitiesAddresses: [{ id: 'loc-1' }],
    unknownKey: [1],
  },
  { segmentIds: ['s1', 's2'], site: 'main', items: [{ id: 'p1' }, { id: 7 }] },
  { id: 'p1', type: 'PRODUCT', code: 'P-1', name: { en: 'Shoe' }, categoryIds: ['c1'] },
];
const INPUTS = [
  ...EXAMPLES,
  ...fc.sample(fc.dictionary(key, nested(2), { maxKeys: 8 }), { numRuns: 25, seed: 20240611 }),
];

/** Everything validation tells about `input` as `type`: the details (fields, types, messages) and what is kept. */
async function outcome(type: Constructor, input: unknown) {
  const { instance, details } = await checkAs(type, structuredClone(input));
  return { details, kept: JSON.parse(JSON.stringify(instance)) as unknown };
}

describe('class-validator rule lookups remembered per class', () => {
  let forget: () => void;
  beforeAll(() => (forget = rememberRuleLookups()));
  afterAll(() => rememberRuleLookups());

  /** Runs `work` with a freshly installed cache over a counting lookup; returns the count per class. */
  async function countingLookUps(work: () => Promise<void>): Promise<(type: object) => number> {
    forget();
    const lookUp = jest.spyOn(MetadataStorage.prototype, 'getTargetValidationMetadatas');
    forget = rememberRuleLookups();
    try {
      await work();
      const targets = lookUp.mock.calls.map(([target]) => target);
      return (type) => targets.filter((target) => target === type).length;
    } finally {
      forget();
      lookUp.mockRestore();
      forget = rememberRuleLookups();
    }
  }

  it('covers the request classes of @cs/dto', () => {
    expect(DTOS.length).toBeGreaterThan(20);
    expect(DTOS.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'SegmentCreation',
        'CustomerAssignmentUpsertBulk',
        'Match',
        'LegalEntityCreate',
        'LocationUpdate',
      ]),
    );
  });

  it('gives the same errors, messages and stripped objects as class-validator without it', async () => {
    for (const [name, type] of DTOS) {
      forget();
      const uncached = await Promise.all(INPUTS.map((input) => outcome(type, input)));
      forget = rememberRuleLookups();
      // The first validation of the class fills the cache (cold), every later one reads it (warm).
      const cached = await Promise.all(INPUTS.map((input) => outcome(type, input)));
      expect({ name, results: cached }).toEqual({ name, results: uncached });
    }
  });

  it('looks the rules of a class up once, however often it is validated', async () => {
    const lookUps = await countingLookUps(async () => {
      for (let i = 0; i < 5; i++) await checkAs(dto.SegmentCreation, { name: { en: 'x' }, status: 'ACTIVE' });
    });
    expect(lookUps(dto.SegmentCreation)).toBe(1);
  });

  it('sees a rule registered after a lookup, also one its subclass inherits', async () => {
    class Base {
      @IsString()
      name!: string;
    }
    class Derived extends Base {}
    const failing = async (input: object) =>
      (await validate(plainToInstance(Derived, input))).map((error) => error.property);
    expect(await failing({ name: 1, count: 'x' })).toEqual(['name']);
    // A rule added to the base class later, as a class loaded later would.
    IsInt()(Base.prototype, 'count');
    expect(await failing({ name: 1, count: 'x' })).toEqual(['name', 'count']);
  });

  it('leaves validations with groups to class-validator', async () => {
    class Grouped {
      @IsString({ groups: ['strict'] })
      name!: string;
    }
    const lookUps = await countingLookUps(async () => {
      expect(await validate(plainToInstance(Grouped, { name: 1 }), { groups: ['strict'] })).toHaveLength(1);
      expect(await validate(plainToInstance(Grouped, { name: 1 }), { groups: ['strict'] })).toHaveLength(1);
    });
    expect(lookUps(Grouped)).toBe(2);
  });

  it('is installed once per storage, and removed by the function it returns', () => {
    const own = () => Object.keys(storage).filter((key) => typeof (storage as never)[key] === 'function');
    expect(rememberRuleLookups()).toBe(forget);
    expect(own().sort()).toEqual(['addValidationMetadata', 'getTargetValidationMetadatas', 'groupByPropertyName']);
    forget();
    expect(own()).toEqual([]);
    forget = rememberRuleLookups();
  });
});
