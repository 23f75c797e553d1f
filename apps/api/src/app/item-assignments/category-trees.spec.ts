import { buildCategoryTrees } from './category-trees';
import { CategoryRow } from './item-assignments.repository';

const row = (id: string, parent_id: string | null, extra: Partial<CategoryRow> = {}): CategoryRow => ({
  id,
  parent_id,
  code: `code-${id}`,
  name: { en: `EN ${id}`, de: `DE ${id}` },
  description: {},
  slug: {},
  ecn: [],
  validity_from: null,
  validity_to: null,
  position: null,
  published: true,
  isSegmentAssigned: false,
  ...extra,
});

describe('buildCategoryTrees', () => {
  it('nests rows under their parents, keeping the row order on every level', () => {
    const trees = buildCategoryTrees(
      [row('b', 'root'), row('root', null), row('a', 'root'), row('b1', 'b', { isSegmentAssigned: true })],
      [],
    );
    expect(trees.map((node) => node.id)).toEqual(['root']);
    expect(trees[0].subcategories.map((node) => node.id)).toEqual(['b', 'a']);
    expect(trees[0].subcategories[0].subcategories).toEqual([
      expect.objectContaining({ id: 'b1', parentId: 'b', isSegmentAssigned: true, subcategories: [] }),
    ]);
  });

  it('makes a category whose parent is not among the rows a root', () => {
    const trees = buildCategoryTrees([row('orphan', 'gone'), row('root', null)], []);
    expect(trees.map((node) => node.id)).toEqual(['orphan', 'root']);
    expect(trees[0].parentId).toBe('gone');
  });

  it('maps the stored fields, leaving out empty ones, and localizes with Accept-Language', () => {
    const full = row('c', null, {
      description: { en: 'Desc', de: 'Beschreibung' },
      slug: { en: 'c-slug' },
      ecn: ['E1'],
      validity_from: new Date('2024-01-01T00:00:00Z'),
      position: 3,
      published: false,
    });
    expect(buildCategoryTrees([full], [])[0]).toEqual({
      id: 'c',
      code: 'code-c',
      name: { en: 'EN c', de: 'DE c' },
      localizedDescription: { en: 'Desc', de: 'Beschreibung' },
      localizedSlug: { en: 'c-slug' },
      ecn: ['E1'],
      validity: { from: '2024-01-01T00:00:00.000Z' },
      position: 3,
      published: false,
      isSegmentAssigned: false,
      subcategories: [],
    });
    expect(buildCategoryTrees([full], ['de'])[0]).toMatchObject({
      name: 'DE c',
      localizedDescription: 'Beschreibung',
      localizedSlug: 'c-slug',
    });
    expect(buildCategoryTrees([row('d', null)], ['de'])[0]).not.toHaveProperty('localizedDescription');
  });

  it('returns no trees for no rows', () => {
    expect(buildCategoryTrees([], [])).toEqual([]);
  });
});
