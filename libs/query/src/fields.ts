import { QueryError } from './errors';

/**
 * `fields` projection: `a,b.c` keeps `a` and `b.c` of each response document. Arrays are projected
 * element by element, paths that match nothing yield nothing, and an absent or blank `fields` keeps
 * the whole document.
 *
 * Decision: the top-level `id` is always kept (when the document has one), as Emporix does, so that
 * a projected document can still be told apart and linked; nested `id`s are only kept when asked for.
 */
export const MAX_FIELDS_LENGTH = 4000;

/** A parsed projection: `true` keeps the whole value, a nested tree keeps parts of it. */
export type FieldTree = Map<string, FieldTree | true>;

export function parseFields(fields: string | undefined): FieldTree | undefined {
  if (fields === undefined || (fields as unknown) === null) return undefined;
  if (typeof fields !== 'string') throw new QueryError('fields must be a string');
  if (fields.length > MAX_FIELDS_LENGTH)
    throw new QueryError(`fields is too long (at most ${MAX_FIELDS_LENGTH} characters)`);
  const tree: FieldTree = new Map();
  for (const item of fields.split(',')) {
    const segments = item
      .trim()
      .split('.')
      .map((s) => s.trim());
    if (segments.some((s) => s === '')) continue;
    let node = tree;
    segments.forEach((segment, i) => {
      const existing = node.get(segment);
      if (existing === true) return; // already kept whole
      if (i === segments.length - 1) node.set(segment, true);
      else {
        const child: FieldTree = existing ?? new Map();
        node.set(segment, child);
        node = child;
      }
    });
  }
  return tree.size ? tree : undefined;
}

/** Parses `fields` once and returns a function that projects documents (use it for every item of a page). */
export function createProjector(fields: string | undefined): <T>(doc: T) => Partial<T> {
  const tree = parseFields(fields);
  if (!tree) return <T>(doc: T) => doc;
  const withId: FieldTree = new Map(tree);
  withId.set('id', true);
  return <T>(doc: T) => (project(doc, withId, true) ?? {}) as Partial<T>;
}

export function projectFields<T>(doc: T, fields: string | undefined): Partial<T> {
  return createProjector(fields)(doc);
}

/**
 * Keeps the parts of `value` named by `tree`. Nested objects that keep nothing are left out;
 * array elements are projected one by one (objects stay, even when empty, so positions keep meaning).
 */
function project(value: unknown, tree: FieldTree, keepEmpty: boolean): unknown {
  if (Array.isArray(value)) {
    return value.map((element) => project(element, tree, true)).filter((element) => element !== undefined);
  }
  if (value === null || typeof value !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  let kept = 0;
  for (const [key, sub] of tree) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    const projected = sub === true ? child : project(child, sub, false);
    if (projected === undefined) continue;
    // defineProperty, not assignment: a key like `__proto__` must stay a plain property.
    Object.defineProperty(out, key, { value: projected, enumerable: true, writable: true, configurable: true });
    kept++;
  }
  return kept || keepEmpty ? out : undefined;
}
