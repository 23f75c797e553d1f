import { createProjector, parseFields, projectFields, QueryError } from './index';

const DOC = {
  id: 'seg-1',
  name: { en: 'Gold', de: 'Gold' },
  status: 'ACTIVE',
  metadata: { version: 3, createdAt: '2021-05-18T07:27:27.455Z', mixins: { a: 'https://schema' } },
  items: [{ id: 'i1', type: 'PRODUCT', extra: 1 }, { id: 'i2', type: 'CATEGORY' }, 'plain'],
  empty: null as null,
};

describe('projectFields', () => {
  it('returns the document unchanged when fields is absent or blank', () => {
    expect(projectFields(DOC, undefined)).toBe(DOC);
    expect(projectFields(DOC, '')).toBe(DOC);
    expect(projectFields(DOC, ' , ')).toBe(DOC);
  });

  it('keeps the listed fields (seed example `name,type`) and always the top-level id', () => {
    expect(projectFields(DOC, 'name,status')).toEqual({ id: 'seg-1', name: DOC.name, status: 'ACTIVE' });
    expect(projectFields({ name: 'x', type: 'y', other: 1 }, 'name,type')).toEqual({ name: 'x', type: 'y' });
  });

  it('follows dotted paths, projects arrays element-wise and keeps nested ids only when asked', () => {
    expect(projectFields(DOC, 'metadata.version, name.en ,items.type,empty')).toEqual({
      id: 'seg-1',
      metadata: { version: 3 },
      name: { en: 'Gold' },
      items: [{ type: 'PRODUCT' }, { type: 'CATEGORY' }],
      empty: null,
    });
    expect(projectFields(DOC, 'items.id')).toEqual({ id: 'seg-1', items: [{ id: 'i1' }, { id: 'i2' }] });
    expect(projectFields(DOC, 'items')).toEqual({ id: 'seg-1', items: DOC.items });
  });

  it('yields nothing for unknown paths or paths through non-objects', () => {
    expect(projectFields(DOC, 'nope,status.x,metadata.nope,empty.x')).toEqual({ id: 'seg-1' });
    expect(projectFields({ a: 1 }, 'b')).toEqual({});
  });

  it('a whole field wins over its sub-paths, in either order', () => {
    expect(projectFields(DOC, 'metadata,metadata.version')).toEqual({ id: 'seg-1', metadata: DOC.metadata });
    expect(projectFields(DOC, 'metadata.version,metadata')).toEqual({ id: 'seg-1', metadata: DOC.metadata });
  });

  it('projects a list of documents element-wise and never touches prototypes', () => {
    const project = createProjector('status,__proto__,constructor');
    expect([DOC, { id: 'x', status: 'INACTIVE' }].map(project)).toEqual([
      { id: 'seg-1', status: 'ACTIVE' },
      { id: 'x', status: 'INACTIVE' },
    ]);
    const hostile = JSON.parse('{"id":"h","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const projected = projectFields(hostile, '__proto__') as Record<string, unknown>;
    expect(Object.getPrototypeOf(projected)).toBe(Object.prototype);
    expect(Object.keys(projected)).toEqual(['__proto__', 'id']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses into a tree and limits its length', () => {
    expect(parseFields('a.b,a.c,d')).toEqual(
      new Map<string, unknown>([
        [
          'a',
          new Map([
            ['b', true],
            ['c', true],
          ]),
        ],
        ['d', true],
      ]),
    );
    expect(() => parseFields('a,'.repeat(2001))).toThrow(QueryError);
  });
});
