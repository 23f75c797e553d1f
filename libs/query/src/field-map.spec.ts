import { describeQueryFields, FieldMap, resolveField } from './index';

describe('describeQueryFields', () => {
  const fields: FieldMap = {
    id: { sql: 's.id', type: 'string' },
    name: { sql: 's.name', type: 'localized' },
    'customerGroups.id': { sql: 's.groups', type: 'list', element: 'id' },
    mixins: { sql: 's.mixins', type: 'json', sortable: true },
  };

  it('names every key of the map, with the language or json path a q condition adds', () => {
    expect(describeQueryFields(fields)).toBe(
      'q fields: `id`, `name.<lang>`, `customerGroups.id`, `mixins.*` (without `.<lang>`: in any language).',
    );
  });

  it('names only paths q resolves against the map', () => {
    const names = describeQueryFields(fields)
      .replace(/\(.*\)/, '')
      .match(/`[^`]+`/g);
    for (const name of names ?? []) {
      const path = name.slice(1, -1).replace('<lang>', 'en').replace('*', 'a');
      expect(() => resolveField(fields, path.split('.'))).not.toThrow();
    }
    expect(names).toHaveLength(Object.keys(fields).length);
  });

  it('leaves out the language note when no field is localized', () => {
    expect(describeQueryFields({ id: fields.id })).toBe('q fields: `id`.');
  });
});
