import { BadRequestError } from '../errors/domain-errors';
import { applySegmentPatch, patchableDocument } from './segment-patch';
import { SegmentRow, toResponse, toRow } from './segments.mapper';

const row = (overrides: Partial<SegmentRow> = {}): SegmentRow => ({
  id: 'gold',
  name: { en: 'Gold', de: 'Gold DE' },
  description: null,
  status: 'ACTIVE',
  site_code: 'main',
  validity_from: null,
  validity_to: null,
  criteria: null,
  mixins: {},
  metadata_mixins: {},
  version: 3,
  created_at: new Date('2024-01-01T00:00:00Z'),
  modified_at: new Date('2024-01-02T00:00:00Z'),
  ...overrides,
});

const badRequest = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    return error as BadRequestError;
  }
  throw new Error('expected a BadRequestError');
};

describe('toRow', () => {
  it('defaults status to INACTIVE and clears absent optional fields', () => {
    expect(toRow({ name: { en: 'Gold' }, siteCode: 'main' }, undefined)).toEqual({
      name: { en: 'Gold' },
      description: null,
      status: 'INACTIVE',
      site_code: 'main',
      validity_from: null,
      validity_to: null,
      criteria: null,
      mixins: {},
      metadata_mixins: {},
    });
  });

  it('merges Content-Language strings into the stored maps', () => {
    const values = toRow({ name: 'Gold FR', description: 'Desc FR', siteCode: 'main' }, 'fr', {
      name: { en: 'Gold' },
      description: { en: 'Desc' },
      criteria: 'customer.active:true',
    });
    expect(values.name).toEqual({ en: 'Gold', fr: 'Gold FR' });
    expect(values.description).toEqual({ en: 'Desc', fr: 'Desc FR' });
    // Absent criteria stay as stored; null clears them.
    expect(values.criteria).toBe('customer.active:true');
    expect(
      toRow({ name: { en: 'x' }, siteCode: 'main', criteria: null }, undefined, {
        name: {},
        description: null,
        criteria: 'a:b',
      }).criteria,
    ).toBeNull();
  });

  it('rejects maps with a Content-Language, strings without one, an empty name and an inverted validity', () => {
    expect(badRequest(() => toRow({ name: { en: 'x' }, siteCode: 'main' }, 'de')).details?.[0].field).toBe('name');
    expect(badRequest(() => toRow({ name: 'x', siteCode: 'main' }, undefined)).details?.[0].field).toBe('name');
    expect(badRequest(() => toRow({ name: {}, siteCode: 'main' }, undefined)).details?.[0].field).toBe('name');
    const inverted = {
      name: { en: 'x' },
      siteCode: 'main',
      validity: { from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' },
    };
    expect(badRequest(() => toRow(inverted, undefined)).details?.[0].field).toBe('validity.from');
  });

  it('stores an empty description map as no description', () => {
    expect(toRow({ name: { en: 'x' }, description: {}, siteCode: 'main' }, undefined).description).toBeNull();
  });
});

describe('toResponse', () => {
  it('omits absent optional fields and localizes with Accept-Language', () => {
    expect(toResponse(row(), ['de'])).toEqual({
      id: 'gold',
      name: 'Gold DE',
      status: 'ACTIVE',
      siteCode: 'main',
      metadata: { createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-02T00:00:00.000Z', version: 3 },
    });
  });

  it('returns validity ends, mixins and their schemas when present', () => {
    const doc = toResponse(
      row({
        validity_to: new Date('2030-01-01T00:00:00Z'),
        mixins: { a: { b: 1 } },
        metadata_mixins: { a: 'https://x/a.json' },
      }),
      [],
    );
    expect(doc).toMatchObject({
      validity: { to: '2030-01-01T00:00:00.000Z' },
      mixins: { a: { b: 1 } },
      metadata: { mixins: { a: 'https://x/a.json' } },
    });
    expect(doc.validity).not.toHaveProperty('from');
  });
});

describe('applySegmentPatch', () => {
  const document = () => patchableDocument(row({ description: { en: 'Desc' }, mixins: { attrs: { level: 1 } } }));

  it('works on the writable document only', () => {
    expect(document()).toEqual({
      name: { en: 'Gold', de: 'Gold DE' },
      description: { en: 'Desc' },
      status: 'ACTIVE',
      siteCode: 'main',
      mixins: { attrs: { level: 1 } },
      metadata: { mixins: {} },
    });
  });

  it('applies add, remove and replace without changing its input', () => {
    const input = document();
    const patched = applySegmentPatch(
      input,
      [
        { op: 'replace', path: '/status', value: 'INACTIVE' },
        { op: 'remove', path: '/description' },
        { op: 'add', path: '/mixins/attrs/tier', value: 'top' },
      ],
      undefined,
    );
    expect(patched).toMatchObject({ status: 'INACTIVE', mixins: { attrs: { level: 1, tier: 'top' } } });
    expect(patched).not.toHaveProperty('description');
    expect(input).toEqual(document());
  });

  it('addresses one language of /name and /description with Content-Language', () => {
    const patched = applySegmentPatch(
      patchableDocument(row()),
      [
        { op: 'replace', path: '/name', value: 'Or' },
        { op: 'add', path: '/description', value: 'Description FR' },
        { op: 'remove', path: '/name/de' },
      ],
      'fr',
    );
    expect(patched.name).toEqual({ en: 'Gold', fr: 'Or' });
    expect(patched.description).toEqual({ fr: 'Description FR' });
  });

  it('answers 400 for other ops, unresolvable paths, missing values, prototype paths and empty patches', () => {
    const cases: unknown[] = [
      [{ op: 'move', from: '/status', path: '/siteCode' }],
      [{ op: 'test', path: '/status', value: 'ACTIVE' }],
      [{ op: 'replace', path: '/nothing/here', value: 1 }],
      [{ op: 'replace', path: '/status' }],
      [{ op: 'add', path: 'status', value: 'x' }],
      [{ op: 'add', path: '/__proto__/polluted', value: 'x' }],
      ['replace'],
      [],
      { op: 'replace', path: '/status', value: 'x' },
    ];
    for (const body of cases) badRequest(() => applySegmentPatch(document(), body, undefined));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the failing path in the error details', () => {
    const error = badRequest(() => applySegmentPatch(document(), [{ op: 'remove', path: '/mixins/none' }], undefined));
    expect(error.details).toEqual([
      expect.objectContaining({ field: '/mixins/none', type: 'OPERATION_PATH_UNRESOLVABLE' }),
    ]);
  });
});
