/**
 * Objects keyed by client data (ids, mixin names, language tags). On an ordinary object a key such
 * as `__proto__` reaches `Object.prototype` and `constructor` or `toString` find inherited members,
 * so one request could change the whole process. Objects without a prototype have none of that:
 * every key is an ordinary own property.
 */

/** An empty object without a prototype, for lookups keyed by client strings. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The own value of `key`, never an inherited one (`record.constructor` is `Object` otherwise). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * A deep copy of JSON data in which every object has no prototype, for code that walks client paths
 * through it (JSON patch). `JSON.parse` of its `JSON.stringify` gives ordinary objects back.
 */
export function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPrototypes) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy = emptyRecord<unknown>();
  for (const [key, child] of Object.entries(value)) copy[key] = withoutPrototypes(child);
  return copy as T;
}
