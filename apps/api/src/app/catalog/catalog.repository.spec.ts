import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { categoryEventData, productEventData } from './catalog.events';
import { toCategoryRow, toProductRow } from './catalog.mapper';
import { CatalogRepository } from './catalog.repository';

const repository = (db: RecordingDatabase) => new CatalogRepository(db.dataSource);
const upserted = [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }];

describe('CatalogRepository', () => {
  it('renders every statement as in catalog.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'catalog.repository.sql'));
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
    const categoryData = categoryEventData('shoes', category);
    const productData = productEventData('sku-1', product, ['shoes', 'sale']);
    await sql.record('findCategory', (db) => repository(db).findCategory('t1', 'shoes'));
    await sql.record('findProduct', (db) => repository(db).findProduct('t1', 'sku-1'));
    await sql.record(
      'upsertCategory',
      (db) =>
        repository(db).upsertCategory(db.manager, {
          tenant: 't1',
          id: 'shoes',
          values: category,
          eventData: categoryData,
        }),
      upserted,
    );
    await sql.record(
      'upsertProduct',
      (db) =>
        repository(db).upsertProduct(db.manager, {
          tenant: 't1',
          id: 'sku-1',
          values: product,
          expectedVersion: 3,
          eventData: productData,
        }),
      upserted,
    );
    await sql.record('replaceProductCategories', async (db) => {
      const categories = { tenant: 't1', productId: 'sku-1', categoryIds: ['shoes', 'sale'], eventData: productData };
      await repository(db).replaceProductCategories(db.manager, { ...categories, productUnchanged: false });
      await repository(db).replaceProductCategories(db.manager, { ...categories, productUnchanged: true });
    });
    await sql.record('deleteCategory and deleteProduct', async (db) => {
      await repository(db).deleteCategory(db.manager, 't1', 'shoes');
      await repository(db).deleteProduct(db.manager, 't1', 'sku-1');
    });
    await sql.record(
      'lockCategoryTree and createsCycle',
      async (db) => {
        await repository(db).lockCategoryTree(db.manager, 't1');
        return repository(db).createsCycle(db.manager, 't1', 'shoes', 'clothing');
      },
      [],
      [{ cycle: false }],
    );
    await sql.record('lockCategoryTexts and lockProductTexts', async (db) => {
      await repository(db).lockCategoryTexts(db.manager, 't1', 'shoes');
      await repository(db).lockProductTexts(db.manager, 't1', 'sku-1');
    });
    sql.check();
  });
});
