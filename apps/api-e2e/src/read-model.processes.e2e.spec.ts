import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CategoryInput, PAST, ProductInput, shape } from './fixtures';
import { buildService, issueToken, Service, startService } from './reliability/processes';
import { readSources, send } from './read-model-reads';
import { TEST_TENANT } from './support';

const SEGMENTS = `/customer-segment/${TEST_TENANT}/segments`;
const CATALOG = `/customer-segment/${TEST_TENANT}/catalog`;
const MANAGE = `tenant=${TEST_TENANT} customersegment.segment_manage customersegment.segment_read customersegment.segment_read_own`;
const CUSTOMER = `tenant=${TEST_TENANT} customersegment.segment_read_own customer_id=cu2`;
const PRODUCTS = ['p-hammer', 'p-spade', 'p-loose'];

/** One spawned service process and its tokens (each process signs with a key of its own). */
interface Process {
  service: Service;
  dataDir: string;
  manage: string;
  customer: string;
}

/**
 * Two processes of the built service on one database, both with warm read models: a write through one is seen by the
 * very next storefront read through the other, with no wait in between. The read generation the other process reads
 * at the start of every read tells it that its model or cached answer is stale.
 */
describe('read model across processes', () => {
  let database: ScratchDatabase;
  let a: Process;
  let b: Process;

  async function start(): Promise<Process> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-read-model-'));
    const service = await startService({ DATABASE_URL: database.url, DATA_DIR: dataDir });
    return {
      service,
      dataDir,
      manage: await issueToken(service.baseUrl, MANAGE),
      customer: await issueToken(service.baseUrl, CUSTOMER),
    };
  }

  /** A write that must succeed (every entry of a 207 too). */
  const write = async (via: Process, method: string, path: string, body?: unknown) => {
    const answer = await send(via.service.baseUrl, via.manage, method, path, body);
    const failed =
      answer.status === 207
        ? (JSON.parse(answer.body) as Array<{ code: number }>).some((result) => result.code >= 300)
        : answer.status >= 300;
    if (failed) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
  };
  const json = async (via: Process, token: string, method: string, path: string, body?: unknown) => {
    const answer = await send(via.service.baseUrl, token, method, path, body);
    if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
    return JSON.parse(answer.body);
  };
  const match = async (via: Process, segmentIds = ['shop']): Promise<string[]> =>
    (
      await json(via, via.manage, 'POST', `${SEGMENTS}/match`, {
        siteCode: 'main',
        segmentIds,
        items: PRODUCTS.map((id) => ({ id })),
      })
    ).map((item: { id: string }) => item.id);
  const trees = async (via: Process, token = via.manage) =>
    shape(await json(via, token, 'GET', `${SEGMENTS}/items/category-trees?siteCode=main`));
  const items = async (via: Process, query = '', token = via.manage): Promise<string[]> =>
    (await json(via, token, 'GET', `${SEGMENTS}/items?pageSize=100${query}`)).map(
      (item: { segmentId: string; type: string; item: { id: string } }) =>
        `${item.segmentId}/${item.type}/${item.item.id}`,
    );
  const categories = (list: CategoryInput[]) => write(a, 'PUT', `${CATALOG}/categories/bulk`, list);
  const products = (list: ProductInput[]) => write(a, 'PUT', `${CATALOG}/products/bulk`, list);

  beforeAll(async () => {
    buildService();
    database = await createTestDatabase();
    a = await start(); // applies the migrations before the second starts
    b = await start();
    await categories([
      { id: 'tools', name: { en: 'Tools' }, position: 0 },
      { id: 'hammers', parentId: 'tools', name: { en: 'Hammers' } },
      { id: 'garden', name: { en: 'Garden' }, position: 1 },
      { id: 'spades', parentId: 'garden', name: { en: 'Spades' } },
    ]);
    await products([
      { id: 'p-hammer', name: { en: 'Hammer' }, categoryIds: ['hammers'] },
      { id: 'p-spade', name: { en: 'Spade' }, categoryIds: ['spades'] },
      { id: 'p-loose', name: { en: 'Loose' } },
    ]);
    await write(a, 'PUT', `${SEGMENTS}/shop`, { name: { en: 'Shop' }, siteCode: 'main', status: 'ACTIVE' });
    await write(a, 'PUT', `${SEGMENTS}/shop/items/CATEGORY/tools`, {});
    // Both read models warm: every read once through each process.
    for (const via of [a, b]) {
      expect(await match(via)).toEqual(['p-hammer']);
      expect(await trees(via)).toEqual([{ 'tools*': ['hammers'] }]);
      expect(await items(via)).toEqual(['shop/CATEGORY/tools']);
      expect(await trees(via, via.customer)).toEqual([]);
    }
  }, 120_000);

  afterAll(async () => {
    for (const process of [a, b]) {
      if (!process) continue;
      process.service.process.child.kill('SIGTERM');
      await process.service.process.exited;
      rmSync(process.dataDir, { recursive: true, force: true });
    }
    await database?.drop();
  });

  it('shows a write through one process in the very next read through the other', async () => {
    const before = await readSources(b.service.baseUrl);

    await write(a, 'PUT', `${SEGMENTS}/shop/items/PRODUCT/p-loose`, {});
    expect(await match(b)).toEqual(['p-hammer', 'p-loose']);
    await write(a, 'PUT', `${SEGMENTS}/shop/items/PRODUCT/p-spade`, {});
    expect(await items(b)).toEqual(['shop/CATEGORY/tools', 'shop/PRODUCT/p-loose', 'shop/PRODUCT/p-spade']);
    await write(a, 'DELETE', `${SEGMENTS}/shop/items/PRODUCT/p-spade`);
    expect(await trees(b)).toEqual([{ 'tools*': ['hammers'] }]);
    expect(await items(b)).toEqual(['shop/CATEGORY/tools', 'shop/PRODUCT/p-loose']);

    // Status: an inactive segment grants nothing, and the active-only reads leave it out.
    await write(a, 'PATCH', `${SEGMENTS}/shop`, [{ op: 'replace', path: '/status', value: 'INACTIVE' }]);
    expect(await match(b)).toEqual([]);
    await write(a, 'PATCH', `${SEGMENTS}/shop`, [{ op: 'replace', path: '/status', value: 'ACTIVE' }]);
    expect(await trees(b)).toEqual([{ 'tools*': ['hammers'] }]);
    await write(a, 'PATCH', `${SEGMENTS}/shop`, [{ op: 'replace', path: '/status', value: 'INACTIVE' }]);
    expect(await trees(b)).toEqual([]);
    expect(await items(b, '&onlyActive=true')).toEqual([]);
    await write(a, 'PATCH', `${SEGMENTS}/shop`, [{ op: 'replace', path: '/status', value: 'ACTIVE' }]);
    expect(await items(b, '&onlyActive=true')).toEqual(['shop/CATEGORY/tools', 'shop/PRODUCT/p-loose']);

    // Validity: a window in the past, then none again.
    await write(a, 'PATCH', `${SEGMENTS}/shop`, [{ op: 'add', path: '/validity', value: PAST }]);
    expect(await match(b)).toEqual([]);
    expect(await trees(b)).toEqual([]);
    expect(await items(b, '&onlyActive=true')).toEqual([]);
    await write(a, 'PATCH', `${SEGMENTS}/shop`, [{ op: 'remove', path: '/validity' }]);
    expect(await match(b)).toEqual(['p-hammer', 'p-loose']);
    expect(await trees(b)).toEqual([{ 'tools*': ['hammers'] }]);

    // A customer assignment: the customer's trees and items.
    expect(await items(b, '', b.customer)).toEqual([]);
    await write(a, 'PUT', `${SEGMENTS}/shop/customers/cu2`, {});
    expect(await trees(b, b.customer)).toEqual([{ 'tools*': ['hammers'] }]);
    await write(a, 'DELETE', `${SEGMENTS}/shop/customers/cu2`);
    expect(await items(b, '', b.customer)).toEqual([]);
    await write(a, 'PUT', `${SEGMENTS}/shop/customers/cu2`, {});
    expect(await items(b, '', b.customer)).toEqual(['shop/CATEGORY/tools', 'shop/PRODUCT/p-loose']);

    // A catalog move: spades under tools brings the spade into the segment, and the trees show it there.
    await categories([{ id: 'spades', parentId: 'tools', name: { en: 'Spades' } }]);
    expect(await match(b)).toEqual(['p-hammer', 'p-spade', 'p-loose']);
    await categories([{ id: 'spades', parentId: 'garden', name: { en: 'Spades' } }]);
    expect(await trees(b)).toEqual([{ 'tools*': ['hammers'] }]);
    await categories([{ id: 'spades', parentId: 'tools', name: { en: 'Spades' } }]);
    expect(await trees(b)).toEqual([{ 'tools*': ['hammers', 'spades'] }]);
    await products([{ id: 'p-loose', name: { en: 'Loose' }, categoryIds: ['garden'] }]);
    await write(a, 'DELETE', `${SEGMENTS}/shop/items/PRODUCT/p-loose`);
    expect(await match(b)).toEqual(['p-hammer', 'p-spade']);

    // The reverse direction: a write through the second process, read through the first.
    await write(b, 'DELETE', `${SEGMENTS}/shop/items/CATEGORY/tools`);
    expect(await match(a)).toEqual([]);
    expect(await trees(a)).toEqual([]);
    expect(await items(a)).toEqual([]);

    // The second process answered from its read model and cached answers, not only from the database.
    const after = await readSources(b.service.baseUrl);
    const served = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(served('match/model')).toBe(6);
    expect(served('match/database')).toBe(0);
  });
});
