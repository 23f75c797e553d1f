/**
 * The storefront's read model of one tenant: what match, category trees and item lists need of the segments and the
 * catalog, in memory, with the read generation it was loaded at (read-model.repository.ts). Pure data and logic: the
 * reads keep the semantics of the statements in item-assignments.repository.ts, which stay the reference.
 */

/** What the reads need of one segment. Instants are microseconds since 1970 (float8, as the database reads them). */
export interface ModelSegment {
  siteCode: string;
  /** Status ACTIVE. */
  active: boolean;
  from: number | null;
  to: number | null;
  products: Set<string>;
  categories: Set<string>;
}

/** One segment as the load reads it: id, site, status ACTIVE, validity from and to. */
export type SegmentTuple = [string, string, boolean, number | null, number | null];
/** One item assignment as the load reads it: segment id, PRODUCT (else CATEGORY), item id. */
export type ItemTuple = [string, boolean, string];
/** One category (id, parent id) and one product's category (product id, category id). */
export type CategoryTuple = [string, string | null];
export type ProductCategoryTuple = [string, string];

/** Which segments a read covers (the conditions of `ItemListScope` and `CategoryTreeScope`). */
export interface SegmentSelection {
  segmentId?: string;
  siteCode?: string;
  /** Only segments that are ACTIVE and valid now. */
  onlyActive?: boolean;
  /** Only these (a customer's segments, which must also be active and valid now). */
  customerSegments?: ReadonlySet<string>;
}

/** What a set of segments grants: their products and categories together. */
export interface Grant {
  products: Set<string>;
  categories: Set<string>;
}

/**
 * Grants kept per model (one per distinct set of active segments asked for), and the items they may hold together
 * beyond the model's own: past either, all are dropped (they are rebuilt from the model on demand).
 */
const MAX_GRANTS = 64;
const GRANT_ITEMS_SLACK = 100_000;
/** Categories a walk memo of one grant keeps (catalog model) before it starts over. */
const MAX_MEMO = 20_000;

/** The segments part: every segment of the tenant with its items. */
export class SegmentsModel {
  readonly segments = new Map<string, ModelSegment>();
  private readonly grants = new Map<string, Grant>();
  private grantItems = 0;
  private readonly maxGrantItems: number;

  constructor(
    /** The read generation of the segments part it was loaded at. */
    readonly generation: string,
    segments: SegmentTuple[],
    items: ItemTuple[],
  ) {
    for (const [id, siteCode, active, from, to] of segments) {
      // Number(): an infinite validity comes as the JSON string "Infinity" or "-Infinity".
      const instant = (value: number | null) => (value === null ? null : Number(value));
      this.segments.set(id, {
        siteCode,
        active,
        from: instant(from),
        to: instant(to),
        products: new Set(),
        categories: new Set(),
      });
    }
    for (const [segmentId, isProduct, itemId] of items) {
      const segment = this.segments.get(segmentId);
      if (segment) (isProduct ? segment.products : segment.categories).add(itemId);
    }
    this.maxGrantItems = 4 * items.length + GRANT_ITEMS_SLACK;
  }

  /** `segmentActiveNow`: ACTIVE and `now` within the validity (open ends allowed). */
  static activeAt(segment: ModelSegment, now: number): boolean {
    return (
      segment.active && (segment.from === null || segment.from <= now) && (segment.to === null || segment.to >= now)
    );
  }

  /** The ids of the segments a read covers at `now`, sorted (they key cached answers). */
  select(now: number, selection: SegmentSelection): string[] {
    const ids: string[] = [];
    const candidates =
      selection.segmentId !== undefined ? [selection.segmentId] : (selection.customerSegments ?? this.segments.keys());
    for (const id of candidates) {
      const segment = this.segments.get(id);
      if (!segment || (selection.siteCode !== undefined && segment.siteCode !== selection.siteCode)) continue;
      if (selection.customerSegments && !selection.customerSegments.has(id)) continue;
      if ((selection.onlyActive || selection.customerSegments) && !SegmentsModel.activeAt(segment, now)) continue;
      ids.push(id);
    }
    return ids.sort();
  }

