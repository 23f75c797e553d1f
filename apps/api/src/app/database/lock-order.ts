/**
 * The one order in which a request that writes several rows locks them: by key. Transactions that
 * lock overlapping rows in the same order wait for each other instead of deadlocking (rows locked in
 * request order deadlocked: 12 parallel bulks of 30 of 40 shared keys took seconds, with 503s).
 *
 * Keys compare column by column, texts by code point: the order of `COLLATE "C"` on the database's
 * UTF-8 text, so SQL that locks several rows itself orders them with `ORDER BY <key> COLLATE "C"`.
 */
export type LockKey = readonly string[];

export function compareLockKeys(a: LockKey, b: LockKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareCodePoints(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * The positions of `items` in lock order. The sort is stable, so a key repeated in one request keeps
 * its request order; items without a key (invalid ones, or new rows with generated ids) lock nothing
 * another request could hold, and come first.
 */
export function lockOrder<T>(items: readonly T[], keyOf: (item: T) => LockKey | undefined): number[] {
  const keys = items.map(keyOf);
  return items
    .map((_, index) => index)
    .sort((x, y) => {
      const a = keys[x];
      const b = keys[y];
      if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
      return compareLockKeys(a, b);
    });
}

/**
 * Code point order. UTF-16 code units sort the same way except that a surrogate (half of a code point
 * above U+FFFF) sorts below U+E000-U+FFFF; moving the surrogates above that range fixes it.
 */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
