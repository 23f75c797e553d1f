import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing';
import { toCategoryRow, toProductRow } from './catalog.mapper';
import { CatalogRepository } from './catalog.repository';

const repository = (db: RecordingDatabase) => new CatalogRepository(db.dataSource);
const upserted = [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }];

describe('CatalogRepository statements', () => {
  const snapshot = new SqlSnapshot(join(__dirname, 'catalog.repository.sql'));
  afterAll(() => snapshot.check());

  it('renders every statement for fixed inputs', async () => {
    const category = toCategoryRow(
      {
        id: 'shoes',
        parentId: 'clothing',
        name: { en: 'Shoes' },
        ecn: ['123'],
        validity: { from: '2025-01-01T00:00:00.000Z' },
        position: 2,
      },
      undefined,
    );
    const product = toProductRow({ id: 'sku-1', code: 'SKU1', name: { en: 'Sneaker' } }, undefined);
    await snapshot.record('findCategory', (db) => repository(db).findCategory('t1', 'shoes'));
    await snapshot.record('findProduct', (db) => repository(db).findProduct('t1', 'sku-1'));
    await snapshot.record(
      'upsertCategory',
      (db) => repository(db).upsertCategory(db.manager, { tenant: 't1', id: 'shoes', values: category }),
      upserted,
    );
    await snapshot.record(
      'upsertProduct',
      (db) =>
        repository(db).upsertProduct(db.manager, { tenant: 't1', id: 'sku-1', values: product, expectedVersion: 3 }),
      upserted,
    );
    await snapshot.record('replaceProductCategories', async (db) => {
      await repository(db).replaceProductCategories(db.manager, 't1', 'sku-1', ['shoes', 'sale']);
      await repository(db).replaceProductCategories(db.manager, 't1', 'sku-2', []);
    });
    await snapshot.record('deleteCategory and deleteProduct', async (db) => {
      await repository(db).deleteCategory(db.manager, 't1', 'shoes');
      await repository(db).deleteProduct(db.manager, 't1', 'sku-1');
    });
    await snapshot.record(
      'lockCategoryTree and createsCycle',
      async (db) => {
        await repository(db).lockCategoryTree(db.manager, 't1');
        return repository(db).createsCycle(db.manager, 't1', 'shoes', 'clothing');
      },
      [],
      [{ cycle: false }],
    );
    await snapshot.record('lockCategoryTexts and lockProductTexts', async (db) => {
      await repository(db).lockCategoryTexts(db.manager, 't1', 'shoes');
      await repository(db).lockProductTexts(db.manager, 't1', 'sku-1');
    });
  });
});
