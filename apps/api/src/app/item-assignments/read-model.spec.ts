import { CatalogModel, matchProducts, SegmentsModel, SegmentTuple } from './read-model';

const NOW = 1_000_000;
const SEGMENTS: SegmentTuple[] = [
  ['open', 'main', true, null, null],
  ['window', 'main', true, NOW, NOW],
  ['future', 'main', true, NOW + 1, null],
  ['past', 'main', true, null, NOW - 1],
  ['inactive', 'main', false, null, null],
  ['other-site', 'eu', true, null, null],
];
const segments = () =>
  new SegmentsModel('g1', SEGMENTS, [
    ['open', true, 'p-direct'],
    ['open', false, 'c-root'],
    ['window', true, 'p-window'],
    ['future', true, 'p-future'],
    ['other-site', true, 'p-eu'],
    ['unknown-segment', true, 'p-ghost'],
  ]);

describe('SegmentsModel.select', () => {
  it('keeps segmentActiveNow: ACTIVE, and now within the validity with both ends included', () => {
    expect(segments().select(NOW, { onlyActive: true })).toEqual(['open', 'other-site', 'window']);
    expect(segments().select(NOW + 1, { onlyActive: true })).toEqual(['future', 'open', 'other-site']);
  });

  it('reads infinite validity ends, which the load gives as strings, as open ends', () => {
    const infinite = [['s', 'main', true, '-Infinity', 'Infinity']] as unknown as SegmentTuple[];
    expect(new SegmentsModel('g1', infinite, []).select(NOW, { onlyActive: true })).toEqual(['s']);
  });

  it('narrows by site and by one segment, and covers every segment without onlyActive', () => {
    expect(segments().select(NOW, { siteCode: 'main' })).toEqual(['future', 'inactive', 'open', 'past', 'window']);
    expect(segments().select(NOW, { segmentId: 'inactive' })).toEqual(['inactive']);
    expect(segments().select(NOW, { segmentId: 'missing' })).toEqual([]);
  });

  it("limits a customer's reads to its segments that are active now", () => {
    const customerSegments = new Set(['window', 'inactive', 'missing', 'other-site']);
    expect(segments().select(NOW, { customerSegments })).toEqual(['other-site', 'window']);
    expect(segments().select(NOW, { customerSegments, siteCode: 'main' })).toEqual(['window']);
    expect(segments().select(NOW, { customerSegments, segmentId: 'open' })).toEqual([]);
    expect(segments().select(NOW, { customerSegments: new Set() })).toEqual([]);
  });
});

describe('matchProducts', () => {
  // c-root <- c-mid <- c-leaf; c-cycle-a <-> c-cycle-b; c-orphan's parent is not in the catalog.
  const catalog = new CatalogModel(
    'g1',
    [
      ['c-root', null],
      ['c-mid', 'c-root'],
      ['c-leaf', 'c-mid'],
      ['c-cycle-a', 'c-cycle-b'],
      ['c-cycle-b', 'c-cycle-a'],
      ['c-orphan', 'c-root-missing'],
    ],
    [
      ['p-leaf', 'c-leaf'],
      ['p-cycle', 'c-cycle-a'],
      ['p-orphan', 'c-orphan'],
      ['p-unheld', 'c-not-held'],
      ['p-two', 'c-cycle-b'],
      ['p-two', 'c-mid'],
    ],
  );
  const match = (productIds: string[], segmentIds: string[], now = NOW, site = 'main') =>
    matchProducts({ segments: segments(), catalog, now }, productIds, segmentIds, site);

  it('matches directly and through any ancestor the catalog holds, in request order, each id once', () => {
    expect(match(['p-two', 'p-leaf', 'p-direct', 'p-leaf', 'p-cycle', 'p-orphan', 'p-unheld'], ['open'])).toEqual([
      'p-two',
      'p-leaf',
      'p-direct',
    ]);
  });

  it('counts only the given segments of the site that are active now', () => {
    expect(match(['p-window', 'p-future', 'p-eu', 'p-ghost'], ['window', 'future', 'other-site'])).toEqual([
      'p-window',
    ]);
    expect(match(['p-window', 'p-future'], ['window', 'future'], NOW + 1)).toEqual(['p-future']);
    expect(match(['p-eu'], ['other-site'], NOW, 'eu')).toEqual(['p-eu']);
  });

  it('ends walks on cycles', () => {
    const cyclic = new SegmentsModel('g1', [['s', 'main', true, null, null]], [['s', false, 'c-cycle-b']]);
    expect(matchProducts({ segments: cyclic, catalog, now: NOW }, ['p-cycle', 'p-leaf'], ['s'], 'main')).toEqual([
      'p-cycle',
    ]);
    const none = new SegmentsModel('g1', [['s', 'main', true, null, null]], [['s', false, 'c-elsewhere']]);
    expect(matchProducts({ segments: none, catalog, now: NOW }, ['p-cycle'], ['s'], 'main')).toEqual([]);
  });

  it('learns walks per catalog: a new catalog model under the same segments model walks again', () => {
    const model = new SegmentsModel('g1', [['s', 'main', true, null, null]], [['s', false, 'c-root']]);
    const before = new CatalogModel(
      'g1',
      [
        ['c-root', null],
        ['c-leaf', 'c-root'],
      ],
      [['p', 'c-leaf']],
    );
    const moved = new CatalogModel(
      'g2',
      [
        ['c-root', null],
        ['c-leaf', null],
      ],
      [['p', 'c-leaf']],
    );
    expect(matchProducts({ segments: model, catalog: before, now: NOW }, ['p'], ['s'], 'main')).toEqual(['p']);
    expect(matchProducts({ segments: model, catalog: moved, now: NOW }, ['p'], ['s'], 'main')).toEqual([]);
    expect(matchProducts({ segments: model, catalog: before, now: NOW }, ['p'], ['s'], 'main')).toEqual(['p']);
  });
});