  /** What the segments `ids` (existing ones) grant together, shared by the reads asking for the same set. */
  grant(ids: string[]): Grant {
    const key = ids.join('\0');
    let grant = this.grants.get(key);
    if (grant) return grant;
    grant = { products: new Set(), categories: new Set() };
    for (const id of ids) {
      const segment = this.segments.get(id) as ModelSegment;
      for (const product of segment.products) grant.products.add(product);
      for (const category of segment.categories) grant.categories.add(category);
    }
    const size = grant.products.size + grant.categories.size;
    if (this.grants.size >= MAX_GRANTS || this.grantItems + size > this.maxGrantItems) {
      this.grants.clear();
      this.grantItems = 0;
    }
    this.grants.set(key, grant);
    this.grantItems += size;
    return grant;
  }
}

/** The catalog part: the category hierarchy and each product's categories, of the categories the catalog holds. */
export class CatalogModel {
  /** Category id -> its parent, when the catalog holds the parent. */
  private readonly parents = new Map<string, string | undefined>();
  private readonly productCategories = new Map<string, string[]>();
  /** Per grant, which categories reach one of its categories, learnt as match walks the hierarchy. */
  private readonly memos = new WeakMap<Grant, Map<string, boolean>>();

  constructor(
    readonly generation: string,
    categories: CategoryTuple[],
    productCategories: ProductCategoryTuple[],
  ) {
    for (const [id] of categories) this.parents.set(id, undefined);
    for (const [id, parentId] of categories)
      if (parentId !== null && this.parents.has(parentId)) this.parents.set(id, parentId);
    for (const [productId, categoryId] of productCategories) {
      if (!this.parents.has(categoryId)) continue;
      const categories = this.productCategories.get(productId);
      if (categories) categories.push(categoryId);
      else this.productCategories.set(productId, [categoryId]);
    }
  }

  /** Whether one of the product's categories, or an ancestor of one, is a category of `grant`. Ends on cycles. */
  reaches(productId: string, grant: Grant): boolean {
    const categories = this.productCategories.get(productId);
    if (!categories || !grant.categories.size) return false;
    let memo = this.memos.get(grant);
    if (!memo || memo.size > MAX_MEMO) {
      memo = new Map();
      this.memos.set(grant, memo);
    }
    const known = memo;
    return categories.some((category) => this.categoryReaches(category, grant.categories, known));
  }

  /** Walks up from `start` until an assigned category, one known from an earlier walk, the root or a cycle. */
  private categoryReaches(start: string, assigned: ReadonlySet<string>, memo: Map<string, boolean>): boolean {
    const walked: string[] = [];
    let found = false;
    for (let id: string | undefined = start; id !== undefined; id = this.parents.get(id)) {
      const known = memo.get(id);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (assigned.has(id)) {
        found = true;
        break;
      }
      // Marked before going on: a cycle back to it ends the walk with what the walk finds (nothing, on a cycle).
      memo.set(id, false);
      walked.push(id);
    }
    if (found) for (const id of walked) memo.set(id, true);
    return found;
  }
}

/**
 * `MATCH_SQL` on the model: the products of `productIds` (in request order, once each) assigned to one of `segmentIds`
 * that are of `site` and active at `now`, directly or through one of their categories or an ancestor of one.
 */
export function matchProducts(
  model: { segments: SegmentsModel; catalog: CatalogModel; now: number },
  productIds: string[],
  segmentIds: string[],
  site: string,
): string[] {
  const active = new Set<string>();
  for (const id of segmentIds) {
    const segment = model.segments.segments.get(id);
    if (segment && segment.siteCode === site && SegmentsModel.activeAt(segment, model.now)) active.add(id);
  }
  const grant = model.segments.grant([...active].sort());
  const matched = new Set<string>();
  for (const id of productIds)
    if (!matched.has(id) && (grant.products.has(id) || model.catalog.reaches(id, grant))) matched.add(id);
  return [...matched];
}
