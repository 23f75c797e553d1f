import { Select } from '../database/select';

/**
 * The named query parameters of a list (`name`, `legalInfo.legalName`, ...) besides q: each one
 * maps to a trusted SQL condition on the bound parameter `:<param>`; given ones are ANDed.
 */
export type FilterSpec = Readonly<Record<string, (param: string) => string>>;

export const equals =
  (sql: string) =>
  (param: string): string =>
    `${sql} = :${param}`;

/** Case-insensitive "contains" without LIKE, so `%` and `_` in the value are plain characters. */
export const contains =
  (sql: string) =>
  (param: string): string =>
    `strpos(lower(${sql}), lower(:${param})) > 0`;

/** Some element of a jsonb array of strings contains the value (case-insensitive). */
export const anyElementContains =
  (jsonArraySql: string) =>
  (param: string): string =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(${jsonArraySql}) = 'array' THEN ${jsonArraySql} END) AS element(value) WHERE ${contains('element.value')(param)})`;

export function applyFilters(select: Select, values: object, spec: FilterSpec): Select {
  Object.entries(spec).forEach(([name, condition], index) => {
    const value = (values as Record<string, unknown>)[name];
    if (value === undefined || value === null) return;
    const param = `filter${index}`;
    select.where(condition(param), { [param]: value });
  });
  return select;
}
